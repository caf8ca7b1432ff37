"""Architecture workstream: the tenant itself and its custom domain."""
