"""The README and its docs/ pages tell the truth: their examples print what they show; the README is short,
its first screen shows `ask` in both languages and the two set-up commands, and it links every page."""

from __future__ import annotations

import re

import pytest

from readme import PAGES, README, examples, run_example

TEXT = README.read_text(encoding="utf-8")
ALL = [example for page in PAGES for example in examples(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("example", ALL, ids=lambda example: example.command)
def test_readme_example_output_is_current(example) -> None:  # type: ignore[no-untyped-def]
    """Each `$ cqsmart …` in the README prints exactly the output shown (update: python tests/readme.py --update)."""
    if example.missing_input():
        pytest.skip(f"{example.missing_input()} is not beside this checkout")
    assert run_example(example) == example.output


def test_readme_has_examples_of_every_command() -> None:
    """Every command appears in at least one example of the README or its pages."""
    shown = {example.args[0] for example in ALL if example.args and not example.args[0].startswith("-")}
    shown |= {example.args[2] for example in ALL if example.args[:1] == ["--facts"]}
    assert {"stats", "initiatives", "targets", "compare", "show", "search", "sources", "validate", "verify"} <= shown
    # `schema` prints the committed schema/facts.schema.json, which test_schema_file_is_current keeps equal.


def test_readme_first_screen_has_the_two_setup_commands() -> None:
    """The first screen names exactly two set-up commands: run the main job, and run the tests."""
    first_screen = "\n".join(TEXT.splitlines()[:40])
    commands = re.findall(r"```sh\n(.*?)\n```", first_screen, re.DOTALL)
    assert len(commands) == 2
    assert commands[0].endswith("cqsmart stats --year 2020")
    assert "pytest" in commands[1]


def test_readme_is_short_and_links_every_page() -> None:
    """Under 300 lines; the reference lives in docs/, and the README links each page."""
    assert len(TEXT.splitlines()) < 300
    for page in PAGES[1:]:
        assert f"(docs/{page.name})" in TEXT, page.name


def test_readme_first_screen_shows_ask_in_both_languages() -> None:
    """The command most people come for is on the first screen, asked in English and in Chinese."""
    first_screen = "\n".join(TEXT.splitlines()[:60])
    asked = [example for example in examples(first_screen + "\n```") if example.args[:1] == ["ask"]]
    assert any(re.search(r"[\u4e00-\u9fff]", example.command) for example in asked)
    assert any(example.command.isascii() for example in asked)
