"""Customization workstream: branding, prompt texts, hosted pages and email templates."""
