"""`make import FROM=<export> [CONFIG="dev=config.dev.json ..."] [INTO=<dir>] [FORCE=1] [STRICT=1] [IMPORT_IDS=<s>]`.

Turns an auth0-deploy-cli export (YAML or directory format) and its per-environment configs into tenant.yaml,
assets/, one Pulumi.<stack>.yaml per config and import-report.md. Bad input: one line per problem, nothing written.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import os
import sys
from pathlib import Path

from cli.adopt.a0deploy import read_export
from cli.adopt.errors import ImportFailed, fail
from cli.adopt.keywords import Keywords, read_configs
from cli.adopt.progress import counted, say
from cli.adopt.project import REPORT_FILE, translate, write_project
from cli.adopt.translate import Translation
from cli.export_tenant import IMPORT_FILE, live_ids, write_import_file
from components.config.errors import excerpt


def run(source: Path, config_spec: str, into: Path, *, force: bool = False, strict: bool = False,
        environment: str | None = None, ids_from: str | None = None) -> str:
    """Import; with `ids_from` (a stack), also look the Auth0 IDs up by name in its live tenant: import.json."""
    configs = read_configs(config_spec, environment)
    if ids_from and ids_from not in {c.stack for c in configs}:
        raise fail("CONFIG", ids_from, "IMPORT_IDS names a stack that CONFIG does not give")
    export, root = read_export(source)
    items = sum(len(section) for section in export.values())
    say(f"read {counted(items, 'item')} in {counted(len(export), 'section')} from {source}")
    translation = translate(export, Translation(export, Keywords(configs), root, strict))
    if ids_from and (into / IMPORT_FILE).exists() and not force:
        raise fail(str(into / IMPORT_FILE), "", "exists; FORCE=1 overwrites it")
    report = write_project(translation, into, force)
    if ids_from:
        write_import_file(into, ids_from, live_ids(into, ids_from), report)
        (into / REPORT_FILE).write_text(report.markdown([c.stack for c in configs]), encoding="utf-8")
    return report.markdown([c.stack for c in configs])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True)
    parser.add_argument("--config", default="")
    parser.add_argument("--into", default=".")
    parser.add_argument("--environment", default=None)
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--import-ids", default=None, help="a stack: look the Auth0 IDs up in its live tenant")
    args = parser.parse_args(argv)
    try:
        report = run(Path(args.source), args.config, Path(args.into), force=args.force, strict=args.strict,
                     environment=args.environment, ids_from=args.import_ids)
    except ImportFailed as error:
        print("\n".join(error.lines), file=sys.stderr)
        return 1
    except (RecursionError, MemoryError, OSError, ValueError, TypeError, KeyError, AttributeError,
            IndexError) as error:
        if os.environ.get("CIAM_DEBUG"):
            raise
        # An export no check foresaw; one line instead of a traceback (CIAM_DEBUG=1 shows it).
        print(f"{args.source}: this export could not be imported: {type(error).__name__}: "
              f"{excerpt(str(error), 120)} (rerun with CIAM_DEBUG=1 for details)", file=sys.stderr)
        return 1
    print(report, end="")
    print(f"(written to {Path(args.into) / REPORT_FILE})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
