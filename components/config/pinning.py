"""Tenant pinning: a stack deploys only to the tenant it names in `ciam:stack.tenant_domain`."""

from __future__ import annotations


def pinning_problems(stack_name: str, pinned_domain: str, sources: dict[str, str | None]) -> list[str]:
    """One message per credential source (`auth0:domain`, `AUTH0_DOMAIN`, ...) that names another tenant."""
    problems = []
    for source, domain in sorted(sources.items()):
        if domain and domain.strip().lower() != pinned_domain:
            problems.append(
                f"{source} is {domain!r} but stack {stack_name} is pinned to {pinned_domain!r} "
                f"(ciam:stack.tenant_domain); refusing to deploy to another tenant. Unset {source} or use "
                f"the credentials of {pinned_domain}."
            )
    return problems
