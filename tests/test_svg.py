"""`--svg FILE`: what a table or chart shows, saved as a picture for slides and reports."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import Run

SVG = "{http://www.w3.org/2000/svg}svg"


def svg_text(path: Path) -> str:
    """All text drawn in the picture (Rich draws spaces as no-break spaces)."""
    root = ElementTree.parse(path).getroot()
    assert root.tag == SVG
    return "".join(root.itertext()).replace("\xa0", " ")


def test_compare_saves_its_chart(run: Run, tmp_path: Path) -> None:
    """compare --svg writes valid SVG holding the values and changes; stdout is unchanged."""
    target = tmp_path / "compare.svg"
    result = run("compare", "2018", "2020", "--svg", str(target))
    assert result.exit_code == 0
    assert result.stdout == run("compare", "2018", "2020").stdout
    note = (
        "cqsmart: note: these figures take part in a failing check: share-of-gdp-compounds-2017-2020, implied-gdp-2017-below-2020"
    )
    assert result.stderr == f"cqsmart: saved {target}\n{note} (see 'cqsmart audit')\n"
    text = svg_text(target)
    assert "13.7%" in text and "18.3%" in text and "+4.6" in text and "one bar per year" in text


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["stats", "--year", "2020"], "638.7 billion yuan"),
        (["initiatives", "--line", "mechanisms"], "System cloud chiefs (系统云长)"),
        (["targets", "--area", "innovation-system"], "at least 5,000"),
        (["search", "渝康码"], "34.49 million people"),
        (["sources"], "33bf968e"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_every_listing_saves_a_picture(run: Run, tmp_path: Path, args: list[str], shown: str) -> None:
    """Each listing command can save its table; the picture holds the figures."""
    target = tmp_path / "out.svg"
    assert run(*args, "--svg", str(target)).exit_code == 0
    assert shown in svg_text(target)


def test_existing_picture_is_kept_without_force(run: Run, tmp_path: Path) -> None:
    """An existing file is not overwritten unless --force is given; nothing else is left behind."""
    target = tmp_path / "keep.svg"
    target.write_text("mine", encoding="utf-8")
    refused = run("stats", "--svg", str(target))
    assert (refused.exit_code, refused.stderr, refused.stdout) == (
        2,
        f"cqsmart: {target} exists; use --force to replace it\n",
        "",
    )
    assert target.read_text(encoding="utf-8") == "mine"
    assert run("stats", "--svg", str(target), "--force").exit_code == 0
    assert "Figures" in svg_text(target)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "keep.svg"]


def test_missing_folder_is_one_line(run: Run, tmp_path: Path) -> None:
    """A picture in a folder that does not exist is refused before any work."""
    result = run("stats", "--svg", str(tmp_path / "no" / "such.svg"))
    assert (result.exit_code, result.stderr) == (2, f"cqsmart: {tmp_path / 'no'} is not a folder; create it first\n")


def test_readme_picture_exists_and_holds_the_comparison() -> None:
    """The README's picture is committed and shows the comparison it describes."""
    picture = Path(__file__).resolve().parents[1] / "docs" / "compare-2018-2020.svg"
    text = svg_text(picture)
    assert "Implied Chongqing GDP growth" in text and "(derived)" in text and "+4.6" in text


def test_chinese_text_is_given_two_cells_a_character(run: Run, tmp_path: Path) -> None:
    """Each text's textLength is its width in cells (a Chinese character two), so Chinese is never squeezed."""
    from rich.cells import cell_len

    target = tmp_path / "zh.svg"
    assert run("compare", "2018", "2019", "2020", "--lang", "zh", "--svg", str(target)).exit_code == 0
    root = ElementTree.parse(target).getroot()
    texts = [node for node in root.iter("{http://www.w3.org/2000/svg}text") if node.get("textLength")]
    per_cell = {round(float(node.get("textLength", 0)) / cell_len(node.text), 3) for node in texts if cell_len(node.text or "")}
    assert len(per_cell) == 1, per_cell  # one cell is one width, whatever the characters
    assert any(cell_len(node.text or "") > len(node.text or "") for node in texts), "no Chinese text drawn"
