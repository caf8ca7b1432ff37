"""The bridge from Pulumi's config (stack file, ESC, `--secret` values) to the pure loader."""


import json
from pathlib import Path
from typing import Any

import pulumi
from pulumi.runtime import config as runtime_config
from pulumi.runtime.mocks import MockMonitor
from pulumi.runtime.settings import get_monitor

from components.config.blueprint import SECTIONS, STACK_ONLY_KEYS
from components.config.errors import ConfigError, Problem
from components.config.loader import TenantConfig, load
from components.config.sources import Source
from components.config.stack_files import read_stack_file
from components.config.types import SecretRef

NAMESPACE = "ciam"


def under_mock_runtime() -> bool:
    """True in the offline plan and the unit tests, where nothing is deployed and no secret can be read."""
    return isinstance(get_monitor(), MockMonitor)


def _ciam_config() -> tuple[dict[str, Any], set[str]]:
    # Pulumi has no public "list every key"; the language host hands the program this map.
    everything = {**runtime_config.get_config_env(), **runtime_config.CONFIG.get()}
    values: dict[str, Any] = {}
    secrets: set[str] = set()
    for full_key, raw in everything.items():
        namespace, _, key = full_key.partition(":")
        if namespace != NAMESPACE:
            continue
        if pulumi.runtime.is_config_secret(full_key):
            secrets.add(key)
            continue
        # Structured values arrive as JSON; `null` is how a stack turns an optional section off.
        values[key] = _structured(full_key, raw)
    return values, secrets


def refuse_secret_overlays(file: str, secrets: set[str], stack_file: Source | None) -> None:
    """A `secure:` leaf (`pulumi config set --secret --path ciam:connections.x.client_id`) makes Pulumi hold
    the whole `ciam:connections` key as one secret, which the overlay cannot merge: refuse it by name."""
    overlays = sorted(secrets & (set(SECTIONS) | set(STACK_ONLY_KEYS)))
    if overlays:
        raise ConfigError([Problem(
            file, f"ciam:{key}",
            "a secret value inside an overlay is not supported (Pulumi would hold the whole overlay as one "
            "secret): store the value as its own key (`pulumi config set --secret <name> <value>`) and reference "
            "it in the overlay as `{secret: <name>}`",
            stack_file.line_of(f"config.ciam:{key}") if stack_file else None) for key in overlays])


def _structured(full_key: str, raw: Any) -> Any:
    if not (isinstance(raw, str) and (raw[:1] in "{[" or raw == "null")):
        return raw
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        file = f"Pulumi.{pulumi.get_stack()}.yaml"
        message = "starts like JSON but is not JSON; write the value as YAML"
        raise ConfigError([Problem(file, full_key, message)]) from None


def load_stack_config(project_dir: Path) -> TenantConfig:
    """Load and validate this stack's config; a `ConfigError` (printed without a traceback) on any problem."""
    stack_name = pulumi.get_stack()
    stack_file_path = project_dir / f"Pulumi.{stack_name}.yaml"
    stack_file: Source | None = None
    if stack_file_path.exists():  # values come from Pulumi; the file gives line numbers and its own checks
        stack_file = read_stack_file(project_dir, stack_name)
    values, secrets = _ciam_config()
    refuse_secret_overlays(f"Pulumi.{stack_name}.yaml", secrets, stack_file)
    return load(
        project_dir, stack_name, values, secrets,
        allow_unset_secrets=under_mock_runtime(), stack_file=stack_file,
    )


def secret_value(ref: SecretRef) -> pulumi.Output[str]:
    """The referenced secret as a secret Output, from `pulumi config set --secret` or a Pulumi ESC environment."""
    value = pulumi.Config(NAMESPACE).get_secret(ref.secret)
    if value is None:  # the loader allows this only under the mock runtime
        return pulumi.Output.secret(f"[unset secret {ref.secret}]")
    return value
