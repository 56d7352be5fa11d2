"""The query commands: each parses its arguments, asks the query layer, and hands the result to a renderer."""

# No `from __future__ import annotations` here: Typer would have to eval every string annotation
# when it builds the commands, which doubles that part of start-up.
import sys
from typing import Annotated

import typer

from cqsmart.cli import completion
from cqsmart.cli.app import (
    DerivedOption,
    FieldsOption,
    ForceOption,
    Format,
    FormatOption,
    JsonOption,
    LangOption,
    SvgOption,
    app,
    emit,
    load_base,
    parse_year,
    stop_quietly_on_closed_pipe,
)
from cqsmart.query import listing, lookup
from cqsmart.query import search as searching
from cqsmart.render.values import default_lang


@app.command()
def stats(
    ctx: typer.Context,
    year: Annotated[
        str | None,
        typer.Option(
            "--year", "-y", metavar="YEAR", autocompletion=completion.complete_year, help="Figures whose period covers this year."
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--from", metavar="YEAR", autocompletion=completion.complete_year, help="Figures from this year on."),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", metavar="YEAR", autocompletion=completion.complete_year, help="Figures up to this year.")
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic", metavar="TOPIC", autocompletion=completion.complete_topic, help="Only this topic, e.g. digital-economy."
        ),
    ] = None,
    metric: Annotated[
        str | None,
        typer.Option(
            "--metric",
            metavar="METRIC",
            autocompletion=completion.complete_metric,
            help="Only this metric, e.g. digital-economy-growth.",
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", metavar="TEXT", help="Only figures whose text contains this.")
    ] = None,
    derived: DerivedOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
) -> None:
    """Figures: growth, scale, counts, rankings.

    Stated figures by default; --derived adds those the source implies but never states.

    Examples:

    \b
      cqsmart stats --year 2020
      cqsmart stats --topic digital-economy --derived
      cqsmart stats --json | jq '.[] | {id, value, unit}'
    """
    base = load_base(ctx)
    filters = listing.Filters(
        year=parse_year(year, "--year", base),
        start=parse_year(start, "--from", base),
        end=parse_year(end, "--to", base),
        topic=topic,
        metric=metric,
        text=search,
        derived=derived,
    )
    emit(listing.figures(base, filters), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def initiatives(
    ctx: typer.Context,
    line: Annotated[
        str | None,
        typer.Option(
            "--line",
            metavar="LINE",
            autocompletion=completion.complete_line,
            help="Only this line of work, e.g. elements or scenarios.",
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", metavar="TEXT", help="Only initiatives whose text contains this.")
    ] = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
) -> None:
    """Initiatives and the figures linked to them.

    The five lines of work and their parts, platforms, national designations, twin-city cooperation.

    Examples:

    \b
      cqsmart initiatives --line mechanisms
      cqsmart initiatives --search 渝快办 --json
    """
    base = load_base(ctx)
    emit(listing.initiatives(base, line, search), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def targets(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Option(
            "--area", metavar="AREA", autocompletion=completion.complete_area, help="Only this area, e.g. innovation-system."
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", metavar="TEXT", help="Only targets whose text contains this.")
    ] = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
) -> None:
    """Forward targets and their quantities.

    Quantities keep their qualifiers (≥ 5家); no deadline is shown where the source gives none.

    Examples:

    \b
      cqsmart targets
      cqsmart targets --area innovation-system --format markdown
    """
    base = load_base(ctx)
    emit(listing.targets(base, area, search), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def compare(
    ctx: typer.Context,
    first: Annotated[
        str, typer.Argument(metavar="A", autocompletion=completion.complete_year_or_metric, help="A year (2018) or a metric.")
    ],
    second: Annotated[
        str, typer.Argument(metavar="B", autocompletion=completion.complete_year_or_metric, help="A year (2020) or a metric.")
    ],
    derived: DerivedOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
) -> None:
    """Compare two years, or two metrics.

    Two years: every metric with a value in both, and its change. Two metrics: year by year, with
    their difference. Tables draw a small bar per value.

    Examples:

    \b
      cqsmart compare 2018 2020
      cqsmart compare digital-economy-growth implied-gdp-growth
    """
    from cqsmart.query.compare import compare as compare_query

    base = load_base(ctx)
    emit(compare_query(base, first, second, derived), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def show(
    ctx: typer.Context,
    record_id: Annotated[
        str, typer.Argument(metavar="ID", autocompletion=completion.complete_id, help="A record id, e.g. yukangma-users.")
    ],
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """One record in full, with its citation.

    Labels, value with qualifier and unit, period, the quote and its source, notes, linked records.

    Examples:

    \b
      cqsmart show digital-economy-scale-2020
      cqsmart show cloud-chief-system --json
    """
    from cqsmart.render.detail import render_show

    base = load_base(ctx)
    found = lookup.record(base, record_id)
    fmt = Format.json if as_json else fmt
    try:
        render_show(found, lookup.linked(base, found), base, fmt.value, lang.value if lang else default_lang(), sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        stop_quietly_on_closed_pipe()


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Chinese or English words, or a question.")],
    derived: DerivedOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
) -> None:
    """Search all records in Chinese or English.

    Labels, ids, topics, notes, quotes and linked records are searched, best matches first. Words
    need not be spaced or spelled as the record has them: synonyms, aliases, traditional
    characters and small typos are understood. Derived figures appear only with --derived.

    Examples:

    \b
      cqsmart search 渝康码
      cqsmart search 渝康码功能
      cqsmart search "smart innovation projects" --json
    """
    base = load_base(ctx)
    emit(searching.search(base, text, derived), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def sources(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
) -> None:
    """The source documents and their checksums.

    Example:

    \b
      cqsmart sources --json
    """
    base = load_base(ctx)
    emit(listing.sources(base), base, fmt, as_json, fields, lang, svg, force)
