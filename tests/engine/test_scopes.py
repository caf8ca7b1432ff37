"""The deploy application's Management API scopes: every resource type a stack registers has them, and the
bootstrapping guide lists exactly the mapping."""

from __future__ import annotations

from pathlib import Path

import pulumi_auth0
import pytest

from cli.scopes import (
    DOCS_BEGIN,
    DOCS_END,
    SCOPES_BY_TYPE,
    docs_block,
    read_only,
    required_scopes,
    unmapped,
)
from tests.conftest import FULL_STACKS, PROJECT_DIR, fixture_plan

PROVIDER_DIR = Path(pulumi_auth0.__file__).parent
# The resource types of DESIGN.md's workstream table: the project provisions all of them once merged.
DESIGN_TYPES = (
    "Tenant", "CustomDomain", "CustomDomainVerification", "Connection", "ConnectionClients", "Client",
    "ResourceServer", "ResourceServerScopes", "ClientGrant", "Prompt", "PromptCustomText", "AttackProtection",
    "Guardian", "Branding", "BrandingTheme", "Pages", "EmailTemplate", "EmailProvider", "Action", "TriggerActions",
    "Role", "RolePermissions", "LogStream", "NetworkAcl",
)


@pytest.mark.parametrize("stack", FULL_STACKS)
def test_every_auth0_type_a_stack_registers_has_its_scopes_mapped(stack):
    types = {record.type for record in fixture_plan("full", stack).resources}
    assert unmapped(types) == [], f"stack {stack}: add these types to cli/scopes.py SCOPES_BY_TYPE"
    assert required_scopes(types), f"stack {stack}: no scopes at all?"


def test_an_unmapped_type_is_named_in_the_error():
    assert unmapped(["auth0:index/rule:Rule", "ciam:index:CiamTenant", "pulumi:providers:auth0"]) \
        == ["auth0:index/rule:Rule"]
    with pytest.raises(KeyError, match="auth0:index/rule:Rule"):
        required_scopes(["auth0:index/tenant:Tenant", "auth0:index/rule:Rule"])


def test_every_type_of_the_design_is_mapped():
    mapped = {token.split(":")[-1] for token in SCOPES_BY_TYPE}
    assert sorted(set(DESIGN_TYPES) - mapped) == []


def test_every_mapped_token_is_a_type_of_the_installed_provider():
    source = "".join(path.read_text() for path in PROVIDER_DIR.glob("*.py"))
    for token in SCOPES_BY_TYPE:
        assert f"'{token}'" in source or f'"{token}"' in source, f"{token} is not a pulumi_auth0 type token"


def test_scopes_are_well_formed_and_each_type_can_at_least_read_what_it_manages():
    for token, (scopes, _) in SCOPES_BY_TYPE.items():
        for scope in scopes:
            action, _, thing = scope.partition(":")
            assert action in ("read", "create", "update", "delete") and thing.replace("_", "").isalpha(), scope
        assert not scopes or read_only(scopes), f"{token}: a refresh needs a read scope"


def test_scopes_are_deduplicated_and_grouped_by_resource():
    scopes = required_scopes(["auth0:index/tenant:Tenant", "auth0:index/pages:Pages"])
    assert scopes == ["read:clients", "update:clients", "read:tenant_settings", "update:tenant_settings"]


def test_the_bootstrapping_guide_lists_exactly_the_mapping():
    text = (PROJECT_DIR / "docs" / "bootstrapping.md").read_text()
    start, end = text.index(DOCS_BEGIN), text.index(DOCS_END) + len(DOCS_END)
    assert text[start:end] == docs_block(), "docs/bootstrapping.md is stale: paste `python -m cli.scopes --docs`"
