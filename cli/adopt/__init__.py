"""Adoption: turn an auth0-deploy-cli export (files) or a live tenant (Management API) into this project.

One translator, two sources: `a0deploy.py` and `live.py` read their source into the a0deploy/Management API
shape (sections of objects identified by name), `sections/` maps each section to the blueprint's shape, and
`project.py` stages tenant.yaml, assets/, Pulumi.<stack>.yaml and the report, validates them with the model
and moves them into place only when everything worked.
"""
