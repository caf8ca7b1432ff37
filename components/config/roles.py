"""`roles`: RBAC roles keyed by a stable key, each with permissions on the scopes of `apis`."""


from pydantic import Field

from components.config.types import Key, Strict


class Role(Strict):
    name: str | None = Field(None, description="display name; defaults to the key")
    description: str = Field(min_length=1)
    permissions: dict[Key, list[str]] = Field(default_factory=dict, description="API key -> scopes")
