"""Stacks are discovered from the `Pulumi.<stack>.yaml` files; the promotion order is `ciam:stack.promotes_to`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from components.config.errors import ConfigError
from components.config.stacks import promotion_order, stack_names, stacks

PROJECT_DIR = Path(__file__).resolve().parents[2]


def write_stacks(root: Path, promotions: dict[str, str | None]) -> None:
    for name, target in promotions.items():
        line = f"\n    promotes_to: {target}" if target else ""
        (root / f"Pulumi.{name}.yaml").write_text(f"config:\n  ciam:stack:\n    environment: qa{line}\n")


def test_every_stack_file_is_a_stack_and_nothing_else_is(tmp_path):
    write_stacks(tmp_path, {"sandbox": None, "eu-live-2": None})
    (tmp_path / "Pulumi.yaml").write_text("name: ciam\n")
    assert stack_names(tmp_path) == ["eu-live-2", "sandbox"]


@pytest.mark.parametrize("name", ["Live", "-live", "live_2", "live.eu", "li ve"])
def test_an_unsafe_stack_name_is_an_error_naming_the_file(tmp_path, name):
    (tmp_path / f"Pulumi.{name}.yaml").write_text("config: {}\n")
    with pytest.raises(ConfigError) as caught:
        stack_names(tmp_path)
    assert str(caught.value) == (f"Pulumi.{name}.yaml: stack name {name!r} must match [a-z0-9][a-z0-9-]* "
                                 "(it goes into URNs, file names and shell commands)")


def test_the_promotion_order_follows_promotes_to_whatever_the_names(tmp_path):
    write_stacks(tmp_path, {"zulu": "mike", "mike": "alpha", "alpha": None, "lab": None})
    assert promotion_order(tmp_path) == ["lab", "zulu", "mike", "alpha"]


def test_promotion_to_an_unknown_stack_is_one_line(tmp_path):
    write_stacks(tmp_path, {"sandbox": "nowhere", "live": None})
    with pytest.raises(ConfigError) as caught:
        promotion_order(tmp_path)
    assert str(caught.value) == ("Pulumi.sandbox.yaml: ciam:stack.promotes_to: unknown stack 'nowhere' "
                                 "(stacks: live, sandbox)")


def test_a_promotion_cycle_is_one_line(tmp_path):
    write_stacks(tmp_path, {"lab": "sandbox", "sandbox": "live", "live": "sandbox"})
    with pytest.raises(ConfigError) as caught:
        promotion_order(tmp_path)
    assert str(caught.value) == ("Pulumi.live.yaml: ciam:stack.promotes_to: promotion goes round in a cycle "
                                 "through live, sandbox")


def test_make_stacks_exits_2_on_a_bad_stack_file_without_a_traceback(tmp_path):
    write_stacks(tmp_path, {"sandbox": "nowhere"})
    result = subprocess.run([sys.executable, "-m", "cli.stacks", "--dir", str(tmp_path)],
                            cwd=PROJECT_DIR, capture_output=True, text=True)
    assert result.returncode == 2 and "unknown stack 'nowhere'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("written", "expected"), [
    (b"config:\n  ciam:stack: [\n", "Pulumi.qa.yaml:3: invalid YAML: "),
    (b"\xff\xfeconfig: {}\n", "Pulumi.qa.yaml:1: is not UTF-8 text: byte 0xff at offset 0"),
    (b"- config\n", "Pulumi.qa.yaml: expected a stack file (a mapping with config:) at the top level; got a list"),
    (b"config: [dev]\n", "Pulumi.qa.yaml:1: config: expected a mapping of `namespace:key` names to values"),
    (b"config: &loop\n  ciam:stack: *loop\n", "Pulumi.qa.yaml:2: invalid YAML: an alias refers to the value"),
    (b"config: {}\nconfig: {}\n", "Pulumi.qa.yaml:2: invalid YAML: "),
    (None, "Pulumi.qa.yaml: is a directory; expected a file"),
])
def test_a_stack_file_that_cannot_be_read_is_an_error_naming_it(tmp_path, written, expected):
    """Every tool derives the stacks from these files (make's STACK default, the CI matrix): one that is not a
    readable YAML mapping is a problem naming the file and line, with the other files' problems, never a crash."""
    write_stacks(tmp_path, {"dev": "qa", "prod": None})
    (tmp_path / "Pulumi.zz.yaml").write_text("config: [\n")  # a second broken file is reported in the same error
    if written is None:
        (tmp_path / "Pulumi.qa.yaml").mkdir()
    else:
        (tmp_path / "Pulumi.qa.yaml").write_bytes(written)
    with pytest.raises(ConfigError) as caught:
        promotion_order(tmp_path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 2 and lines[0].startswith(expected), lines
    assert lines[1].startswith("Pulumi.zz.yaml:2: invalid YAML: "), lines


def test_a_stack_file_without_stack_settings_is_listed_without_an_environment(tmp_path):
    write_stacks(tmp_path, {"dev": None})
    (tmp_path / "Pulumi.qa.yaml").write_text("")
    (tmp_path / "Pulumi.lab.yaml").write_text("config:\n  ciam:stack: 3\n")  # the plan reports this one
    assert [(info.name, info.environment) for info in stacks(tmp_path)] == [
        ("dev", "qa"), ("lab", None), ("qa", None)]
