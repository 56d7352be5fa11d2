"""`audit`: the checks of the fact base evaluated, each with its arithmetic and whether it holds."""

# No `from __future__ import annotations`: Typer reads these annotations when it builds the command.
from collections.abc import Iterable
from typing import Annotated

import typer

from cqsmart.cli.app import FieldsOption, Format, FormatOption, JsonOption, LangOption, app, emit, load_base
from cqsmart.cli.streams import error
from cqsmart.errors import Words
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.render.plain import default_lang


@app.command()
def audit(
    ctx: typer.Context,
    checks: Annotated[
        list[str] | None, typer.Argument(metavar="[CHECK]...", help="Only these checks (default: all).", show_default=False)
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any check fails.")] = False,
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: FieldsOption = None,
    lang: LangOption = None,
) -> None:
    """Check the source's arithmetic, worked out in the open.

    Each check shows its arithmetic with the printed figures (16 × … = 21.3 ≉ 25.5) and holds or fails.
    A stated figure stands for anything its printed digits allow (16 for 15.5–16.5); ≈ holds when those
    ranges overlap. Failing checks are findings about the source, not errors: exit 0, or 1 with --strict.

    Examples:

    \b
      cqsmart audit
      cqsmart audit share-of-gdp-compounds-2017-2020 --json
      cqsmart audit --strict || echo "the source does not add up"
    """
    from cqsmart.query.audit import audit as audit_query

    base = load_base(ctx)
    result = audit_query(base, checks or ())
    emit(result, base, fmt, as_json, fields, lang)
    chosen = lang.value if lang else default_lang()
    failing = checks_named([row for row in result.rows if row["status"] == "fails"], chosen)
    if result.rows:
        held = len(result.rows) - len(failing)
        from cqsmart.cli.messages import message

        counts = {"held": str(held), "total": str(len(result.rows))}
        if failing:
            error(message("checks-failing", chosen, **counts, checks=Words(tuple(failing))))
        else:
            error(message("checks-hold", chosen, **counts))
    if strict and failing:
        raise typer.Exit(1)


def note_failing_checks(base: FactBase, figure_ids: Iterable[str], lang: str = "en") -> None:
    """One stderr line, in the table's language, when the figures shown take part in a check that fails."""
    from cqsmart.query.audit import failing_checks

    failing = checks_named(failing_checks(base, figure_ids), lang)
    if failing:
        from cqsmart.cli.messages import message

        error(message("failing-checks", lang, checks=Words(tuple(failing))))


def checks_named(rows: list[JsonRecord], lang: str) -> list[str]:
    """Checks as a message names them: by their ids, which `audit` takes, or in Chinese by their names."""
    return [str(row["label"]["zh"]) if lang == "zh" else str(row["id"]) for row in rows]
