"""A `secure:` value inside an overlay is refused by name, never silently dropping the whole overlay."""

from __future__ import annotations

import pytest

from components.config.errors import ConfigError


def some_stack(project) -> str:
    return project.stacks()[0]  # discovered, as the engine does


@pytest.mark.parametrize("section", ["connections", "vars"])
def test_a_secure_leaf_in_an_overlay_is_refused_with_the_key(project, section):
    stack = some_stack(project)
    data = project.stack_file(stack)
    existing = data["config"].get(f"ciam:{section}") or {}
    data["config"][f"ciam:{section}"] = {**existing, "any_key": {"client_id": {"secure": "v1:AAAAcanary"}}}
    project.write_stack_file(stack, data)
    with pytest.raises(ConfigError) as refused:
        project.plan(stack)
    lines = str(refused.value).splitlines()
    expected = f"ciam:{section}: a secret value inside an overlay"
    assert len(lines) == 1 and f"Pulumi.{stack}.yaml" in lines[0] and expected in lines[0], lines
    assert "canary" not in str(refused.value)
