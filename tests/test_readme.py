"""The README tells the truth: its examples print what it shows, and its set-up commands are the two."""

from __future__ import annotations

import re

import pytest

from readme import README, examples, run_example

TEXT = README.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", examples(TEXT), ids=lambda example: example.command)
def test_readme_example_output_is_current(example) -> None:  # type: ignore[no-untyped-def]
    """Each `$ cqsmart …` in the README prints exactly the output shown (update: python tests/readme.py --update)."""
    if example.missing_input():
        pytest.skip(f"{example.missing_input()} is not beside this checkout")
    assert run_example(example) == example.output


def test_readme_has_examples_of_every_command() -> None:
    """Every command appears in at least one README example."""
    shown = {example.args[0] for example in examples(TEXT) if example.args and not example.args[0].startswith("-")}
    shown |= {example.args[2] for example in examples(TEXT) if example.args[:1] == ["--facts"]}
    assert {"stats", "initiatives", "targets", "compare", "show", "search", "sources", "validate", "verify"} <= shown
    # `schema` prints the committed schema/facts.schema.json, which test_schema_file_is_current keeps equal.


def test_readme_first_screen_has_the_two_setup_commands() -> None:
    """The first screen names exactly two set-up commands: run the main job, and run the tests."""
    first_screen = "\n".join(TEXT.splitlines()[:40])
    commands = re.findall(r"```sh\n(.*?)\n```", first_screen, re.DOTALL)
    assert len(commands) == 2
    assert commands[0].endswith("cqsmart stats --year 2020")
    assert "pytest" in commands[1]
