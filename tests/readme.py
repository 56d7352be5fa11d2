"""The console examples of the README and the docs/ pages: `$ cqsmart …` lines followed by their exact output.

Run `python tests/readme.py --update` after changing behaviour to rewrite the outputs; the test
test_readme.py runs every example and fails when a page no longer tells the truth.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
# The README and the reference pages it links; every example on each is run.
PAGES = [README, *sorted((README.parent / "docs").glob("*.md"))]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
# Examples are rendered as on an 80-column English terminal without colour.
# CQSMART_FACTS unset (None, as CliRunner takes it): examples read the bundled base.
EXAMPLE_ENV: dict[str, str | None] = {"COLUMNS": "80", "LANG": "en_US.UTF-8", "NO_COLOR": "1", "CQSMART_FACTS": None}


@dataclass(frozen=True)
class Example:
    command: str
    output: str

    def missing_input(self) -> str | None:
        """A file the example reads (`--source PATH`) that this checkout does not have beside it, such
        as the article in ../shared on a fresh clone; None when everything it reads is here."""
        args = self.args
        for position, word in enumerate(args[:-1]):
            if word == "--source" and not (README.parent / args[position + 1]).exists():
                return args[position + 1]
        return None

    @property
    def args(self) -> list[str]:
        words = shlex.split(self.command)
        assert words[0] == "cqsmart", f"README example does not start with cqsmart: {self.command}"
        return words[1:]


def examples(text: str) -> list[Example]:
    found = []
    for block in BLOCK.findall(text):
        lines = block.splitlines(keepends=True)
        starts = [index for index, line in enumerate(lines) if line.startswith("$ ")]
        for position, start in enumerate(starts):
            end = starts[position + 1] if position + 1 < len(starts) else len(lines)
            found.append(Example(lines[start][2:].strip(), "".join(lines[start + 1 : end])))
    return found


def run_example(example: Example) -> str:
    """Stdout of the example as the CLI prints it now."""
    from typer.testing import CliRunner

    from cqsmart.cli import app

    here = os.getcwd()
    os.chdir(README.parent)  # paths in examples are relative to the checkout
    try:
        return CliRunner().invoke(app, example.args, env=EXAMPLE_ENV).stdout
    finally:
        os.chdir(here)


def update() -> None:
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for example in examples(text):
            if example.missing_input():
                continue
            fresh = run_example(example)
            text = text.replace(f"$ {example.command}\n{example.output}", f"$ {example.command}\n{fresh}", 1)
        page.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/readme.py --update")
    os.environ.pop("CQSMART_FACTS", None)
    os.environ.update({name: value for name, value in EXAMPLE_ENV.items() if value is not None})
    update()
