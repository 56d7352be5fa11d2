"""The query commands: each parses its arguments, asks the query layer, and hands the result to a renderer."""

# No `from __future__ import annotations` here: Typer would have to eval every string annotation
# when it builds the commands, which doubles that part of start-up.
from typing import Annotated

import typer

from cqsmart.cli import completion
from cqsmart.cli.app import (
    FIELDS_HELP,
    DerivedOption,
    ForceOption,
    Format,
    FormatOption,
    JsonOption,
    LangOption,
    SourceOption,
    SvgOption,
    app,
    emit,
    load_base,
    parse_year,
    single,
)
from cqsmart.cli.streams import output_stream
from cqsmart.query import listing, lookup
from cqsmart.query.answer import search as searching
from cqsmart.render.plain import default_lang

# --fields, each with an example that works for its command (tests/test_help.py runs each one).
StatsFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("id,label,value"))]
InitiativeFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("id,label,line"))]
TargetFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("id,label,area"))]
CompareFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("label,change"))]
SearchFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("kind,id,label"))]
SourceFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("id,label,year"))]
TopicOption = Annotated[
    str | None,
    typer.Option(
        "--topic",
        metavar="TOPIC",
        autocompletion=completion.complete_topic,
        help="Only this topic, by its id or its name (see `cqsmart topics --lang zh`).",
    ),
]


@app.command()
def stats(
    ctx: typer.Context,
    year: Annotated[
        list[str] | None,
        typer.Option(
            "--year", "-y", metavar="YEAR", autocompletion=completion.complete_year, help="Figures whose period covers this year."
        ),
    ] = None,
    start: Annotated[
        list[str] | None,
        typer.Option("--from", metavar="YEAR", autocompletion=completion.complete_year, help="Figures from this year on."),
    ] = None,
    end: Annotated[
        list[str] | None,
        typer.Option("--to", metavar="YEAR", autocompletion=completion.complete_year, help="Figures up to this year."),
    ] = None,
    topic: TopicOption = None,
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
    fields: StatsFields = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
    source: SourceOption = None,
) -> None:
    """Figures: growth, scale, counts, rankings.

    Stated figures by default; --derived adds those the source implies but never states.

    Examples:

    \b
      cqsmart stats --year 2020
      cqsmart stats --topic digital-economy --derived
      cqsmart stats --json | jq '.[] | {id, value, unit}'
    """
    base = load_base(ctx, source)
    filters = listing.Filters(
        year=parse_year(single(year, "--year"), "--year", base),
        start=parse_year(single(start, "--from"), "--from", base),
        end=parse_year(single(end, "--to"), "--to", base),
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
            help="Only this line of work, e.g. elements or 场景.",
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", metavar="TEXT", help="Only initiatives whose text contains this.")
    ] = None,
    topic: TopicOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: InitiativeFields = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
    source: SourceOption = None,
) -> None:
    """Initiatives and the figures linked to them.

    The five lines of work and their parts, platforms, national designations, twin-city cooperation.

    Examples:

    \b
      cqsmart initiatives --line mechanisms
      cqsmart initiatives --search 渝快办 --json
    """
    base = load_base(ctx, source)
    emit(listing.initiatives(base, line, search, topic), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def targets(
    ctx: typer.Context,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            metavar="AREA",
            autocompletion=completion.complete_area,
            help="Only this area, e.g. innovation-system or 创新体系.",
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", metavar="TEXT", help="Only targets whose text contains this.")
    ] = None,
    topic: TopicOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: TargetFields = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
    source: SourceOption = None,
) -> None:
    """Forward targets and their quantities.

    Each quantity keeps its label and qualifier (at least 5; 5家以上 in Chinese).

    Examples:

    \b
      cqsmart targets
      cqsmart targets --area innovation-system --format markdown
    """
    base = load_base(ctx, source)
    emit(listing.targets(base, area, search, topic), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def compare(
    ctx: typer.Context,
    items: Annotated[
        list[str],
        typer.Argument(
            metavar="YEAR YEAR… | METRIC METRIC",
            autocompletion=completion.complete_year_or_metric,
            help="Two or more years (2018 2019 2020), or two metrics.",
        ),
    ],
    metric: Annotated[
        str | None,
        typer.Option(
            "--metric", metavar="METRIC", autocompletion=completion.complete_metric, help="Only this metric (years only)."
        ),
    ] = None,
    topic: TopicOption = None,
    derived: DerivedOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: CompareFields = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
    source: SourceOption = None,
) -> None:
    """Compare years, or two metrics.

    Years: every metric with a value in at least two of them (in both, for two years), its value in
    each, and the change from the first to the last. Two metrics: year by year, with their
    difference. Tables draw a bar per value, explained under the table; other formats carry numbers.

    Examples:

    \b
      cqsmart compare 2018 2020
      cqsmart compare 2018 2019 2020 --topic digital-economy
      cqsmart compare 2017 2020 --metric digital-economy-share-of-gdp --format markdown
      cqsmart compare digital-economy-growth implied-gdp-growth
    """
    from cqsmart.cli.audit_command import note_failing_checks
    from cqsmart.query.audit import compared_figures
    from cqsmart.query.compare import compare as compare_query

    base = load_base(ctx, source)
    result = compare_query(base, items, derived, metric, topic)
    chosen = lang.value if lang else default_lang()
    emit(result, base, fmt, as_json, fields, lang, svg, force)
    note_failing_checks(base, compared_figures(base, result), chosen)


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
    with output_stream(fmt in (Format.csv, Format.tsv)) as stream:
        render_show(found, lookup.linked(base, found), base, fmt.value, lang.value if lang else default_lang(), stream)
    from cqsmart.cli.audit_command import note_failing_checks

    note_failing_checks(base, [found["id"]] if found["kind"] == "figure" else [], lang.value if lang else default_lang())


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Chinese or English words, or a question.")],
    topic: TopicOption = None,
    derived: DerivedOption = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: SearchFields = None,
    lang: LangOption = None,
    svg: SvgOption = None,
    force: ForceOption = False,
    source: SourceOption = None,
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
    from cqsmart.cli.indexes import use_cached_indexes

    use_cached_indexes()
    base = load_base(ctx, source)
    emit(listing.with_topic(base, searching.search(base, text, derived), topic), base, fmt, as_json, fields, lang, svg, force)


@app.command()
def sources(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: SourceFields = None,
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
