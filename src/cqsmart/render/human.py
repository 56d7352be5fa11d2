"""Formats for people: Rich tables on a terminal, and Markdown for notes and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from cqsmart.model.factbase import FactBase
from cqsmart.query.result import Result
from cqsmart.render import Options, Renderer
from cqsmart.render.cells import bar_scale, cell, headers
from cqsmart.render.machine import stream_is_unicode
from cqsmart.render.values import inert

if TYPE_CHECKING:
    from rich.console import Console

WRAPPING = ("label", "label_a", "label_b", "source", "note", "figures")
READABLE = 12  # the narrowest a wrapping column may get before rows are stacked instead
VALUE_COLUMNS = ("value", "value_a", "value_b", "change", "difference", "figures")
TITLES = {
    "figure": "Figures",
    "initiative": "Initiatives",
    "target": "Targets",
    "source": "Sources",
    "record": "Search results",
    "answer": "Answers",
    "year-comparison": "Comparison by year",
    "metric-comparison": "Comparison by metric",
}


def for_stream(text: str, stream: TextIO) -> str:
    """Inert text the stream can carry: where it cannot encode Chinese, escapes are made before the
    table is laid out, so columns stay aligned."""
    text = inert(text)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if stream_is_unicode(stream):
        return text
    return text.encode(encoding, "backslashreplace").decode(encoding, "replace")


def table_rows(result: Result, base: FactBase, options: Options, columns: tuple[str, ...], stream: TextIO) -> list[list[str]]:
    bars = bar_scale(result.kind, result.rows, stream_is_unicode(stream))
    return [
        [for_stream(cell(result.kind, row, column, base, options.lang, bars), stream) for column in columns]
        for row in result.rows
    ]


def console(stream: TextIO) -> Console:
    """Markup, highlighting and emoji codes off: text from a fact file is shown exactly, never interpreted."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 on its own; let the CLI end every closed pipe the same way."""
            self.quiet = True
            raise BrokenPipeError

    return PipeAwareConsole(file=stream, markup=False, highlight=False, emoji=False, soft_wrap=False)


def recording_console(width: int = 100) -> Console:
    """A console that draws into memory, in colour, for export as a picture."""
    import io

    from rich.console import Console

    return Console(
        file=io.StringIO(),
        record=True,
        width=width,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        highlight=False,
        emoji=False,
    )


def minimum_width(columns: tuple[str, ...], names: list[str], rows: list[list[str]], unicode: bool) -> int:
    """Width a table needs: unwrapped columns whole, wrapping ones at READABLE, 3 cells between columns."""
    from rich.cells import cell_len

    total = 1
    for position, (column, name) in enumerate(zip(columns, names, strict=True)):
        if column in WRAPPING or not unicode:
            total += READABLE + 3
        else:
            total += max(cell_len(line) for text in [name, *(row[position] for row in rows)] for line in text.split("\n")) + 3
    return total


class TableRenderer(Renderer):
    for_machines = False

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        self.draw(console(stream), result, base, options, stream)

    def svg(self, result: Result, base: FactBase, options: Options, title: str) -> str:
        """The same table as an SVG picture, for slides and reports."""
        import io

        picture = recording_console()
        self.draw(picture, result, base, options, io.StringIO())
        return picture.export_svg(title=title)

    def draw(self, out: Console, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        columns = self.columns(result.kind, options.fields)
        unicode = stream_is_unicode(stream)
        names = headers(result.kind, columns, result.rows)
        rows = table_rows(result, base, options, columns, stream)
        table = Table(
            title=options.title or TITLES.get(result.kind),
            box=box.SIMPLE_HEAD if unicode else box.ASCII,
            safe_box=not unicode,
            show_lines=result.kind.endswith("comparison"),
        )
        for column, header in zip(columns, names, strict=True):
            wide = column in WRAPPING
            style = "cyan" if column in VALUE_COLUMNS else ""
            table.add_column(
                Text(inert(header)),
                overflow="fold",
                ratio=3 if wide else None,
                min_width=READABLE if wide else None,
                no_wrap=not wide and unicode,  # escaped Chinese is long: let it wrap
                style=style,
            )
        for row in rows:
            table.add_row(*(Text(text) for text in row))
        if minimum_width(columns, names, rows, unicode) > out.width:
            self.render_stacked(out, names, rows, options.title or TITLES.get(result.kind, ""))
        else:
            out.print(table)

    @staticmethod
    def render_stacked(out: Console, names: list[str], rows: list[list[str]], title: str) -> None:
        """Too narrow for the columns side by side: each row as `field value` lines, every value whole."""
        from rich.table import Table
        from rich.text import Text

        out.print(Text(title, style="italic"))
        for row in rows:
            card = Table(show_header=False, box=None, padding=(0, 1), expand=False)
            card.add_column(style="bold", no_wrap=True)
            card.add_column(overflow="fold")
            for name, text in zip(names, row, strict=True):
                card.add_row(Text(inert(name)), Text(text))
            out.print()
            out.print(card)


class MarkdownRenderer(Renderer):
    for_machines = False

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        columns = self.columns(result.kind, options.fields)
        names = headers(result.kind, columns, result.rows)
        stream.write(f"| {' | '.join(markdown_cell(name) for name in names)} |\n")
        stream.write(f"|{'|'.join('---' for _ in names)}|\n")
        for row in table_rows(result, base, options, columns, stream):
            stream.write(f"| {' | '.join(markdown_cell(text) for text in row)} |\n")


def markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")
