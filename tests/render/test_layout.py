"""Column widths follow the content: a column is at least its longest unbreakable unit and at most its
widest line, a value stays on one line when a label can wrap instead, and the room a table has goes where
it saves lines, all of it once a column wraps."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from cqsmart.render.layout import column_widths, glue_quantity, narrowest, protect, widest, wrap

Table = tuple[list[list[str]], frozenset[int]]


def table(header: list[str], rows: list[list[str]], values: frozenset[int] = frozenset()) -> Table:
    """Cells as a table draws them: a value breaks only between an English number and its unit's words."""
    glued = [[glue_quantity(text) if index in values else protect(text) for index, text in enumerate(row)] for row in rows]
    return [header, *glued], values


def lines(text: str, width: int) -> int:
    return wrap(text, width).count("\n") + 1


def height(cells: list[list[str]], widths: list[int]) -> int:
    """The table's lines: each row as tall as its tallest cell."""
    return sum(max(lines(text, width) for text, width in zip(row, widths, strict=True)) for row in cells)


def value_lines(cells: list[list[str]], widths: list[int], values: frozenset[int]) -> int:
    return sum(lines(row[index], widths[index]) for row in cells for index in values)


def bounds(cells: list[list[str]]) -> tuple[list[int], list[int]]:
    """Each column's longest unbreakable unit and widest line."""
    columns = list(zip(*cells, strict=True))
    return [max(map(narrowest, column)) for column in columns], [max(map(widest, column)) for column in columns]


TABLES = {
    "a long label beside a short one": table(
        ["label", "value"],
        [["People working in new forms of business in Chongqing", "2.1 million people"], ["Platforms", "351 enterprises"]],
        frozenset({1}),
    ),
    "two labels": table(
        ["name", "name"],
        [["beta zeta iota sigma", "alpha"], ["gamma rho", "zeta beta rho eta eta omicron kappa"], ["pi rho", "lambda nu phi"]],
    ),
    "three labels": table(
        ["name", "name", "name"],
        [
            ["nu pi eta tau", "omicron phi gamma tau zeta", "kappa beta nu upsilon"],
            ["kappa zeta zeta omicron kappa chi", "alpha pi pi", "mu sigma pi"],
        ],
    ),
    "a value between labels": table(
        ["label", "value", "period"],
        [
            ["Margin of digital-economy growth over GDP growth", "14.4 percentage points", "2020"],
            ["Size of Chongqing's digital economy", "638.7 billion yuan", "as of 2021 (inferred)"],
            ["Units whose heads serve as cloud chiefs (云长)", "110", "2021"],
        ],
        frozenset({1, 2}),
    ),
    "Chinese": table(
        ["名称", "数量"],
        [
            ["以大数据智能化为引领的创新驱动发展战略行动计划", "担任“系统云长”的市领导人数（截至2021年，推断）：6位"],
            ["云长制", "超2100万人"],
        ],
    ),
}


def widths_from_tightest_to_loosest(cells: list[list[str]]) -> range:
    need, want = bounds(cells)
    return range(sum(need), sum(want) + 3)


def layouts(name: str) -> Iterator[tuple[int, list[int]]]:
    """The table's widths at every room from its tightest to its loosest."""
    cells, values = TABLES[name]
    for available in widths_from_tightest_to_loosest(cells):
        widths = column_widths(cells, available, values)
        assert widths is not None
        yield available, widths


@pytest.mark.parametrize("name", TABLES)
def test_a_column_is_never_narrower_than_its_longest_unit_nor_wider_than_its_widest_line(name: str) -> None:
    need, want = bounds(TABLES[name][0])
    for available, widths in layouts(name):
        assert all(low <= width <= high for low, width, high in zip(need, widths, want, strict=True)), (available, widths)


@pytest.mark.parametrize("name", TABLES)
def test_the_table_fits_and_takes_all_the_room_once_a_column_wraps(name: str) -> None:
    _, want = bounds(TABLES[name][0])
    for available, widths in layouts(name):
        assert sum(widths) == min(available, sum(want)), (available, widths)


def test_the_longest_unbreakable_unit_sets_the_minimum() -> None:
    """An English word, a number with its unit and a Chinese word each need their whole width; a cell
    narrower than that is not drawn."""
    cells, values = table(["label", "change", "名称"], [["infrastructure of it", "达到7.7个百分点 in 2021", "智慧名城"]])
    assert column_widths(cells, 14 + 15 + 8, values) == [14, 15, 8]
    assert column_widths(cells, 14 + 15 + 8 - 1, values) is None


def test_a_value_that_fits_stays_on_one_line_while_a_label_can_wrap_instead() -> None:
    """At 30 cells, `2.1 million people` whole costs the label one line more: the value keeps its line and
    the label wraps instead."""
    cells, values = TABLES["a long label beside a short one"]
    widths = column_widths(cells, 30, values)
    assert widths is not None
    assert value_lines(cells, widths, values) == len(cells), widths
    assert lines(cells[1][0], widths[0]) == 5, widths


def cell_lines(cells: list[list[str]], widths: list[int]) -> int:
    return sum(lines(text, width) for row in cells for text, width in zip(row, widths, strict=True))


def moves(widths: list[int], available: int) -> list[list[int]]:
    """Every split of the room that moves cells from one column to another, or takes them from the room left."""
    found = []
    room = available - sum(widths)
    for index, other in itertools.permutations([*range(len(widths)), None], 2):
        if index is None:
            continue
        for cells in range(1, (room if other is None else widths[other]) + 1):
            moved = list(widths)
            moved[index] += cells
            if other is not None:
                moved[other] -= cells
            found.append(moved)
    return found


@pytest.mark.parametrize("name", TABLES)
def test_no_move_of_room_between_columns_wraps_less(name: str) -> None:
    """No move of room from one column to another makes the table shorter, or a value's lines fewer, or
    its cells' lines fewer, without making another of these more: labels wrap as little as values let
    them. With two columns, that is every split of the room."""
    cells, values = TABLES[name]
    need, want = bounds(cells)
    for available in widths_from_tightest_to_loosest(cells):
        widths = column_widths(cells, available, values)
        assert widths is not None
        chosen = (height(cells, widths), value_lines(cells, widths, values), cell_lines(cells, widths))
        for moved in moves(widths, available):
            if all(low <= width <= high for low, width, high in zip(need, moved, want, strict=True)):
                found = (height(cells, moved), value_lines(cells, moved, values), cell_lines(cells, moved))
                better = all(map(int.__le__, found, chosen)) and found != chosen
                assert not better, (available, widths, chosen, moved, found)


def test_a_cell_wraps_into_even_lines_with_no_word_alone_on_the_last() -> None:
    from cqsmart.render.layout import wrap, wrap_evenly

    label = "Margin of digital-economy growth over GDP growth"
    assert wrap(label, 42) == "Margin of digital-economy growth over GDP\ngrowth"
    assert wrap_evenly(label, 42) == "Margin of digital-economy\ngrowth over GDP growth"  # as many lines, none alone
    assert wrap_evenly("Chongqing digital-economy growth", 80) == "Chongqing digital-economy growth"  # one line stays
