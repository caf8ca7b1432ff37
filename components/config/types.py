"""Field types shared by every section of the blueprint: URLs, secret references, asset files."""


from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from components.config.errors import ConfigError
from components.config.sources import MAX_ASSET_BYTES, check_text, read_text


class Strict(BaseModel):
    """Base of every config model: unknown keys are errors, values are not coerced across types."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _url_checker(schemes: tuple[str, ...] | None, wildcard: bool):
    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise PydanticCustomError("url_type", "expected a URL string")
        parts = urlsplit(value.replace("*", "wildcard") if wildcard else value)
        if not parts.scheme or not parts.netloc or " " in value:
            raise PydanticCustomError("url_parsing", "expected an absolute URL such as https://example.com/path")
        if schemes and parts.scheme not in schemes:
            wanted = {"schemes": " or ".join(schemes)}
            raise PydanticCustomError("url_scheme", "expected a URL with scheme {schemes}", wanted)
        return value

    return check


# Auth0 compares URLs as strings, so the value is kept exactly as written (no normalising slash added).
HttpsUrl = Annotated[
    str,
    BeforeValidator(_url_checker(("https", "http"), wildcard=False)),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
# Callbacks and origins may hold Auth0 wildcards (https://*.example.com) and native-app schemes.
CallbackUrl = Annotated[
    str,
    BeforeValidator(_url_checker(None, wildcard=True)),
    WithJsonSchema({"type": "string", "pattern": "^[a-zA-Z][a-zA-Z0-9+.-]*://"}),
]

_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
_DOMAIN = r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
_KEY = r"^[a-z0-9][a-z0-9_-]{0,62}$"
_SECRET_NAME = r"^[a-zA-Z][a-zA-Z0-9_]*$"

Email = Annotated[str, Field(pattern=_EMAIL)]
Domain = Annotated[str, Field(pattern=_DOMAIN, max_length=253)]
# A logical key names a resource in its URN; it must survive as a Pulumi name and read well in a plan.
Key = Annotated[str, Field(pattern=_KEY)]

# How an error message names what a pattern wanted; a section adding a pattern adds its meaning here.
PATTERN_MEANINGS: dict[str, str] = {
    _EMAIL: "an email address",
    _DOMAIN: "a lower-case domain name such as login.example.com",
    _KEY: "a key of lower-case letters, digits, '-' and '_' (at most 63)",
    _SECRET_NAME: "a config key name (letters, digits, '_')",
}


class SecretRef(Strict):
    """A value that lives in the stack's secret config (`pulumi config set --secret <name>`), never in a file."""

    secret: Annotated[str, Field(pattern=_SECRET_NAME, description="config key under `ciam:`")]


def _require_reference(value: Any) -> Any:
    if isinstance(value, (str, int, float)):
        raise PydanticCustomError(
            "secret_required",
            "a plain-text value is not allowed here; write {secret: <name>} and run "
            "`pulumi config set --secret <name> <value>`",
        )
    return value


Secret = Annotated[SecretRef, BeforeValidator(_require_reference)]


@dataclass(frozen=True)
class Asset:
    """A file under the project that people edit as a file (HTML, JavaScript, JSON); `path` is as written."""

    path: str
    text: str


def _load_asset(value: Any, info: ValidationInfo) -> Asset:
    if isinstance(value, Asset):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("asset_type", "expected a path to a file under assets/")
    root = Path((info.context or {}).get("project_dir", "."))
    try:  # a name longer than the file system allows is an OSError, not a missing file
        file = (root / value).resolve()
        if not file.is_relative_to(root.resolve()):
            raise PydanticCustomError("asset_outside", "the file must be inside the project: {path}", {"path": value})
        if file.is_dir():
            raise PydanticCustomError("asset_directory", "{path} is a directory; expected a file", {"path": value})
        if not file.is_file():
            raise PydanticCustomError("asset_missing", "file not found: {path}", {"path": value})
    except OSError as error:
        raise PydanticCustomError("asset_unreadable", "cannot be read ({why}): {path}",
                                  {"why": error.strerror, "path": value}) from None
    try:
        text = read_text(file, value, MAX_ASSET_BYTES)
        check_text(text, value)
    except ConfigError as error:
        problem = error.problems[0]
        where = f"{value} line {problem.line}" if problem.line else value
        raise PydanticCustomError("asset_unreadable", "{where}: {why}",
                                  {"where": where, "why": problem.message}) from None
    return Asset(path=value, text=text)


AssetFile = Annotated[
    Asset,
    PlainValidator(_load_asset),
    WithJsonSchema({"type": "string", "description": "path of a file, relative to the project root"}),
]
