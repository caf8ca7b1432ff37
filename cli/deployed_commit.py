"""The commit a stack was last deployed from: the base a deployment compares the stack's protection with.

A deployment must not trust the stack file it is about to apply to say whether the stack is production:
the merged change may be the one that switched it off. So the deploy job compares against what is
deployed. Pulumi records `git.head` in each update's metadata; this reads `pulumi stack history --json`
(stdin or --file) and prints `commit=<sha>` of the newest succeeded update whose commit this checkout has.
Without one (a first deployment, history from another clone) the first --fallback that resolves wins,
e.g. the push's `github.event.before`, then `HEAD^` (main before the merge).
Exit 0 with the commit; 2 when nothing resolves or the input is not a stack history.
"""

from __future__ import annotations

if __name__ == "__main__":  # before the heavy imports (cli/lean_start.py)
    from cli import lean_start

    lean_start.for_a_plan()

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

from cli.plan import PROJECT_DIR

GIT_HEAD = "git.head"
SHA = re.compile(r"[0-9a-f]{40}")


def resolve(ref: str, project_dir: Path) -> str | None:
    """The full SHA of a commit this checkout has, else None (unknown ref, all-zero `before`, shallow clone)."""
    if not ref or set(ref) == {"0"}:
        return None
    found = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=project_dir,
                           capture_output=True, text=True)
    return found.stdout.strip() if found.returncode == 0 else None


def deployed_commits(history: list) -> list[str]:
    """The `git.head` of each succeeded update, newest first (the order `pulumi stack history` prints)."""
    commits = []
    for update in history:
        if not isinstance(update, dict) or update.get("kind") != "update" or update.get("result") != "succeeded":
            continue
        head = (update.get("environment") or {}).get(GIT_HEAD, "")
        if isinstance(head, str) and SHA.fullmatch(head):
            commits.append(head)
    return commits


def main(argv: list[str] | None = None, project_dir: Path = PROJECT_DIR, stdin=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cli.deployed_commit", description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="-", help="`pulumi stack history --json` output (default: stdin)")
    parser.add_argument("--fallback", action="append", default=[], help="a ref to use without a deployed commit")
    args = parser.parse_args(argv)
    text = (stdin or sys.stdin).read() if args.file == "-" else Path(args.file).read_text()
    try:
        history = json.loads(text) if text.strip() else []
    except json.JSONDecodeError as error:
        print(f"error: {args.file}: not `pulumi stack history --json` output ({error.msg})", file=sys.stderr)
        return 2
    if not isinstance(history, list):
        print(f"error: {args.file}: not `pulumi stack history --json` output (expected a list)", file=sys.stderr)
        return 2
    for commit in deployed_commits(history):
        if resolve(commit, project_dir):
            print(f"deployed commit: {commit} (the last succeeded update)", file=sys.stderr)
            print(f"commit={commit}")
            return 0
    for ref in args.fallback:
        commit = resolve(ref, project_dir)
        if commit:
            print(f"deployed commit: none recorded that this checkout has; comparing with {ref} ({commit})",
                  file=sys.stderr)
            print(f"commit={commit}")
            return 0
    print("error: no deployed commit and no fallback resolves: cannot tell what the stack's protection was",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
