"""The comparison behind `make changes`, on constructed plans: aliases, secret references, replace-forcing
properties, components counted apart, stack settings, and the values as they are shown."""

from __future__ import annotations

from cli.change_plan import compare, settings_changes
from cli.change_render import render_tree
from cli.offline import SECRET, Plan, Record
from cli.values import shown

STACK = "urn:pulumi:s::ciam::"
COMPONENT = "ciam:authentication:Applications"


def _record(name: str, type_: str = "auth0:index/client:Client", parent: str | None = None, **kwargs) -> Record:
    qualified = f"{COMPONENT}${type_}" if parent else type_
    defaults = {"inputs": {}, "protect": False, "dependencies": ()}
    defaults.update(kwargs)
    return Record(urn=f"{STACK}{qualified}::{name}", type=type_, name=name, parent=parent, **defaults)


def _plan(*records: Record) -> Plan:
    return Plan("s", list(records))


def test_a_rename_carried_by_an_alias_changes_nothing():
    old = _record("app-old", inputs={"name": "App"})
    new = _record("app-new", inputs={"name": "App"}, aliases=(old.urn,))
    changes = compare(_plan(old), _plan(new))
    assert changes.resources == [], [c.as_json() for c in changes.resources]


def test_a_changed_secret_reference_is_shown_by_its_name_never_a_value():
    old = _record("db", "auth0:index/connection:Connection", inputs={"options": {"clientSecret": SECRET}},
                  secret_refs=(("options.clientSecret", "old_key"),))
    new = _record("db", "auth0:index/connection:Connection", inputs={"options": {"clientSecret": SECRET}},
                  secret_refs=(("options.clientSecret", "new_key"),))
    (change,) = compare(_plan(old), _plan(new)).resources
    assert [(p.path, p.old, p.new) for p in change.properties] == [
        ("options.clientSecret", "[secret old_key]", "[secret new_key]")], change.urn


def test_a_connection_strategy_change_is_a_replace_naming_the_property():
    old = _record("db", "auth0:index/connection:Connection", inputs={"strategy": "auth0", "name": "db"})
    new = _record("db", "auth0:index/connection:Connection", inputs={"strategy": "oidc", "name": "db"})
    (change,) = compare(_plan(old), _plan(new)).resources
    assert change.action == "replace" and change.reason == "strategy changed, which forces replacement", change


def test_a_resource_that_asks_for_replace_on_changes_is_replaced_on_that_property():
    old = _record("app", inputs={"appType": "spa"}, replace_on_changes=("appType",))
    new = _record("app", inputs={"appType": "native"}, replace_on_changes=("appType",))
    (change,) = compare(_plan(old), _plan(new)).resources
    assert change.action == "replace", change


def test_components_are_not_counted_as_auth0_resources():
    component = Record(f"{STACK}{COMPONENT}::apps", COMPONENT, "apps", None, False, (), {})
    client = _record("app", parent=component.urn)
    changes = compare(_plan(), _plan(component, client))
    assert changes.summary() == "s: 1 to add, 0 to change, 0 to replace, 0 to delete"
    assert changes.as_json()["components"]["add"] == 1
    assert "components (grouping only, no Auth0 object): 1 to create" in render_tree([changes])


def test_a_deleted_protected_resource_says_so():
    changes = compare(_plan(_record("db", "auth0:index/connection:Connection", protect=True)), _plan())
    assert "- Connection db  [protected]" in render_tree([changes])
    assert changes.summary().endswith("1 to delete")


def test_stack_settings_and_outputs_are_compared_by_path():
    before = {"ciam:stack": {"environment": "development"}, "outputs": {"login_domain": "a"}, "secrets_unset": []}
    after = {"ciam:stack": {"environment": "production"}, "outputs": {"login_domain": "b"},
             "secrets_unset": ["crm_api_key"]}
    got = {(c.path, str(c.old), str(c.new)) for c in settings_changes(before, after)}
    assert got == {("ciam:stack.environment", "development", "production"), ("outputs.login_domain", "a", "b"),
                   ("secrets_unset", "[]", "['crm_api_key']")}


def test_long_values_show_lines_size_and_hash_and_short_ones_whole():
    assert shown("https://example.test/callback") == '"https://example.test/callback"'
    code = "line\n" * 40
    assert shown(code).startswith("(40 lines, 200 chars, sha256 ")
    assert shown(code) != shown(code + "x"), "a change to a long value is visible"
    assert shown("x" * 500, whole=True) == '"' + "x" * 500 + '"', "an updated one-line value is shown in full"
