"""Finding one's way: `topics` and `metrics` list what there is to filter by; `cite` gives a reference."""

# No `from __future__ import annotations` here: Typer reads the annotations when it builds the commands.
import sys
from enum import Enum
from typing import Annotated

import typer

from cqsmart.cli import completion
from cqsmart.cli.app import FIELDS_HELP, Format, FormatOption, JsonOption, LangOption, SourceOption, app, emit, load_base
from cqsmart.render.plain import default_lang

TopicFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("topic,figures"))]
MetricFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("metric,years"))]


class Style(str, Enum):
    apa = "apa"
    mla = "mla"
    chicago = "chicago"
    bibtex = "bibtex"
    plain = "plain"


@app.command()
def topics(
    ctx: typer.Context,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: TopicFields = None,
    lang: LangOption = None,
    source: SourceOption = None,
) -> None:
    """Topics, with how many records each has.

    The topics records are filed under; each is a value for --topic on stats, initiatives, targets, search and compare.

    Examples:

    \b
      cqsmart topics
      cqsmart topics --json
    """
    from cqsmart.query.discovery import topics as topics_query

    base = load_base(ctx, source)
    emit(topics_query(base), base, fmt, as_json, fields, lang)


@app.command()
def metrics(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic", metavar="TOPIC", autocompletion=completion.complete_topic, help="Only this topic, by its id or its name."
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: MetricFields = None,
    lang: LangOption = None,
    source: SourceOption = None,
) -> None:
    """Metrics: label, unit, years and latest value.

    Each is a value for --metric on stats and compare.

    Examples:

    \b
      cqsmart metrics
      cqsmart metrics --topic digital-economy --format csv
    """
    from cqsmart.query.discovery import metrics as metrics_query

    base = load_base(ctx, source)
    emit(metrics_query(base, topic), base, fmt, as_json, fields, lang)


@app.command()
def cite(
    ctx: typer.Context,
    record_id: Annotated[
        str, typer.Argument(metavar="ID", autocompletion=completion.complete_id, help="A record id, e.g. yukangma-users.")
    ],
    style: Annotated[Style, typer.Option("--style", help="Citation style.")] = Style.apa,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Cite the source of one record, with its quote.

    APA, MLA, Chicago, BibTeX or plain, with the figure and its verbatim quote. Only what the
    source record holds is used: a year in brackets is inferred (the source does not print it),
    and no URL or page is made up.

    Examples:

    \b
      cqsmart cite yukangma-users
      cqsmart cite digital-economy-scale-2020 --style bibtex
      cqsmart cite yukuaiban-users --style chicago --lang zh --json
    """
    from cqsmart.query.cite import citing
    from cqsmart.render.citation import render_citation

    base = load_base(ctx)
    found = citing(base, record_id)
    chosen = lang.value if lang else default_lang()
    render_citation(found, style.value, "en" if chosen == "both" else chosen, "json" if as_json else fmt.value, sys.stdout)
