"""Mutations of the a0deploy fixture exports (YAML and directory format) and the properties every `make import`
of them must have. Used by `make fuzz`, beside the tenant mutations of bad_input_properties.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import yaml
from hypothesis import strategies as st

from cli import import_tenant
from tests.engine.bad_input_properties import OPERATIONS, PLANTED_SECRET, VALUES, mutate, paths

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "a0deploy"
CONFIGS = f"dev={FIXTURES}/configs/config.dev.json prod={FIXTURES}/configs/config.prod.json"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The files of an export a mutation edits: the YAML export's tenant.yaml, each JSON file of the directory one.
FILES = [("yaml", Path("tenant.yaml"))] + [("directory", path.relative_to(FIXTURES / "directory"))
                                           for path in sorted((FIXTURES / "directory").rglob("*.json"))]
UNFORESEEN = "this export could not be imported"


def _read(export_format: str, file: Path):
    text = (FIXTURES / export_format / file).read_text()
    return yaml.load(text, Loader=_LOADER) if file.suffix == ".yaml" else json.loads(text)


@st.composite
def broken_exports(draw):
    export_format, file = draw(st.sampled_from(FILES))
    data = _read(export_format, file)
    path = draw(st.sampled_from(sorted(paths(data), key=repr)))
    operation = draw(OPERATIONS)
    return export_format, file, mutate(data, path, operation, draw(VALUES)), (path, operation)


def write_export(root: Path, export_format: str, file: Path, data) -> Path | None:
    """The fixture export in `root` with `file` replaced; None when the mutation cannot be written at all."""
    shutil.copytree(FIXTURES / export_format, root)
    try:
        text = yaml.safe_dump(data, allow_unicode=False, width=10**9) if file.suffix == ".yaml" else json.dumps(data)
    except (RecursionError, ValueError):
        return None
    (root / file).write_text(text)
    return root


def run_import(export: Path, into: Path) -> tuple[int, str]:
    """`make import` of the export as the CLI runs it: its exit code and what it printed on stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code = import_tenant.main(["--from", str(export), "--config", CONFIGS, "--into", str(into)])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, err.getvalue()


def violations(code: int, output: str) -> list[str]:
    """Every property a user relies on when an export is broken; empty when all hold."""
    found = []
    if code not in (0, 1):
        found.append(f"exit {code}")
    if "Traceback" in output:
        found.append("a traceback")
    if UNFORESEEN in output:  # one clean line, but no check names what is wrong
        found.append(f"an error no check foresaw: {output[output.index(UNFORESEEN):][:160]}")
    if PLANTED_SECRET in output:
        found.append("the planted secret is echoed")
    found += [f"a line of {len(line)} chars" for line in output.splitlines() if len(line) > 300]
    return found


_WRITTEN = re.compile(r"(tenant\.yaml|Pulumi\.[^/]+\.yaml|import-report\.md|import\.json|assets/.+)")


def outside(root: Path, into: Path) -> list[str]:
    """Files under `root` that are neither the export's nor what an import writes into `into` (its tenant.yaml,
    stack files, report and assets/): a file name from the export that climbed out of assets/."""
    export = root / "export"
    return [str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()
            and not path.is_relative_to(export)
            and not (path.is_relative_to(into) and _WRITTEN.fullmatch(path.relative_to(into).as_posix()))]
