"""`cqsmart ask`: a question in Chinese or English, answered with the figure that answers it."""

# No `from __future__ import annotations`: Typer evaluates the annotations (see query_commands).
from typing import Annotated

import typer

from cqsmart.cli.app import (
    FieldsOption,
    Format,
    FormatOption,
    JsonOption,
    Lang,
    LangOption,
    SourceOption,
    app,
    emit,
    load_base,
)
from cqsmart.errors import CqsmartError


@app.command()
def ask(
    ctx: typer.Context,
    question: Annotated[str, typer.Argument(metavar="QUESTION", help="A question in Chinese or English.")],
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            "-n",
            metavar="N",
            help="Show up to N candidate figures, best first (default 1; one a year for years listed).",
        ),
    ] = 1,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
    source: SourceOption = None,
) -> None:
    """Answer a question with the figure that answers it.

    The value as stated, its period, label, the source's own words and the source; for a question
    listing years (2018 and 2019), the figure of each, in the order named. --json
    prints the figures as `stats --json` does, best first, each with a score and, for a question
    that states a value (Did it grow 20%? 用户有5000万吗), a verdict on it. A question asking what
    something is (云长制是什么) gets the initiative or target it names, with its figures. In the
    question's language unless --lang is given. Exits 1 when no
    figure in the fact base answers the question: it never falls back to an unrelated one.
    Derived figures answer only when asked for (implied, 推算) or when no stated figure fits.

    Examples:

    \b
      cqsmart ask "渝康码有多少项功能?"
      cqsmart ask "How many Yukuaiban users are there?"
      cqsmart ask "数字经济增速哪年最快" --limit 3 --json
      cqsmart ask "云长制是什么"
    """
    from cqsmart.cli.indexes import use_cached_indexes
    from cqsmart.query.answer.ask import ask as answer

    use_cached_indexes()
    base = load_base(ctx, source)
    chosen = lang or language_of(question)
    try:
        found = answer(base, question, limit)
    except CqsmartError as failure:
        failure.lang = chosen.value  # "no figure answers" in the question's language, as an answer would be
        raise
    emit(found, base, fmt, as_json, fields, chosen)


def language_of(question: str) -> Lang:
    """The answer is in the question's language unless --lang says otherwise: a Chinese question gets a
    Chinese table under any locale."""
    from cqsmart.query.text.chinese import has_han

    return Lang.zh if has_han(question) else Lang.en
