"""Authorization workstream: Actions (ID-token claims) and roles."""
