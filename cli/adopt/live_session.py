"""What every reader of the live tenant shares: the SDK client, page size, retries, progress, and the
conversion of the SDK's models into the plain dicts the section mappings read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from auth0.management import Auth0

from cli.adopt.translate import Item

RETRIES = {"max_retries": 6}
SOURCE = "the Management API"
# Statuses that mean "the tenant does not have this" for a singleton read (no template, no theme, a feature
# the tenant's plan lacks): the section is left out, never an error.
ABSENT = (403, 404)


def _whole(value: Any) -> Any:
    """The SDK types every number as float; the API sends 72, and tenant.yaml should read 72, not 72.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole(v) for v in value]
    return value


def plain(model: Any) -> Any:
    if hasattr(model, "model_dump"):
        return _whole(model.model_dump(mode="json", by_alias=True, exclude_none=True))
    if isinstance(model, list):
        return [plain(item) for item in model]
    return model


@dataclass
class Session:
    api: Auth0
    per_page: int
    say: Callable[[str], None]

    @property
    def options(self) -> dict:
        return {"request_options": RETRIES}

    def item(self, data: Any, what: str) -> Item:
        return Item(f"{SOURCE} ({what})", data)

    def optional(self, read: Callable[[], Any], absent: tuple[int, ...] = (404,)) -> Any:
        """A singleton the tenant may not have (no email provider, a template never customised): None."""
        try:
            return plain(read())
        except Exception as error:  # the SDK raises NotFoundError and friends, all with a status_code
            if getattr(error, "status_code", None) in absent:
                return None
            raise

    def all(self, pager: Iterable[Any]) -> list[dict]:
        return [plain(item) for item in pager]
