"""The workbook reads like one: widths from content, a header filter, a frozen header, quantities as rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Run


def test_workbook_columns_filter_and_quantities(run: Run, tmp_path: Path) -> None:
    """Each sheet filters and freezes its header, its columns fit their content, each quantity is a numeric row."""
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "facts.xlsx"
    assert run("export", "--to", "xlsx", str(target)).exit_code == 0
    workbook = openpyxl.load_workbook(target)
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    figures = workbook["figures"]
    widths = {cell.value: figures.column_dimensions[cell.column_letter].width for cell in figures[1]}
    assert widths["kind"] == len("figure") + 2 and widths["label_zh"] > widths["unit"] and widths["note"] == 60
    rows = list(workbook["quantities"].iter_rows(values_only=True))
    header, body = list(rows[0]), [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert header[:3] == ["record_id", "record_kind", "figure_id"]
    platforms = next(row for row in body if row["figure_id"] == "planned-rd-innovation-platforms")
    assert (platforms["record_id"], platforms["value"], platforms["qualifier"]) == (
        "five-ten-hundred-thousand-system",
        100,
        "at_least",
    )
