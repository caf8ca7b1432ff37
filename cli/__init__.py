"""Offline tools: the plan, the production check, the stack diff; no Pulumi CLI, credentials or network."""
