"""Formats for people: Rich tables on a terminal, and Markdown for notes and reports."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from cqsmart.errors import UsageError
from cqsmart.model.factbase import FactBase
from cqsmart.query.result import Result
from cqsmart.render import Options, Renderer
from cqsmart.render import values as display
from cqsmart.render.bars import legend
from cqsmart.render.cells import BREAK, VALUE_COLUMNS, Context, cell, expand, headers, holds
from cqsmart.render.plain import stream_is_unicode
from cqsmart.render.values import inert

if TYPE_CHECKING:
    from rich.console import Console

    from cqsmart.render.layout import Lexicon

TITLES = {
    "en": {
        "figure": "Figures",
        "initiative": "Initiatives",
        "target": "Targets",
        "source": "Sources",
        "record": "Search results",
        "answer": "Answers",
        "year-comparison": "Comparison by year",
        "metric-comparison": "Comparison by metric",
        "topic": "Topics",
        "metric": "Metrics",
        "audit": "Audit: the source's arithmetic",
    },
    "zh": {
        "figure": "数据",
        "initiative": "举措",
        "target": "目标",
        "source": "来源",
        "record": "搜索结果",
        "answer": "答案",
        "year-comparison": "按年份比较",
        "metric-comparison": "按指标比较",
        "topic": "主题",
        "metric": "指标",
        "audit": "核对：原文的算术",
    },
}


def title_of(kind: str, lang: str) -> str:
    return TITLES["zh" if lang == "zh" else "en"].get(kind, "")


def for_stream(text: str, stream: TextIO) -> str:
    """Inert text the stream can carry: where it cannot encode Chinese, escapes are made before the
    table is laid out, so columns stay aligned."""
    text = inert(text)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if stream_is_unicode(stream):
        return text
    text = text.replace(BREAK, "")
    return text.encode(encoding, "backslashreplace").decode(encoding, "replace")


_ESCAPE = re.compile(r"(\\u[0-9a-f]{4}|\\x[0-9a-f]{2})")


def breakable(text: str) -> str:
    """Where a stream cannot carry Chinese, each escape stands for a character and may end a line."""
    return _ESCAPE.sub(lambda found: found.group() + BREAK, text) if "\\" in text else text


class Grid:
    """A result as the text a person reads: header names and cell text, empty columns dropped."""

    def __init__(self, result: Result, base: FactBase, options: Options, columns: tuple[str, ...], stream: TextIO) -> None:
        unicode = stream_is_unicode(stream)
        self.context = Context.of(base, options.lang, result.rows, unicode)
        columns = expand(result.kind, columns, result.rows)
        names = headers(result.kind, columns, result.rows, options.lang)
        rows = [
            [breakable(for_stream(cell(result.kind, row, column, self.context), stream)) for column in columns]
            for row in result.rows
        ]
        keep = [
            position
            for position in range(len(columns))
            if options.fields is not None or not rows or any(row[position] not in ("", "—") for row in rows)
        ]
        self.columns = tuple(columns[position] for position in keep)
        self.names = [breakable(for_stream(names[position], stream)) for position in keep]
        self.rows = [[row[position] for position in keep] for row in rows]
        self.title = for_stream(options.title or title_of(result.kind, options.lang), stream)
        # Under the table: what its bars mean, or the verdict on a value the question states.
        under = legend(result.kind, result.rows, self.context) if "trend" in self.columns else ""
        if result.kind == "answer" and result.rows:
            first = result.rows[0]
            under = display.claim(first, options.lang) if first.get("kind") == "figure" else holds(first, self.context)
        self.legend = for_stream(under, stream)


def value_columns(columns: tuple[str, ...]) -> frozenset[int]:
    """Where the values are: their columns are the last to wrap."""
    return frozenset(index for index, column in enumerate(columns) if column in VALUE_COLUMNS or column.startswith("values:"))


def nothing_compared(result: Result) -> bool:
    """An empty comparison has no columns worth drawing: its one line on stderr says which years have figures."""
    return result.kind.endswith("comparison") and not result.rows


def overhead(count: int, tight: bool = False) -> int:
    """Cells a table spends around its columns: one space of padding each side, a rule between, edges;
    a tight table has no edges and no padding at its edges."""
    return 3 * count - 3 if tight else 3 * count + 1


class TableRenderer(Renderer):
    for_machines = False

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        if not nothing_compared(result):
            self.draw(console(stream), result, base, options, stream)

    def svg(self, result: Result, base: FactBase, options: Options, title: str) -> str:
        """The same table as an SVG picture, for slides and reports."""
        import io

        picture = recording_console()
        self.draw(picture, result, base, options, io.StringIO())
        from cqsmart.render.svgfont import measured_in_cells, self_contained_format

        return measured_in_cells(picture.export_svg(title=title, code_format=self_contained_format()))

    def draw(self, out: Console, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        from cqsmart.render.cells import lexicon_of
        from cqsmart.render.layout import column_widths, protect, wrap, wrap_evenly

        columns = self.columns(result.kind, options.fields)
        grid = Grid(result, base, options, columns, stream)
        lexicon = lexicon_of(base)
        rows = [[_glued(text, column, lexicon) for text, column in zip(row, grid.columns, strict=True)] for row in grid.rows]
        widths = column_widths([grid.names, *rows], out.width - overhead(len(grid.columns)), value_columns(grid.columns))
        if widths is None and options.fields is None and "trend" in columns:  # bars are the first to go
            grid = Grid(result, base, options, tuple(column for column in columns if column != "trend"), stream)
            rows = [[_glued(text, column, lexicon) for text, column in zip(row, grid.columns, strict=True)] for row in grid.rows]
            widths = column_widths([grid.names, *rows], out.width - overhead(len(grid.columns)), value_columns(grid.columns))
        # Before one record at a time, a table without edges: a long name (a metric's id) may need them.
        tight = widths is None
        if tight:
            room = out.width - overhead(len(grid.columns), tight)
            widths = column_widths([grid.names, *rows], room, value_columns(grid.columns))
        unicode = stream_is_unicode(stream)
        if widths is None:
            self.render_stacked(out, grid.names, rows, grid.title)
            return
        table = Table(
            title=grid.title,
            caption=Text(wrap(protect(breakable(grid.legend)), sum(widths) + overhead(len(widths), tight)))
            if grid.legend
            else None,
            caption_justify="left",
            box=box.SIMPLE_HEAD if unicode else box.ASCII,
            safe_box=not unicode,
            show_edge=not tight,
            pad_edge=not tight,
            show_lines=result.kind.endswith("comparison") or result.kind == "metric",
        )
        for column, header, width in zip(grid.columns, grid.names, widths, strict=True):
            style = "cyan" if column in VALUE_COLUMNS or column.startswith("values:") else ""
            table.add_column(Text(wrap(header, width)), width=width, no_wrap=True, overflow="crop", style=style)
        values = value_columns(grid.columns)
        for row in rows:
            # Text wraps into even lines; a value fills its first line, so a quantity stays together.
            table.add_row(
                *(
                    Text(wrap(text, width) if at in values else wrap_evenly(text, width))
                    for at, (text, width) in enumerate(zip(row, widths, strict=True))
                )
            )
        out.print(table)

    @staticmethod
    def render_stacked(out: Console, names: list[str], rows: list[list[str]], title: str) -> None:
        """Too narrow for the columns side by side: each row as `field value` lines, words kept whole."""
        from rich.cells import cell_len
        from rich.text import Text

        from cqsmart.render.layout import plain, wrap

        out.print(Text(title, style="italic"))
        name_width = max((cell_len(name) for name in names), default=0)
        room = max(out.width - name_width - 1, 8)
        for row in rows:
            out.print()
            for name, text in zip(names, row, strict=True):
                lines = wrap(text, room).split("\n") if text else [""]
                out.print(Text(name.ljust(name_width - cell_len(name) + len(name)), style="bold"), Text(plain(lines[0])))
                for line in lines[1:]:
                    out.print(Text(" " * name_width), Text(plain(line)))


def _glued(text: str, column: str, lexicon: Lexicon) -> str:
    """Values are never broken: each line of a value cell is one unit, as is the value after a label;
    text breaks between words, never inside a number with its unit or a name of the base."""
    from cqsmart.render.layout import glue, glue_quantity, protect

    if column == "years":
        return text
    if column == "arithmetic":  # each value whole, with its unit: 9.6个百分点, 2.5606 trillion yuan
        return _VALUE_IN_TEXT.sub(lambda found: glue(found.group()), text)
    if column == "period":  # `as of 2021` whole, and `(inferred)` whole, may go to the next line
        return "\n".join(_glue_period(line) for line in text.split("\n"))
    if column == "latest_value":  # the value whole, its year (（2021年）, (2021)) may go to the next line
        return "\n".join(_glue_latest(line) for line in text.split("\n"))
    if column in VALUE_COLUMNS or column.startswith("values:"):
        return "\n".join((glue if column == "year" else glue_quantity)(line) for line in text.split("\n"))
    if column == "quantities":
        return "\n".join(_glue_value(protect(line, lexicon)) for line in text.split("\n"))
    return protect(text, lexicon)


def _glue_latest(line: str) -> str:
    from cqsmart.render.layout import glue_quantity

    for bracket, between in ((" (", " "), ("（", BREAK)):
        head, found, year = line.rpartition(bracket)
        if found and head:
            return f"{glue_quantity(head)}{between}{glue_quantity(bracket.strip() + year)}"
    return glue_quantity(line)


def _glue_period(line: str) -> str:
    """`as of 2021` and `(inferred)` each whole, a line break allowed between (截至2021年 / （推断）)."""
    from cqsmart.render.layout import glue

    head, space, mark = line.partition(" (")
    if space:
        return f"{glue(head)} {glue('(' + mark)}"
    head, bracket, mark = line.partition("（")
    return f"{glue(head)}{BREAK}{glue(bracket + mark)}" if bracket and head else glue(line)


_VALUE_IN_TEXT = re.compile(r"\d[\d.,]*(?: points| hundred million yuan| ten thousand people|个百分点|亿元|万人|%)?")


def _glue_value(line: str) -> str:
    from cqsmart.render.layout import glue

    for separator in ("：", ": "):
        if separator in line:
            name, value = line.rsplit(separator, 1)
            return f"{name}{separator}{glue(value)}"
    return line


def console(stream: TextIO) -> Console:
    """Markup, highlighting and emoji codes off: text from a fact file is shown exactly, never interpreted."""
    from rich.console import Console

    class PipeAwareConsole(Console):
        def on_broken_pipe(self) -> None:
            """Rich would exit 1 on its own; let the CLI end every closed pipe the same way."""
            self.quiet = True
            raise BrokenPipeError

    out = PipeAwareConsole(file=stream, markup=False, highlight=False, emoji=False, soft_wrap=False)
    if out.width < 1:  # COLUMNS=0 from a script that could not measure: the usual width, not an empty table
        out.width = 80
    return out


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


class MarkdownRenderer(Renderer):
    for_machines = False

    def columns(self, kind: str, fields: tuple[str, ...] | None) -> tuple[str, ...]:
        """Markdown carries numbers, not bar characters."""
        if fields is not None and "trend" in fields:
            raise UsageError("trend bars are drawn in tables only; Markdown carries the numbers (value_a, value_b, values)")
        return tuple(column for column in super().columns(kind, fields) if column != "trend")

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        from cqsmart.render.layout import plain

        if nothing_compared(result):
            return
        grid = Grid(result, base, options, self.columns(result.kind, options.fields), stream)
        stream.write(f"| {' | '.join(markdown_cell(name) for name in grid.names)} |\n")
        stream.write(f"|{'|'.join('---' for _ in grid.names)}|\n")
        for row in grid.rows:
            stream.write(f"| {' | '.join(markdown_cell(plain(text)) for text in row)} |\n")
        if grid.legend:
            stream.write(f"\n{markdown_cell(plain(grid.legend))}\n")


def markdown_cell(text: str) -> str:
    """Text from a fact file as a Markdown cell: HTML-significant characters escaped (a label's
    `<script>` or `&lt;` is shown as written, never interpreted), pipes and backslashes too."""
    text = text.replace(BREAK, "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")
