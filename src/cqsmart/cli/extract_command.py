"""`cqsmart extract`: a Chinese text to a draft fact base of cited figure records, for a person to curate."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from cqsmart.cli.app import app, path_parser
from cqsmart.cli.streams import error
from cqsmart.errors import UsageError


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(metavar="FILE", parser=path_parser, help="A UTF-8 text (a BOM is accepted).")],
    source_id: Annotated[
        str | None, typer.Option("--source-id", metavar="ID", help="The source record's id (default: from the file name).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the draft's records as JSON.")] = False,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="PATH", parser=path_parser, help="Write the draft fact base to PATH.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
) -> None:
    """Draft cited figure records from a Chinese text.

    One figure record for every quantitative statement: its value and unit as stated,
    qualifier (以上, 超, 余, 近 …), period, a verbatim quote, a Chinese label and a confidence.
    A year the figure's sentence does not state comes from the sentence or heading before it,
    else from the document's date; its note says which, and its confidence is lower. The table
    lists the least sure figures first; what is left out (a number no value can hold) is named
    on stderr. The draft lacks English labels: check it with 'cqsmart validate --draft', curate
    it, then use it with --facts.

    Examples:

    \b
      cqsmart extract briefing.txt
      cqsmart extract briefing.txt --json
      cqsmart extract briefing.txt --source-id city-briefing-2024 --output draft.json
    """
    import re

    from cqsmart.extract.draft import extract as draft_of
    from cqsmart.extract.text import decode

    if as_json and output is not None:
        raise UsageError("--json prints the draft and --output writes it: give one of them")
    if source_id is not None and not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", source_id):
        raise UsageError(f"--source-id {source_id!r} is not an id: use lower-case letters, digits and hyphens")
    from cqsmart.errors import InvalidFactBase
    from cqsmart.store.locate import read_regular_file

    try:
        data = read_regular_file(file, str(file))  # a FIFO or a device must not hang or flood
    except InvalidFactBase as failure:
        raise UsageError(str(failure)) from None
    decode(data, str(file))  # a text in another encoding is named by the path the user gave
    draft = draft_of(data, file.name, source_id)
    for note in draft.notes:
        error(f"{file}: {note}")
    if output is not None:
        from cqsmart.model import jsontext
        from cqsmart.store.files import write_atomically

        text = jsontext.dumps(draft.records, indent=2) + "\n"  # indented, for a person to curate
        write_atomically(output, text.encode("utf-8"), force)
        error(f"wrote a draft of {len(draft.figures)} figures to {output}; check it with: cqsmart validate --draft {output}")
        return
    _show(draft.records, "json" if as_json else "table")
    if not draft.figures:
        error(f"no figures found in {file}")


def _show(records: list[dict[str, Any]], fmt: str) -> None:
    """The draft as the other listings print: JSON one record a line, or a table of the figures to review."""
    from cqsmart.model.factbase import FactBase, JsonRecord
    from cqsmart.query.result import Result
    from cqsmart.render import Options, renderer_for

    base = FactBase(tuple(records), "draft")
    if fmt == "json":
        renderer_for("json").render(Result(list(records), "record"), base, Options(), sys.stdout)
        return
    figures: list[JsonRecord] = [record for record in records if record["kind"] == "figure"]
    figures.sort(key=lambda figure: figure["confidence"])  # the least sure first: what a curator checks first
    options = Options(("id", "label", "value", "period"), "zh", "数据草稿（待人工核对）")
    renderer_for("table").render(Result(figures, "figure"), base, options, sys.stdout)
