"""`ciam:stack`: what only a stack can say about itself (its tenant, its kind of environment, its next stack)."""


import re
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from components.config.types import Domain, Strict

AUTH0_TENANT_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*(\.[a-z]{2}[0-9]?)?\.auth0\.com")


class StackSettings(Strict):
    tenant_domain: Domain = Field(description="the Auth0 tenant this stack deploys to, e.g. acme-prod.eu.auth0.com")
    environment: Literal["development", "qa", "staging", "production"]
    promotes_to: str | None = Field(
        None, pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="the stack a change is promoted to after this one (e.g. qa); the promotion order of "
        "the pipeline, read by cli/stacks.py",
    )
    protect_data: bool | None = Field(
        None,
        description="protect data-bearing resources (database connections, custom domain) from deletion; "
        "defaults to true in production",
    )

    open_findings: list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]] = Field(
        default_factory=list,
        description="mandatory production checks (rule names, `make check`) this stack is known to fail, as "
        "adopted by `make import`/`make export`: the tenant tests accept exactly these until they are fixed; "
        "`make check` and `pulumi up` still refuse them",
    )

    @field_validator("tenant_domain")
    @classmethod
    def _an_auth0_tenant(cls, value: str) -> str:
        # The canonical tenant name, not a custom domain: <tenant>.auth0.com or <tenant>.<region>.auth0.com.
        if not AUTH0_TENANT_DOMAIN.fullmatch(value.lower()):
            raise PydanticCustomError(
                "auth0_tenant_domain",
                "expected the Auth0 tenant's own domain, <tenant>.auth0.com or <tenant>.<region>.auth0.com "
                "(eu, us, au, jp, uk, ca ...), not a custom domain",
            )
        return value.lower()

    @property
    def is_production(self) -> bool:
        return self.environment == "production"

    @property
    def protects_data(self) -> bool:
        return self.is_production if self.protect_data is None else self.protect_data
