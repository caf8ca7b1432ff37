"""What `make import` writes as YAML (tenant.yaml, the stack files) reads back as exactly the data it wrote, whatever
the strings: YAML 1.1 words (yes, on, null), numbers and dates as text, leading dashes and colons, quotes, line
breaks, long and non-ASCII text, a0deploy's @@KEYWORD@@ and ##KEYWORD## placeholders."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.adopt.project import _yaml_text
from components.config.errors import ConfigError
from components.config.sources import parse_yaml

_TRICKY = st.sampled_from([
    "yes", "no", "on", "off", "null", "~", "", "1e3", "0x1F", "0o17", "1_000", ".inf", "2001-12-14", "12:30",
    "- a", ": b", "#c", "'q'", '"d"', "a\nb", "a\n", " lead", "trail ", "\t", "=", "<<", "*alias", "&anchor",
    "!tag", "%directive", "@@ENV@@", "##ENV##", "x" * 300, "é" * 150, "a b " * 80, "\u2028", "\ufeffbom",
])
_TEXT = _TRICKY | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
_LEAVES = _TEXT | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_DOCUMENTS = st.dictionaries(_TEXT, st.recursive(
    _LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4), max_leaves=30,
), max_size=6)


@settings(max_examples=50, deadline=None, derandomize=True)
@given(_DOCUMENTS)
def test_what_the_importer_writes_reads_back_as_the_same_data(document):
    text = _yaml_text(document, width=120)
    assert yaml.safe_load(text) == document, text
    try:
        parsed = parse_yaml(text, "tenant.yaml").data
    except ConfigError as error:  # the engine refuses a control character in its files; nothing else here
        assert "control character" in str(error), (str(error), text)
    else:
        assert parsed == document, text
