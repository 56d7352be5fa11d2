"""docs/python-api.md runs as written: each Python block executes, and a `# …` line after a print is its output."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "python-api.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def expected_output(block: str) -> str:
    """The `# …` lines that follow print() calls: what the block promises to print."""
    return "".join(line.removeprefix("# ") + "\n" for line in block.splitlines() if line.startswith("# "))


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block-{number}" for number in range(len(BLOCKS))])
def test_each_example_runs_and_prints_what_the_page_says(block: str) -> None:
    if "to_pandas" in block:
        pytest.importorskip("pandas")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(block, str(DOC), "exec"), {})
    promised = expected_output(block)
    if promised:
        assert printed.getvalue() == promised
    else:
        assert printed.getvalue()


def test_the_page_has_examples() -> None:
    assert len(BLOCKS) >= 2
