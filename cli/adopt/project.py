"""Writing the adopted project: tenant.yaml, assets/, Pulumi.<stack>.yaml and import-report.md.

Everything is staged in a temporary folder and checked with the project's own loader first; a value the model
rejects is taken out and reported (never an invalid tenant.yaml). Files move into place only at the end, so
an error writes nothing.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from cli.adopt.errors import ImportFailed
from cli.adopt.keywords import var_name
from cli.adopt.progress import counted, say
from cli.adopt.report import Report
from cli.adopt.sections import MAPPINGS, NOT_YET, RETIRED
from cli.adopt.translate import Item, Translation
from components.config.errors import ConfigError
from components.config.loader import load
from components.config.merge import lookup
from components.config.sources import read_yaml

REPORT_FILE = "import-report.md"
_PLACEHOLDER_DOMAIN = "example.auth0.com"
_ENGINE_DIR = Path(__file__).resolve().parents[2]
# Fields that are a resource's identity in Auth0 (a connection's name holds its users; an API's identifier is
# the audience of every token): a rejected one takes the whole object out, never just the field.
IDENTITY_FIELDS = ("name", "identifier", "strategy", "template")


def translate(export: dict[str, list[Item]], translation: Translation) -> Translation:
    report = translation.report
    for section in sorted(export):
        if section in RETIRED:
            report.skipped_sections.append((section, RETIRED[section]))
        elif section in NOT_YET:
            report.skipped_sections.append((section, "not carried over by the importer yet; configure it by hand"))
            for index, item in enumerate(export[section]):
                fields = item.data if isinstance(item.data, dict) else {}
                label = fields.get("name") or fields.get("template") or index
                for field in sorted(fields):
                    report.unexpressed(section, f"{section}.{label}.{field}", "section not carried over yet")
    for step in ("register", "translate"):
        for mapping in MAPPINGS:
            if not hasattr(mapping, step):
                continue
            try:
                getattr(mapping, step)(translation)
            except (AttributeError, TypeError, KeyError, IndexError) as error:
                # A hand-edited export with a string where an object belongs: one line, not a traceback.
                files = sorted({item.file for item in export.get(mapping.SOURCE, [])}) or ["the export"]
                raise ImportFailed([f"{files[0]}: {mapping.SOURCE}: an object has an unexpected shape "
                                    f"({type(error).__name__}: {error})"]) from None
    translation.finish()
    translation.keywords.check_mappings()
    translation.blueprint = {k: v for k, v in translation.blueprint.items() if v or k == "tenant"}
    return translation


def stack_documents(translation: Translation) -> dict[str, dict[str, Any]]:
    documents = {}
    for config in translation.keywords.configs:
        stack: dict[str, Any] = {"tenant_domain": config.domain or _PLACEHOLDER_DOMAIN,
                                 "environment": config.environment}
        if not config.domain:
            translation.report.warnings.append(f"{config.file}: AUTH0_DOMAIN: missing; ciam:stack.tenant_domain "
                                               f"is {_PLACEHOLDER_DOMAIN} until you set it")
        ciam: dict[str, Any] = {"ciam:stack": stack}
        variables = translation.keywords.stack_vars(config)
        if variables:
            ciam["ciam:vars"] = variables
        documents[config.stack] = {"config": ciam}
    return documents


def _existing_trail(data: dict, parts: list[str]) -> list[Any] | None:
    """The keys of the deepest existing value along `parts` (list indexes as ints), at least an object under its
    section; None when there is nothing to take out."""
    trail: list[Any] = []
    node: Any = data
    for part in parts:
        key: Any = int(part) if isinstance(node, list) and part.isdigit() else part
        in_list = isinstance(node, list) and isinstance(key, int) and key < len(node)
        if isinstance(node, dict) and key in node or in_list:
            trail.append(key)
            node = node[key]
        else:
            break
    if not trail or (len(trail) == 1 and parts[0] == "tenant"):
        return None
    return trail


def _remove_all(data: dict, trails: list[list[Any]]) -> list[list[Any]]:
    """Take out each value; a value inside another taken out goes with it. Returns the trails taken out, the later
    index of a list before the earlier, so that removing one does not shift the next."""
    distinct = {tuple(trail) for trail in trails}
    outermost = [trail for trail in distinct if not any(trail[:n] in distinct for n in range(1, len(trail)))]
    ordered = sorted(outermost, key=lambda trail: [(0, part, "") if isinstance(part, int) else (1, 0, part)
                                                   for part in trail], reverse=True)
    for trail in ordered:
        node: Any = data
        for key in trail[:-1]:
            node = node[key]
        del node[trail[-1]]
    return [list(trail) for trail in ordered]


def _named_field(blueprint: dict, parts: list[str], message: str) -> list[str]:
    """A check on a whole object ("initiate_login_uri must be an https:// URL") takes out the field it names."""
    found, node = lookup(blueprint, tuple(parts))
    if not found or not isinstance(node, dict):
        return parts
    named = [key for key in node if isinstance(key, str) and key not in IDENTITY_FIELDS
             and re.search(rf"\b{re.escape(key)}\b", message)]
    return [*parts, max(named, key=len)] if named else parts


def validate(stage: Path, translation: Translation, documents: dict[str, dict]) -> None:
    """Load every stack with the model; take out (and report) whatever it rejects until it loads."""
    stacks = documents or {"import": {"config": {"ciam:stack": {"tenant_domain": _PLACEHOLDER_DOMAIN,
                                                                 "environment": "development"}}}}
    for attempt in range(1, 201):
        say(f"validating tenant.yaml with the model for {counted(len(stacks), 'stack')} (pass {attempt})")
        _write_blueprint(stage, translation)
        problems = []
        try:
            blueprint_file = read_yaml(stage / "tenant.yaml")  # once for every stack of the pass
            for stack, document in stacks.items():
                values = {k.partition(":")[2]: v for k, v in document["config"].items()}
                if not documents:
                    values["vars"] = {var_name(k): "https://example.com" for k in translation.keywords.used}
                load(stage, stack, values, set(), allow_unset_secrets=True, blueprint_file=blueprint_file)
        except ConfigError as error:
            problems = error.problems
        if not problems:
            return
        # Every value the model rejects in this pass comes out at once (a tenant of thousands of applications may
        # have one in each); a pass after it finds what only their removal lets the model see.
        reasons: dict[tuple, list[str]] = {}
        for problem in problems:
            parts = problem.path.split(".") if problem.file == "tenant.yaml" and problem.path else []
            if len(parts) > 2 and parts[-1] in IDENTITY_FIELDS:
                parts = parts[:2]  # without its own name a resource would be a different one: leave it all out
            elif parts:
                parts = _named_field(translation.blueprint, parts, problem.message)
            trail = _existing_trail(translation.blueprint, parts) if parts else None
            if trail:
                reasons.setdefault(tuple(trail), []).append(f"{problem.path}: {problem.message}")
        if not reasons:
            raise ImportFailed([str(p) for p in problems])
        removed = {tuple(trail) for trail in _remove_all(translation.blueprint, [list(key) for key in reasons])}
        say(f"pass {attempt}: the model rejects {counted(len(removed), 'value')}; left out and reported")
        for key, why in reasons.items():  # a value inside one taken out is reported as that one
            outer = next(key[:length] for length in range(1, len(key) + 1) if key[:length] in removed)
            for reason in why:
                translation.report.unexpressed(str(outer[0]), ".".join(map(str, outer)),
                                               f"the model rejects it ({reason})")
    raise ImportFailed(["tenant.yaml: the imported blueprint still does not validate after 200 passes: "
                        + "; ".join(str(p) for p in problems[:3])])


def production_findings(stage: Path, documents: dict[str, dict]) -> list[str]:
    """The mandatory rules each imported production stack fails: an imported tenant is often not yet what the
    production checks ask for (legacy flags left unset, no MFA), and the program refuses to deploy it so.

    Each stack's failing rules also go into its `ciam:stack.open_findings`, so that the project's own tests
    describe the tenant as it is (and fail again when a new rule breaks); `make check` and `pulumi up` still
    refuse them until they are fixed."""
    from cli.check import check_plan
    from cli.offline import run_program

    production = [s for s, d in documents.items() if d["config"]["ciam:stack"].get("environment") == "production"]
    if not production:
        return []
    for name in ("__main__.py", "Pulumi.yaml"):  # the engine's program, only to plan the staged files
        if not (stage / name).exists():
            shutil.copy(_ENGINE_DIR / name, stage / name)
    findings = []
    for stack in production:
        say(f"planning {stack} for the production checks")
        try:
            result = check_plan(run_program(stage, stack), "production")
        except ConfigError as error:
            findings.append(f"`{stack}`: does not plan yet: {str(error).splitlines()[0]}")
            continue
        findings += sorted(f"`{stack}`: {v.rule.name} on {v.resource}: {v.why}. Fix: {v.rule.fix}"
                           for v in result.mandatory)
        failing = sorted({v.rule.name for v in result.mandatory})
        if failing:
            documents[stack]["config"]["ciam:stack"]["open_findings"] = failing
    return findings


# libyaml's emitter when pyyaml has it (its wheels do): the same data as yaml.safe_dump writes, several times faster,
# and the blueprint is written again on each validation pass.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _yaml_text(data: Any, **options: Any) -> str:
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, **options)


def _write_blueprint(stage: Path, translation: Translation) -> None:
    header = ("# yaml-language-server: $schema=./schema/tenant.schema.json\n"
              "# Imported by `make import`; see import-report.md for what was not carried over.\n")
    body = _yaml_text(translation.blueprint, width=120)
    (stage / "tenant.yaml").write_text(header + body, encoding="utf-8")
    for path, text in translation.assets.items():
        target = stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _write_stack_files(stage: Path, documents: dict[str, dict]) -> None:
    for stack, document in documents.items():
        header = "# yaml-language-server: $schema=./schema/stack.schema.json\n"
        text = header + _yaml_text(document)
        (stage / f"Pulumi.{stack}.yaml").write_text(text, encoding="utf-8")


def write_project(translation: Translation, into: Path, force: bool, extra: dict[str, str] | None = None,
                  *, stack_files: bool = True) -> Report:
    """Stage, validate and move the files; `stack_files=False` keeps the existing Pulumi.<stack>.yaml (export)."""
    documents = stack_documents(translation)
    written_stacks = documents if stack_files else {}
    files = ["tenant.yaml", *translation.assets, *(f"Pulumi.{s}.yaml" for s in written_stacks), *(extra or {})]
    existing = [f for f in files if (into / f).exists()]
    if existing and not force:
        raise ImportFailed([f"{into / f}: exists; FORCE=1 overwrites it" for f in sorted(existing)])
    into.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".import-", dir=into))
    try:
        validate(stage, translation, documents)
        _write_stack_files(stage, written_stacks)
        for name, text in (extra or {}).items():
            (stage / name).write_text(text, encoding="utf-8")
        translation.report.production_checks = production_findings(stage, written_stacks)
        _write_stack_files(stage, written_stacks)  # with the open findings
        report = translation.report.markdown(list(documents))
        (stage / REPORT_FILE).write_text(report, encoding="utf-8")
        say(f"writing {counted(len(files) + 1, 'file')} into {into}")
        for file in [*files, REPORT_FILE]:
            target = into / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(stage / file), str(target))
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return translation.report

