"""The commands that check a fact base: validate, verify against the source, print the schema."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from cqsmart.cli.app import app, error, load_base, path_parser, usable_path
from cqsmart.render.values import inert


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(metavar="[PATH]", callback=usable_path, help="A fact-base file or folder (default: the one in use)."),
    ] = None,
    draft: Annotated[
        bool, typer.Option("--draft", help="Accept a draft from 'cqsmart extract': English labels may be missing.")
    ] = False,
) -> None:
    """Validate a fact base; report every problem.

    Each problem is one line: file, JSON path, reason. Exit status 2 if there is any.
    With --draft, missing English labels are accepted (a draft written by 'cqsmart extract').

    Examples:

    \b
      cqsmart validate
      cqsmart validate my-facts/
      cqsmart validate --draft tests/extract_texts/district-2024.draft.json
    """
    from cqsmart.cli.app import Settings
    from cqsmart.query.summary import summary
    from cqsmart.store.load import load

    settings = ctx.find_object(Settings)
    base = load(path or (settings.facts if settings else None), use_cache=False, draft=draft)
    sys.stdout.write(f"valid: {summary(base)} ({base.origin})\n")


@app.command()
def verify(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Option("--source", metavar="FILE", parser=path_parser, help="The source text the quotes are checked against."),
    ],
) -> None:
    """Check every quote against the source text.

    Lists the quotes not found (exit status 2) and warns if the file's SHA-256 is not the recorded one.

    Example:

    \b
      cqsmart verify --source ../shared/sources/chongqing-daily-2021-08-smart-city-interview.txt
    """
    from cqsmart.store.verify import verify_quotes

    base = load_base(ctx)
    report = verify_quotes(base, source)
    for warning in report.warnings:
        error(f"warning: {warning}")
    for line in report.missing:
        sys.stdout.write(f"not found: {inert(line)}\n")
    sys.stdout.write(f"{report.found} of {report.checked} quotes found in {source}\n")
    if report.missing:
        raise typer.Exit(2)


@app.command()
def schema() -> None:
    """Print the JSON Schema of fact-base files.

    The --json output of stats, initiatives, targets, search and sources has the same shape.

    Example:

    \b
      cqsmart schema > facts.schema.json
    """
    from cqsmart.model.schema import schema_text

    sys.stdout.write(schema_text())
