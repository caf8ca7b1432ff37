"""The whole blueprint (`tenant.yaml` after the stack overlay): one field per top-level section."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from components.config.custom_domain import CustomDomainSection
from components.config.parity import ParitySection
from components.config.tenant import TenantSection
from components.config.types import Strict


class Blueprint(Strict):
    tenant: TenantSection
    custom_domain: CustomDomainSection | None = None
    parity: ParitySection | None = None


# Keys a stack file may set under `ciam:` besides the sections (secret names are free-form).
STACK_ONLY_KEYS = ("stack", "vars")
SECTIONS = tuple(Blueprint.model_fields)

# Checks across sections (a grant naming an unknown application, ...): each yields (dotted key path, message).
# They run after the model validates, before anything is registered.
CROSS_CHECKS: list[Callable[[Blueprint], Iterable[tuple[str, str]]]] = []
