"""The deletion guard's table covers every type the program registers, on PreviewDigest-shaped previews.

The steps built here follow `pulumi preview --json` (PreviewDigest): op, urn, oldState/newState with
type, custom, protect, inputs; replaceReasons. The fixture files under tests/fixtures/preview/ are
full previews of each kind of destructive step.
"""

from __future__ import annotations

import inspect
import io
import json
import re
from pathlib import Path

import pulumi
import pulumi_auth0 as auth0
import pytest

from cli.guard import ALLOW_VARIABLE, destructions, main
from cli.guard_table import COSTS, DATA, LOCKOUT, PROTECTION

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "preview"
STACK = "urn:pulumi:prod::ciam::ciam:index:CiamTenant$ciam:workstream:Component"
PROVIDER = "urn:pulumi:prod::ciam::pulumi:providers:auth0::auth0::00000000-0000-0000-0000-000000000000"
PRODUCTION_CONFIG = {"ciam:stack": json.dumps({"environment": "production", "tenant_domain": "acme.eu.auth0.com"})}
GUARDED = sorted(t for t, c in COSTS.items() if c.cost is not None)
FREE = sorted(t for t, c in COSTS.items() if c.cost is None)


@pytest.fixture(autouse=True)
def _no_allowance(monkeypatch):
    monkeypatch.delenv(ALLOW_VARIABLE, raising=False)


def urn_of(type_token: str, name: str = "ciam-thing", parent: str = STACK) -> str:
    return f"{parent}${type_token}::{name}"


def state(type_token: str, urn: str, protect: bool = False, inputs: dict | None = None) -> dict:
    return {"urn": urn, "custom": True, "type": type_token, "protect": protect, "inputs": inputs or {"name": "x"},
            "outputs": {}, "parent": urn.split("$", 1)[0] if "$" in urn else "", "provider": PROVIDER}


def step(op: str, type_token: str, urn: str, old: bool = True, new: bool = True, **kw) -> dict:
    body = {"op": op, "urn": urn, "provider": PROVIDER}
    if old:
        body["oldState"] = state(type_token, urn, kw.get("old_protect", False))
    if new:
        body["newState"] = state(type_token, urn, kw.get("new_protect", False))
    if op in ("replace", "create-replacement", "delete-replaced"):
        body["replaceReasons"] = ["name"]
        body["diffReasons"] = ["name"]
    return body


def kinds(type_token: str) -> dict[str, list[dict]]:
    urn = urn_of(type_token)
    moved = urn_of(type_token, parent=STACK.replace("Component", "Renamed"))
    return {
        "delete": [step("delete", type_token, urn, new=False)],
        "replace": [step("create-replacement", type_token, urn), step("replace", type_token, urn),
                    step("delete-replaced", type_token, urn, new=False)],
        "delete-before-replace": [step("delete-replaced", type_token, urn, new=False),
                                  step("replace", type_token, urn), step("create-replacement", type_token, urn)],
        "unprotect": [step("update", type_token, urn, old_protect=True, new_protect=False)],
        "move": [step("create", type_token, moved, old=False), step("delete", type_token, urn, new=False)],
    }


def preview(steps: list[dict], config: dict | None = None) -> dict:
    stack = {"urn": "urn:pulumi:prod::ciam::pulumi:pulumi:Stack::ciam-prod", "custom": False,
             "type": "pulumi:pulumi:Stack"}
    return {"config": PRODUCTION_CONFIG if config is None else config,
            "steps": [{"op": "same", "urn": stack["urn"], "oldState": stack, "newState": stack}, *steps]}


def guard(body: dict) -> int:
    return main(["--file", "-"], stdin=io.StringIO(json.dumps(body)))


def registered_types() -> set[str]:
    """Every auth0 resource class the components construct, as its engine type token."""
    names = set()
    for path in (ROOT / "components").rglob("*.py"):
        names |= set(re.findall(r"\bauth0\.([A-Z][A-Za-z0-9]+)\(", path.read_text()))
    tokens = set()
    for name in names:
        cls = getattr(auth0, name)
        if inspect.isclass(cls) and issubclass(cls, pulumi.CustomResource):
            match = re.search(r"'(auth0:index/[^']+|pulumi:providers:auth0)'", inspect.getsource(cls))
            tokens.add(match.group(1) if match else "pulumi:providers:auth0")
    return tokens


def test_every_registered_type_has_a_decision_in_the_table():
    types = registered_types()
    assert len(types) > 20, types
    assert types - set(COSTS) == set(), "types without a deletion-guard decision in cli/guard_table.py"


@pytest.mark.parametrize("type_token", [
    "auth0:index/attackProtection:AttackProtection", "auth0:index/guardian:Guardian",
    "auth0:index/tenant:Tenant", "auth0:index/emailProvider:EmailProvider",
    "auth0:index/phoneProvider:PhoneProvider", "auth0:index/logStream:LogStream",
    "auth0:index/branding:Branding", "auth0:index/role:Role", "auth0:index/triggerActions:TriggerActions",
    "auth0:index/connectionClients:ConnectionClients"])
def test_the_types_the_audit_named_are_guarded(type_token):
    assert COSTS[type_token].cost is not None, type_token


def test_attack_protection_and_mfa_count_as_protection_and_data_types_as_data():
    assert COSTS["auth0:index/attackProtection:AttackProtection"].cost == PROTECTION
    assert COSTS["auth0:index/guardian:Guardian"].cost == PROTECTION
    assert COSTS["auth0:index/connection:Connection"].cost == DATA
    assert COSTS["auth0:index/emailProvider:EmailProvider"].cost == LOCKOUT


@pytest.mark.parametrize("kind", ["delete", "replace", "delete-before-replace", "unprotect", "move"])
@pytest.mark.parametrize("type_token", GUARDED)
def test_every_destructive_step_of_a_guarded_type_is_blocked_in_production(type_token, kind, capsys):
    body = preview(kinds(type_token)[kind])
    assert guard(body) == 1, f"{kind} of {type_token} passed the guard"
    err = capsys.readouterr().err
    assert COSTS[type_token].reason in err, f"{type_token}: the reason is missing from the message"
    [found] = destructions(body)
    assert found.action == kind, (type_token, found.ops)


@pytest.mark.parametrize("type_token", FREE)
def test_types_recreated_from_code_pass_but_are_listed(type_token, capsys):
    assert guard(preview(kinds(type_token)["replace"])) == 0, type_token
    assert urn_of(type_token) in capsys.readouterr().out


@pytest.mark.parametrize("type_token", FREE)
def test_removing_protect_is_blocked_whatever_the_type(type_token):
    assert guard(preview(kinds(type_token)["unprotect"])) == 1, type_token


def test_an_unknown_custom_type_fails_closed(capsys):
    assert guard(preview(kinds("auth0:index/someFutureType:SomeFutureType")["delete"])) == 1
    assert "no decision" in capsys.readouterr().err


def test_a_move_with_an_alias_is_not_a_move():
    """With an alias Pulumi shows one `same` step at the new URN, no create and no delete."""
    type_token = "auth0:index/connection:Connection"
    moved = urn_of(type_token, parent=STACK.replace("Component", "Renamed"))
    assert guard(preview([step("same", type_token, moved)])) == 0


def test_outside_production_everything_passes():
    config = {"ciam:stack": json.dumps({"environment": "development", "tenant_domain": "acme-dev.eu.auth0.com"})}
    for kind, steps in kinds("auth0:index/guardian:Guardian").items():
        assert guard(preview(steps, config)) == 0, kind


@pytest.mark.parametrize("name,urn_part,action", [
    ("prod-delete-attack-protection.json", "attackProtection:AttackProtection", "delete"),
    ("prod-replace-guardian-delete-before-replace.json", "guardian:Guardian", "delete-before-replace"),
    ("prod-unprotect-connection.json", "connection:Connection", "unprotect"),
    ("prod-move-log-stream-without-alias.json", "logStream:LogStream", "move"),
    ("prod-replace-role.json", "role:Role", "replace"),
])
def test_fixture_previews_of_each_step_kind_are_blocked(name, urn_part, action):
    body = json.loads((FIXTURES / name).read_text())
    assert guard(body) == 1, name
    assert [(urn_part in d.urn, d.action) for d in destructions(body)] == [(True, action)], name
