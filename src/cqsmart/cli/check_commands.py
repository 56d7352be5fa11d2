"""The commands that check a fact base: validate, verify against the source, print the schema."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from cqsmart.cli.app import app, load_base, path_parser, usable_path
from cqsmart.cli.streams import error
from cqsmart.errors import InvalidFactBase, UsageError, echo
from cqsmart.render.plain import inert


def _json_report_option(name: str) -> Any:
    return typer.Option("--json", help=f"Print the report as JSON (its schema: cqsmart schema --output {name}).")


def _report(document: dict[str, Any]) -> None:
    from cqsmart.render.machine import dump

    sys.stdout.write(dump(document, sys.stdout, indent=2) + "\n")


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(metavar="[PATH]", callback=usable_path, help="A fact-base file or folder (default: the one in use)."),
    ] = None,
    as_json: Annotated[bool, _json_report_option("validate")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 2) where a name has no English, rather than warn.")
    ] = False,
    draft: Annotated[
        bool, typer.Option("--draft", help="A draft from 'cqsmart extract': names without English are expected, not warned of.")
    ] = False,
) -> None:
    """Validate a fact base; report every problem.

    Each problem is one line: file, JSON path, reason. Exit status 2 if there is any.
    A name with no English is a warning, one line each on stderr; with --strict each is
    a problem; with --draft (a draft written by 'cqsmart extract') it is expected.

    Examples:

    \b
      cqsmart validate
      cqsmart validate my-facts/
      cqsmart validate my-facts/ --json | jq '.problems[]'
      cqsmart validate --strict
      cqsmart validate --draft tests/extract_texts/district-2024.draft.json
    """
    from cqsmart.cli.app import Settings
    from cqsmart.query.summary import summary
    from cqsmart.store.load import load
    from cqsmart.store.validate import missing_english

    settings = ctx.find_object(Settings) or Settings((), True)
    chosen = path or settings.facts
    origin = chosen if isinstance(chosen, str) else " + ".join(chosen) or None
    try:
        base = load(chosen, use_cache=False, library=settings.library)
    except InvalidFactBase as failure:
        if not as_json:
            raise
        problems = [
            {name: str(getattr(problem, name, "")) for name in ("file", "path", "reason")} for problem in failure.problems
        ]
        _report({"valid": False, "origin": origin, "summary": None, "problems": problems})
        error(f"invalid fact base ({len(problems)} problem{'s' if len(problems) != 1 else ''})")
        raise typer.Exit(2) from None
    untranslated = missing_english(base.records)
    if strict and untranslated:
        if as_json:
            problems = [{"file": base.origin, "path": where, "reason": "no English"} for where in untranslated]
            _report({"valid": False, "origin": base.origin, "summary": None, "problems": problems})
        for where in untranslated:
            error(f"{where}: no English")
        error(f"invalid fact base ({len(untranslated)} name{'s' if len(untranslated) != 1 else ''} without English)")
        raise typer.Exit(2)
    for where in [] if draft else untranslated:
        error(f"warning: {where}: no English")
    if not as_json:
        sys.stdout.write(f"valid: {summary(base)} ({base.origin})\n")
        return
    _report({"valid": True, "origin": base.origin, "summary": summary(base), "problems": []})


@app.command()
def verify(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Option("--source", metavar="FILE", parser=path_parser, help="The source text the quotes are checked against."),
    ],
    as_json: Annotated[bool, _json_report_option("verify")] = False,
) -> None:
    """Check every quote against the source text.

    Lists the quotes not found, and those found more than once whose note does not say why (exit status 2),
    and warns if the file's SHA-256 is not the recorded one.

    Example:

    \b
      cqsmart verify --source ../shared/sources/chongqing-daily-2021-08-smart-city-interview.txt
    """
    from cqsmart.store.verify import verify_quotes

    base = load_base(ctx)
    report = verify_quotes(base, source)
    for warning in report.warnings:
        error(f"warning: {warning}")
    if as_json:
        missing = [{"id": record_id, "quote": quote} for record_id, quote in report.missing_quotes]
        counts = {"checked": report.checked, "found": report.found}
        _report({"valid": not missing, "source": str(source), **counts, "missing": missing, "warnings": report.warnings})
        if missing:
            raise typer.Exit(2)
        return
    for line in report.missing:
        sys.stdout.write(f"not found: {inert(line)}\n")
    for line in report.repeated:
        sys.stdout.write(f"not unique: {inert(line)}\n")
    sys.stdout.write(f"{report.found} of {report.checked} quotes found in {source}\n")
    if report.missing or report.repeated:
        raise typer.Exit(2)


@app.command()
def schema(
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            metavar="NAME",
            autocompletion=lambda incomplete: [name for name in _output_names() if name.startswith(incomplete)],
            help="The schema of a command's --json output instead, e.g. stats, targets, show.",
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of fact files or of a --json output.

    Each output schema's $id ends in its contract version (…/stats-1.json): added fields keep the
    version, a removed or renamed field bumps it. Copies are in the schema/ folder.

    Examples:

    \b
      cqsmart schema > facts.schema.json
      cqsmart schema --output targets > targets.schema.json
    """
    if output is None:
        from cqsmart.model.schema import schema_text

        sys.stdout.write(schema_text())
        return
    from cqsmart.model.outputs import OUTPUTS, output_schema_text

    if output not in OUTPUTS:
        raise UsageError(f"no output named {echo(output)}; outputs: {', '.join(OUTPUTS)}")
    sys.stdout.write(output_schema_text(output))


def _output_names() -> list[str]:
    from cqsmart.model.outputs import OUTPUTS

    return list(OUTPUTS)
