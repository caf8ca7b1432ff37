"""The import report: every value not carried over, by key path, and the secrets to set. Never a secret value."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Report:
    not_expressed: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # section -> (key path, why)
    skipped_sections: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    secrets: dict[str, set[str]] = field(default_factory=dict)  # config key -> stacks ("" = every stack)
    secret_values_found: list[str] = field(default_factory=list)  # key paths that held a real secret
    notes: list[str] = field(default_factory=list)
    production_checks: list[str] = field(default_factory=list)  # mandatory rules a production stack fails as imported

    def unexpressed(self, section: str, path: str, why: str = "not expressible in this project's model yet") -> None:
        self.not_expressed.setdefault(section, []).append((path, why))

    def secret(self, name: str, stacks: tuple[str, ...] = ("",)) -> None:
        self.secrets.setdefault(name, set()).update(stacks)

    def markdown(self, stacks: list[str]) -> str:
        out = ["# Import report", ""]
        if self.warnings:
            out += ["## Warnings", "", *(f"- {w}" for w in self.warnings), ""]
        if self.production_checks:
            out += ["## Production checks to fix before the first deploy", "",
                    "The program refuses to deploy a production stack that fails a mandatory rule; as imported:", "",
                    *(f"- {line}" for line in self.production_checks), "",
                    "Each stack file lists its failing rules under `ciam:stack.open_findings`: the project's tests "
                    "accept exactly those (and fail on any other), while `make check` and `pulumi up` still refuse "
                    "them. Fix each one, then take it out of the list; a test fails while a fixed one stays.", ""]
        out += ["## Secrets to set", ""]
        if not self.secrets:
            out.append("None.")
        for name in sorted(self.secrets):
            for stack in stacks or ["<stack>"]:
                out.append(f"- `pulumi config set --secret {name} <value> -s {stack}`")
        for path in self.secret_values_found:
            out.append(f"- a secret value at {path}; set it with `pulumi config set --secret` (shown above), "
                       "it was not written to any file")
        out.append("")
        out += ["## Skipped sections", ""]
        out += [f"- `{name}`: {why}" for name, why in self.skipped_sections] or ["None."]
        out.append("")
        out += ["## Values not carried over", ""]
        if not self.not_expressed:
            out.append("None.")
        for section in sorted(self.not_expressed):
            out.append(f"### {section}")
            out.append("")
            out += [f"- `{path}`: {why}" for path, why in sorted(set(self.not_expressed[section]))]
            out.append("")
        if self.notes:
            out += ["## Notes", "", *(f"- {n}" for n in self.notes), ""]
        return "\n".join(out).rstrip() + "\n"
