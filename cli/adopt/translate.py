"""The translator both sources share: a0deploy-shaped sections in, blueprint sections, assets and a report out."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cli.adopt.errors import ImportFailed, fail
from cli.adopt.keywords import MARKER, PLACEHOLDER_VALUES, Keywords, var_name
from cli.adopt.report import Report
from components.config.errors import PATH_CHARS, ConfigError, excerpt, one_line
from components.config.sources import MAX_YAML_BYTES, read_text

DROP = object()  # a value that cannot be carried over (already reported)
# Files whose per-stack keywords become `{{ ciam.vars.<name> }}` (components/config/template_vars.py); not scripts.
TEMPLATE_SUFFIXES = (".html", ".json")

_FILE_NAME_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass
class Item:
    """One object of a section, with the file it came from (for messages) and its folder (for side files)."""

    file: str
    data: Any
    folder: Path | None = None


@dataclass
class Translation:
    export: dict[str, list[Item]]
    keywords: Keywords
    root: Path | None = None
    strict: bool = False
    report: Report = field(default_factory=Report)
    blueprint: dict[str, Any] = field(default_factory=dict)
    assets: dict[str, str] = field(default_factory=dict)  # project-relative path -> text
    keys: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> name -> key
    key_origin: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    dangling: list[str] = field(default_factory=list)
    ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (blueprint section, key) -> Auth0 id
    # Files whose keywords are written in by finish(): only once every section has run is it known which
    # keywords are secrets (one used in a secret field anywhere must never be written into a file).
    pending_assets: list[tuple[str, str, str, str]] = field(default_factory=list)

    # ---- keys and references ----
    def key(self, kind: str, name: str, file: str) -> str:
        key = slug(name)
        names = self.keys.setdefault(kind, {})
        taken = {k: n for n, k in names.items()}
        if key in taken and taken[key] != name:
            other_file, other = self.key_origin[(kind, key)]
            raise fail(file, f"{kind}.{name}", f"'{name}' and '{other}' (in {other_file}) both become the key "
                       f"'{key}'; rename one")
        names[name] = key
        self.key_origin[(kind, key)] = (file, name)
        return key

    def ref(self, kind: str, name: Any, file: str, where: str) -> str | None:
        if isinstance(name, str) and name in self.keys.get(kind, {}):
            return self.keys[kind][name]
        message = f"{file}: {where}: refers to {kind} '{name}', which the export does not hold; left out"
        if self.strict:
            self.dangling.append(message.replace("; left out", ""))
        else:
            self.report.warnings.append(message)
        return None

    # ---- values ----
    def value(self, section: str, value: Any, path: str) -> Any:
        """A non-secret value with its keywords as `${var}`; DROP (reported) when it would need a secret."""
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                converted = self.value(section, v, f"{path}.{k}")
                if converted is not DROP:
                    out[k] = converted
            return out
        if isinstance(value, list):
            items = [self.value(section, v, f"{path}.{i}") for i, v in enumerate(value)]
            return [v for v in items if v is not DROP]
        if not isinstance(value, str):
            return value
        if value in PLACEHOLDER_VALUES:
            self.report.unexpressed(section, path, "a masked value in a field that is not a secret here")
            return DROP
        names = [a or b for a, b in MARKER.findall(value)]
        for name in names:
            self.keywords.note(name, path)
        if any(name in self.keywords.secret for name in names):
            self.report.unexpressed(section, path, "a secret keyword in a field this project keeps in plain text")
            return DROP
        return MARKER.sub(lambda m: "${" + var_name(m.group(1) or m.group(2)) + "}", value)

    def secret(self, section: str, value: Any, path: str, hint: str) -> dict[str, str]:
        """A secret field: a keyword names the secret; a placeholder or a real value gets a name from `hint`."""
        whole = MARKER.fullmatch(value) if isinstance(value, str) else None
        if whole:
            keyword = whole.group(1) or whole.group(2)
            self.keywords.note(keyword, path, secret=True)
            name = var_name(keyword)
        else:
            name = re.sub(r"[^a-z0-9_]", "_", hint.lower()).strip("_")
            if value not in PLACEHOLDER_VALUES and value not in (None, ""):
                self.report.secret_values_found.append(path)
        self.report.secret(name)
        return {"secret": name}

    def text_asset(self, section: str, target: str, text: str, path: str) -> str:
        """Copy a script or HTML/JSON file to `target`. A keyword with one plain value in every config is written
        in; in HTML and JSON one that differs per stack becomes `{{ ciam.vars.<name> }}`, which the deploy fills
        from the stack's `ciam:vars`. A secret keyword, or one in a script, is reported. (Written by finish().)"""
        # The file's name comes from the export (a language, a template's name): never a path out of assets/.
        if not all(_FILE_NAME_PART.fullmatch(part) for part in target.split("/")) or not target.startswith("assets/"):
            raise ImportFailed([f"{one_line(path, PATH_CHARS)}: names a file {excerpt(target, 80)}, which cannot be "
                                "written under assets/: each part of it must be 1 to 100 letters, digits, '.', '_' "
                                "or '-', starting with a letter or digit"])
        for match in MARKER.finditer(text):
            self.keywords.note(match.group(1) or match.group(2), path)
        self.assets[target] = text
        self.pending_assets.append((section, target, text, path))
        return target

    def _write_keywords(self, section: str, target: str, text: str, path: str) -> None:
        template = target.endswith(TEMPLATE_SUFFIXES)

        def inline(match: re.Match) -> str:
            keyword = match.group(1) or match.group(2)
            self.keywords.note(keyword, path)
            values = [c.mappings.get(keyword) for c in self.keywords.configs]
            same = len({repr(v) for v in values}) == 1 and self.keywords.configs and keyword in \
                self.keywords.configs[0].mappings
            if same and keyword not in self.keywords.secret:
                value = self.keywords.configs[0].mappings[keyword]
                return value if match.group(1) or isinstance(value, str) else json.dumps(value)
            variable = "{{ ciam.vars." + var_name(keyword) + " }}"
            if template and keyword not in self.keywords.secret and self.keywords.configs:
                if match.group(1) and all(isinstance(v, str | int | float) for v in values):
                    return variable
                if all(isinstance(v, str) for v in values):
                    return f'"{variable}"'  # a0deploy writes a whole-value @@KEY@@ as JSON
                if all(isinstance(v, int | float | bool) for v in values):
                    return variable
            self.report.unexpressed(section, path, f"keyword {keyword} inside the file differs per stack (or is "
                                    "a secret or a list): a0deploy replaces it at deploy time, this project does "
                                    "not in a script or with a secret; edit the file")
            return match.group(0)

        self.assets[target] = MARKER.sub(inline, text)

    def side_file(self, item: Item, reference: Any, where: str) -> str:
        """The text of a file an object refers to (`./databases/x/login.js`), beside the object or the export.

        The live tenant gives the text itself, as `{"inline": text}`.
        """
        if isinstance(reference, dict) and isinstance(reference.get("inline"), str):
            return reference["inline"]
        if not isinstance(reference, str):
            raise fail(item.file, where, "expected a relative path to a file")
        for base in (item.folder, self.root):
            try:
                if base is None or not (base / reference).is_file():
                    continue
                # Not the asset limit: the model takes out (and reports) an asset it finds too big.
                return read_text(base / reference, reference, MAX_YAML_BYTES)
            except OSError as error:  # a name longer than the file system allows
                raise fail(item.file, where, f"cannot be read ({error.strerror}): {excerpt(reference, 80)}") from None
            except ConfigError as error:  # not UTF-8, too big
                raise fail(item.file, where, error.problems[0].message) from None
        raise fail(item.file, where, f"file not found: {reference}")

    def leftovers(self, section: str, prefix: str, data: dict, used: set[str] | tuple[str, ...]) -> None:
        for name in sorted(set(data) - set(used)):
            if name in IGNORED:
                continue
            self.report.unexpressed(section, f"{prefix}.{name}")

    def finish(self) -> None:
        for pending in self.pending_assets:
            self._write_keywords(*pending)
        self.pending_assets.clear()
        if self.dangling:
            raise ImportFailed(self.dangling)


# Read-only fields an export carries that no one configures.
IGNORED = {"id", "client_id", "tenant", "global", "callback_url_template", "is_system", "signing_keys",
           "client_secret", "created_at", "updated_at", "realms", "owners", "all_changes_deployed",
           "current_version", "deployed_version", "status", "build_time", "internal",
           "is_token_endpoint_ip_header_trusted"}


def slug(name: str) -> str:
    key = re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-")[:63].strip("-")
    return key or "unnamed"

