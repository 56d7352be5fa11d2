"""Formats for people: Rich tables on a terminal, and Markdown for notes and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from cqsmart.base import FactBase
from cqsmart.display import inert
from cqsmart.query import Result
from cqsmart.rendering import Options, Renderer
from cqsmart.rendering.cells import bar_scale, cell, headers
from cqsmart.rendering.machine import stream_is_unicode

if TYPE_CHECKING:
    from rich.console import Console

VALUE_COLUMNS = ("value", "value_a", "value_b", "change", "difference", "figures")
TITLES = {
    "figure": "Figures",
    "initiative": "Initiatives",
    "target": "Targets",
    "source": "Sources",
    "record": "Search results",
    "year-comparison": "Comparison by year",
    "metric-comparison": "Comparison by metric",
}


def table_rows(result: Result, base: FactBase, options: Options, columns: tuple[str, ...], unicode: bool) -> list[list[str]]:
    bars = bar_scale(result.kind, result.rows, unicode)
    return [[inert(cell(result.kind, row, column, base, options.lang, bars)) for column in columns] for row in result.rows]


def console(stream: TextIO) -> Console:
    """Markup, highlighting and emoji codes off: text from a fact file is shown exactly, never interpreted."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 on its own; let the CLI end every closed pipe the same way."""
            self.quiet = True
            raise BrokenPipeError

    return PipeAwareConsole(file=stream, markup=False, highlight=False, emoji=False, soft_wrap=False)


class TableRenderer(Renderer):
    for_machines = False

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        columns = self.columns(result.kind, options.fields)
        out = console(stream)
        unicode = stream_is_unicode(stream)
        table = Table(
            title=options.title or TITLES.get(result.kind),
            box=box.SIMPLE_HEAD if unicode else box.ASCII,
            safe_box=not unicode,
            show_lines=result.kind.endswith("comparison"),
        )
        for column, header in zip(columns, headers(result.kind, columns, result.rows), strict=True):
            wide = column in ("label", "label_a", "label_b", "source", "note", "figures")
            style = "cyan" if column in VALUE_COLUMNS else ""
            table.add_column(
                Text(inert(header)),
                overflow="fold",
                ratio=3 if wide else None,
                min_width=20 if wide else None,
                no_wrap=not wide,
                style=style,
            )
        for row in table_rows(result, base, options, columns, unicode):
            table.add_row(*(Text(text) for text in row))
        out.print(table)


class MarkdownRenderer(Renderer):
    for_machines = False

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        columns = self.columns(result.kind, options.fields)
        names = headers(result.kind, columns, result.rows)
        stream.write(f"| {' | '.join(markdown_cell(name) for name in names)} |\n")
        stream.write(f"|{'|'.join('---' for _ in names)}|\n")
        for row in table_rows(result, base, options, columns, stream_is_unicode(stream)):
            stream.write(f"| {' | '.join(markdown_cell(text) for text in row)} |\n")


def markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")
