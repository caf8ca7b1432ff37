"""`make import FROM=<export> [CONFIG="dev=config.dev.json ..."] [INTO=<dir>] [FORCE=1] [STRICT=1]`.

Turns an auth0-deploy-cli export (YAML or directory format) and its per-environment configs into tenant.yaml,
assets/, one Pulumi.<stack>.yaml per config and import-report.md. Bad input: one line per problem, nothing written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.adopt.a0deploy import read_export
from cli.adopt.errors import ImportFailed
from cli.adopt.keywords import Keywords, read_configs
from cli.adopt.project import REPORT_FILE, translate, write_project
from cli.adopt.translate import Translation


def run(source: Path, config_spec: str, into: Path, *, force: bool = False, strict: bool = False,
        environment: str | None = None) -> str:
    configs = read_configs(config_spec, environment)
    export, root = read_export(source)
    translation = translate(export, Translation(export, Keywords(configs), root, strict))
    report = write_project(translation, into, force)
    return report.markdown([c.stack for c in configs])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True)
    parser.add_argument("--config", default="")
    parser.add_argument("--into", default=".")
    parser.add_argument("--environment", default=None)
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    try:
        report = run(Path(args.source), args.config, Path(args.into), force=args.force, strict=args.strict,
                     environment=args.environment)
    except ImportFailed as error:
        print("\n".join(error.lines), file=sys.stderr)
        return 1
    print(report, end="")
    print(f"(written to {Path(args.into) / REPORT_FILE})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
