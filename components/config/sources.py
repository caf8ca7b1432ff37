"""The one place every input file is read and parsed: size, encoding, control characters, YAML limits.

Every reader here raises a `ConfigError` naming the file (and line or byte offset), never a traceback, so the
loader and every CLI get the same guarantees whatever file a user breaks.
"""


import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from components.config.errors import ConfigError, Problem, excerpt

# A tenant of some 100,000 applications (an application is about 170 bytes and 18 values of YAML); a bigger file
# is a mistake or an attack. Its offline plan needs far more memory than its parse (about 70 KB per resource).
MAX_YAML_BYTES = 20_000_000
# Auth0's largest text fields (Action code, templates) are 100 KB; an asset bigger than this cannot be sent.
MAX_ASSET_BYTES = 1_000_000
# `pulumi preview --json` of a large tenant: every resource is a step holding its old and new state (an application's
# is some 10 to 20 KB pretty-printed), so 3,000 applications are some 100 MB; this is about 30,000 resources.
MAX_JSON_BYTES = 500_000_000
# Values (nodes) after alias expansion, and nesting depth: a few lines of aliases can otherwise expand to
# gigabytes. The values as written are counted first, from the parser's events, so that a file dense with them
# is refused before they are built (some 350 bytes each).
MAX_YAML_NODES = 2_000_000
MAX_YAML_DEPTH = 40

STACK_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def stack_name_problem(name: str) -> str | None:
    """Why `name` cannot be a stack name of this project, or None; `::` or `;` in it would corrupt URNs or shells."""
    if isinstance(name, str) and STACK_NAME.fullmatch(name) and len(name) <= 100:
        return None
    return f"stack name {excerpt(name)} is not valid: expected lower-case letters, digits and '-' ([a-z0-9][a-z0-9-]*)"


@dataclass
class Source:
    """One parsed YAML document: its data and the line of each dotted key path."""

    file: str
    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path.rpartition(".")[0]
        return None


# libyaml's parser when pyyaml has it (its wheels do): the same results, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """A duplicate key silently overwrites in plain YAML, and a list or mapping as a key reaches the model as an
    unhashable value; here both are errors with their line."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain name, not a list or mapping", key_node.start_mark
            )
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {excerpt(key)}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_unique_keys(text: str) -> Any:
    """What `yaml.safe_load` gives, through libyaml when pyyaml has it, but a duplicate key (or a list or mapping
    as a key) is a YAMLError with its line: for a file that is not the tenant's own (an auth0-deploy-cli export,
    whose own reader refuses a duplicate key too), without the limits and line index that `parse_yaml` adds."""
    return yaml.load(text, Loader=_UniqueKeyLoader)


def _index_lines(root: yaml.Node, lines: dict[str, int]) -> None:
    pending: list[tuple[yaml.Node, str]] = [(root, "")]
    while pending:
        node, prefix = pending.pop()
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
                lines.setdefault(path, key_node.start_mark.line + 1)
                pending.append((value_node, path))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                path = f"{prefix}.{index}"
                lines.setdefault(path, item.start_mark.line + 1)
                pending.append((item, path))
        if len(lines) > MAX_YAML_NODES:
            return


def check_text(text: str, file: str) -> None:
    """Control characters (NUL, escape ...) have no place in a config or asset file; name the line."""
    found = _CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise ConfigError([Problem(file, "", f"control character {found.group()!r} in the file; remove it", line)])


_VALUE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_START_EVENTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _check_events(text: str, file: str) -> None:
    """The nesting depth and the number of values, as written and as aliases expand them, from the flat event
    stream, before any node is built: libyaml's composer crashes the process (a segmentation fault, no
    exception) on some ten thousand nested brackets, a file of millions of values would take gigabytes to
    compose, and a few nested aliases expand to billions. An anchor is defined before its aliases, so its
    expanded size and height, kept when it closes, are all an alias needs; an alias to an anchor still open
    is a value that contains itself."""
    loader = _SafeLoader(text)
    values = expanded = 0
    open_collections: list[list] = []  # per open collection: [expanded size of its contents, their height, anchor]
    anchors: dict[str, tuple[int, int]] = {}  # anchor -> (expanded size, height), once it has closed
    open_anchors: set[str] = set()

    def refuse(event, message: str) -> None:
        raise ConfigError([Problem(file, "", f"invalid YAML: {message}", event.start_mark.line + 1)])

    try:
        while (event := loader.get_event()) is not None and not isinstance(event, yaml.StreamEndEvent):
            if isinstance(event, _VALUE_EVENTS):
                values += 1
                if values > MAX_YAML_NODES:
                    refuse(event, f"holds more than {MAX_YAML_NODES} values; refusing to read it")
            if isinstance(event, _START_EVENTS):
                if len(open_collections) >= MAX_YAML_DEPTH:
                    refuse(event, f"is nested more than {MAX_YAML_DEPTH} levels deep; refusing to read it")
                expanded += 1  # the collection itself; its contents are counted as they come
                open_collections.append([0, 0, event.anchor])
                if event.anchor:
                    open_anchors.add(event.anchor)
                continue
            if isinstance(event, _END_EVENTS):
                contents, height, anchor = open_collections.pop()
                size, height = 1 + contents, 1 + height  # already in `expanded`
                if anchor:
                    anchors[anchor] = (size, height)
                    open_anchors.discard(anchor)
            elif isinstance(event, yaml.ScalarEvent):
                size = height = 1
                expanded += 1
                if event.anchor:
                    anchors[event.anchor] = (1, 1)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor in open_anchors:
                    refuse(event, "an alias refers to the value that contains it (a recursive structure)")
                size, height = anchors.get(event.anchor, (1, 1))  # an unknown anchor: the composer reports it
                expanded += size
                if len(open_collections) + height - 1 > MAX_YAML_DEPTH:
                    refuse(event, f"is nested more than {MAX_YAML_DEPTH} levels deep; refusing to read it")
            else:  # the stream's and documents' own events
                continue
            if expanded > MAX_YAML_NODES:
                refuse(event, f"expands to more than {MAX_YAML_NODES} values (aliases?); refusing to read it")
            if open_collections:
                parent = open_collections[-1]
                parent[0] += size
                parent[1] = max(parent[1], height)
    except yaml.YAMLError:
        pass  # parse_yaml reports the syntax error with its line
    finally:
        loader.dispose()


def parse_yaml(text: str, file: str) -> Source:
    check_text(text, file)
    _check_events(text, file)
    loader = _UniqueKeyLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = " ".join(part for part in (error.context, error.problem) if part)
        raise ConfigError([Problem(file, "", f"invalid YAML: {reason}", line)]) from None
    except yaml.YAMLError as error:
        raise ConfigError([Problem(file, "", f"invalid YAML: {excerpt(str(error), 120)}")]) from None
    except RecursionError:
        raise ConfigError([Problem(file, "", "invalid YAML: nested too deeply")]) from None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if node is not None:
        _index_lines(node, lines)
    return Source(file=file, data=data if data is not None else {}, lines=lines)


def read_text(path: Path, display_name: str | None = None, max_bytes: int = MAX_YAML_BYTES) -> str:
    """A UTF-8 text file, or a `ConfigError` saying precisely why not (missing, a directory, too big, encoding)."""
    name = display_name or path.name
    try:  # is_dir and is_file raise for a name longer than the file system allows
        if path.is_dir():
            raise ConfigError([Problem(name, "", "is a directory; expected a file")])
        if not path.is_file():
            raise ConfigError([Problem(name, "", "file not found")])
        size = path.stat().st_size
        if size > max_bytes:
            raise ConfigError([Problem(name, "", f"is {size} bytes; the limit is {max_bytes}")])
        raw = path.read_bytes()
    except OSError as error:
        raise ConfigError([Problem(name, "", f"cannot be read: {error.strerror}")]) from None
    return decode(raw, name)


def decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ConfigError([Problem(
            name, "", f"is not UTF-8 text: byte {raw[error.start]:#04x} at offset {error.start}; save it as UTF-8",
            line,
        )]) from None
    return text.removeprefix("\ufeff")


def read_yaml(path: Path, display_name: str | None = None) -> Source:
    name = display_name or path.name
    return parse_yaml(read_text(path, name), name)


def read_mapping(path: Path, display_name: str | None = None, what: str = "a mapping") -> Source:
    """A YAML file whose top level must be a mapping with plain-name keys."""
    source = read_yaml(path, display_name)
    if not isinstance(source.data, dict):
        raise ConfigError([Problem(source.file, "", f"expected {what} at the top level; got {_kind(source.data)}")])
    return source


def _kind(value: Any) -> str:
    return {list: "a list", str: "a string", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), type(value).__name__)


def read_json(text_or_bytes: str | bytes, name: str) -> Any:
    """JSON with the same guarantees as YAML: UTF-8, a size limit, nesting depth; a `ConfigError` otherwise."""
    text = decode(text_or_bytes, name) if isinstance(text_or_bytes, bytes) else text_or_bytes
    if len(text) > MAX_JSON_BYTES:
        raise ConfigError([Problem(name, "", f"is over {MAX_JSON_BYTES} bytes")])
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError([Problem(name, "", f"not valid JSON: {error.msg}", error.lineno)]) from None
    except RecursionError:
        raise ConfigError([Problem(name, "", "not valid JSON: nested too deeply")]) from None
