"""The reader's limits (components/config/sources.py) fit a tenant of thousands of applications and still refuse,
before building anything, a file that would take the memory of the machine to read."""

from __future__ import annotations

import pytest

from components.config import sources
from components.config.errors import ConfigError


def _applications(count: int) -> str:
    """tenant.yaml's applications section as a team with many web applications writes it."""
    lines = ["applications:"]
    for index in range(count):
        lines += [f"  app-{index:05d}:", f"    name: App {index:05d}", "    app_type: regular_web", "    callbacks:"]
        lines += [f"      - https://app-{index:05d}.customers.example.com/region-{region}/auth/callback"
                  for region in range(10)]
    return "\n".join(lines) + "\n"


def test_a_tenant_file_of_more_than_a_megabyte_of_applications_is_read(tmp_path):
    tenant = tmp_path / "tenant.yaml"
    tenant.write_text(_applications(1500))
    assert tenant.stat().st_size > 1_000_000, "the file must be over the reader's former 1 MB limit"
    source = sources.read_mapping(tenant)
    assert len(source.data["applications"]) == 1500
    assert source.line_of("applications.app-01499.callbacks.9") == tenant.read_text().count("\n")


def test_a_file_over_the_byte_limit_is_refused_by_its_size_without_being_read(tmp_path, monkeypatch):
    tenant = tmp_path / "tenant.yaml"
    with tenant.open("wb") as file:
        file.truncate(sources.MAX_YAML_BYTES + 1)  # sparse: nothing written
    monkeypatch.setattr(type(tenant), "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    with pytest.raises(ConfigError) as refused:
        sources.read_mapping(tenant)
    assert str(refused.value) == f"tenant.yaml: is {sources.MAX_YAML_BYTES + 1} bytes; the limit is " \
                                 f"{sources.MAX_YAML_BYTES}"


# The line named is the one where the count passes the limit: the mapping itself is a value, and each of its
# lines two (the key and its value), so the 1,001st is on line 500.
@pytest.mark.parametrize(("text", "line"), [("values: [" + "1, " * 1000 + "1]\n", 1),
                                            ("".join(f"key-{index}: {index}\n" for index in range(600)), 500)],
                         ids=["a flow list", "a mapping"])
def test_a_file_of_more_values_than_the_limit_is_refused_before_any_value_is_built(text, line, monkeypatch):
    monkeypatch.setattr(sources, "MAX_YAML_NODES", 1000)
    monkeypatch.setattr(sources._UniqueKeyLoader, "get_single_node",
                        lambda self: pytest.fail("the values were built before they were counted"))
    with pytest.raises(ConfigError) as refused:
        sources.parse_yaml(text, "tenant.yaml")
    assert str(refused.value) == f"tenant.yaml:{line}: invalid YAML: holds more than 1000 values; refusing to read it"


def test_aliases_that_expand_past_the_limit_are_still_refused():
    # Few values as written (each level names the one before ten times), a billion once expanded.
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join([f'*{chr(97 + level)}'] * 10)}]\n" for level in range(8))
    with pytest.raises(ConfigError) as refused:
        sources.parse_yaml(text, "tenant.yaml")
    assert f"expands to more than {sources.MAX_YAML_NODES} values" in str(refused.value)


def test_nesting_past_the_depth_limit_as_written_gets_the_same_message_as_through_an_alias():
    text = "name: x\ndeep: " + "[" * (sources.MAX_YAML_DEPTH + 1) + "]" * (sources.MAX_YAML_DEPTH + 1) + "\n"
    with pytest.raises(ConfigError) as refused:
        sources.parse_yaml(text, "tenant.yaml")
    assert str(refused.value) == (f"tenant.yaml:2: invalid YAML: is nested more than {sources.MAX_YAML_DEPTH} "
                                  "levels deep; refusing to read it")


def test_aliases_that_nest_past_the_depth_limit_are_refused_at_the_alias():
    # 30 levels as written under `deep`, and `outer` puts that inside 15 more: 45 once expanded.
    deep = "deep: &deep " + "[" * 30 + "x" + "]" * 30 + "\n"
    outer = "outer: " + "[" * 15 + "*deep" + "]" * 15 + "\n"
    with pytest.raises(ConfigError) as refused:
        sources.parse_yaml(deep + outer, "tenant.yaml")
    assert str(refused.value) == (f"tenant.yaml:2: invalid YAML: is nested more than {sources.MAX_YAML_DEPTH} "
                                  "levels deep; refusing to read it")
    sources.parse_yaml(deep + "outer: " + "[" * 5 + "*deep" + "]" * 5 + "\n", "tenant.yaml")  # 36 levels: read


def test_an_alias_inside_its_own_anchor_is_refused_as_recursive():
    with pytest.raises(ConfigError) as refused:
        sources.parse_yaml("tenant:\n  loop: &loop\n    again: [ *loop ]\n", "tenant.yaml")
    assert str(refused.value) == ("tenant.yaml:3: invalid YAML: an alias refers to the value that contains it "
                                  "(a recursive structure)")


@pytest.mark.parametrize("key", ["[a, b]", "{a: b}"], ids=["a list", "a mapping"])
def test_a_key_that_is_a_list_or_a_mapping_is_refused_with_its_line(key):
    with pytest.raises(ConfigError) as refused:
        sources.parse_yaml(f"tenant:\n  name: x\n  ? {key}\n  : value\n", "tenant.yaml")
    assert str(refused.value) == "tenant.yaml:3: invalid YAML: a key must be a plain name, not a list or mapping"


def test_aliases_shared_by_many_entries_are_counted_as_expanded(monkeypatch):
    # 100 applications each naming the same 10-value anchor: 100 * (2 + 11) values once expanded, about 300 written.
    text = "shared: &shared [a, b, c, d, e, f, g, h, i, j]\napplications:\n" + "".join(
        f"  app-{index}: {{callbacks: *shared}}\n" for index in range(100))
    monkeypatch.setattr(sources, "MAX_YAML_NODES", 1000)
    with pytest.raises(ConfigError) as refused:
        sources.parse_yaml(text, "tenant.yaml")
    assert "expands to more than 1000 values (aliases?)" in str(refused.value)
    monkeypatch.setattr(sources, "MAX_YAML_NODES", 1500)
    assert len(sources.parse_yaml(text, "tenant.yaml").data["applications"]) == 100
