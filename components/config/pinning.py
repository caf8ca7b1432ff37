"""Tenant pinning: a stack deploys only to the tenant it names in `ciam:stack.tenant_domain`."""



def same_domain(a: str, b: str) -> bool:
    """DNS names compare case-insensitively, and `name.` (fully qualified) is the same host as `name`."""
    return a.strip().lower().removesuffix(".") == b.strip().lower().removesuffix(".")


def pinning_culprits(stack_name: str, pinned_domain: str, sources: dict[str, str | None]) -> list[tuple[str, str]]:
    """(culprit, message) per credential source (`auth0:domain`, `AUTH0_DOMAIN`, ...) that names another tenant."""
    found = []
    for source, domain in sorted(sources.items()):
        if domain and not same_domain(domain, pinned_domain):
            found.append((source,
                f"{source} is {domain[:80]!r} but stack {stack_name} is pinned to {pinned_domain!r} "
                f"(ciam:stack.tenant_domain); refusing to deploy to another tenant. Unset {source} or use "
                f"the credentials of {pinned_domain}."
            ))
    return found


def pinning_problems(stack_name: str, pinned_domain: str, sources: dict[str, str | None]) -> list[str]:
    return [message for _, message in pinning_culprits(stack_name, pinned_domain, sources)]
