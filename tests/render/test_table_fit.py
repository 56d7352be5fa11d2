"""At 80 columns a table with a long name in it is still a table, not one record at a time."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from conftest import Run


@pytest.mark.parametrize("lang", ["en", "zh", "both"])
@pytest.mark.parametrize("columns", [80, 120])
def test_metrics_read_as_a_table(run: Run, lang: str, columns: int) -> None:
    """The longest metric id keeps its line beside the years and latest value."""
    result = run("metrics", "--lang", lang, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert any(set(line.strip()) == {"─"} for line in lines), "stacked instead of a table"
    assert any(line.strip().startswith("data-centre-rack-utilisation-above-national   ") for line in lines)


def test_a_chinese_latest_value_may_put_its_year_on_the_next_line(run: Run) -> None:
    lines = run("metrics", "--lang", "zh", env={"COLUMNS": "80"}).stdout.splitlines()
    row = next(number for number, line in enumerate(lines) if "data-centre-rack-utilisation-above-national" in line)
    assert lines[row].rstrip().endswith("17个百分点")
    assert lines[row + 1].rstrip().endswith("（2021年）")


def test_english_stats_keep_each_value_on_one_line(run: Run) -> None:
    out = run("stats", "--year", "2020", "--lang", "en", env={"COLUMNS": "80"}).stdout
    for value in ("14.4 percentage points", "638.7 billion yuan"):
        assert value in out
