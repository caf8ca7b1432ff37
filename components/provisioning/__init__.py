"""User provisioning workstream: database, custom-database, social and passwordless connections."""
