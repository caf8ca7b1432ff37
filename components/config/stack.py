"""`ciam:stack`: what only a stack can say about itself (which tenant, what kind of environment)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from components.config.types import Domain, Strict


class StackSettings(Strict):
    tenant_domain: Domain = Field(description="the Auth0 tenant this stack deploys to, e.g. acme-prod.eu.auth0.com")
    environment: Literal["development", "qa", "staging", "production"]
    protect_data: bool | None = Field(
        None,
        description="protect data-bearing resources (database connections, custom domain) from deletion; "
        "defaults to true in production",
    )

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def protects_data(self) -> bool:
        return self.is_production if self.protect_data is None else self.protect_data
