"""User authentication workstream: applications, APIs, Universal Login, MFA, phone and attack protection."""
