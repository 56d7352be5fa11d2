"""`cqsmart library add|list|remove`: the user's own fact bases, kept beside the bundled one."""

# No `from __future__ import annotations` here: Typer reads the annotations when it builds the commands.
from typing import Annotated

import typer

from cqsmart.cli.app import FIELDS_HELP, Format, FormatOption, JsonOption, LangOption, app, emit, usable_path
from cqsmart.cli.streams import error

library_app = typer.Typer(
    name="library",
    help="Your own fact bases, kept to be read beside the bundled one.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(library_app, name="library")

LibraryFields = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("id,figures"))]


def _complete_library_id(incomplete: str) -> list[str]:
    from cqsmart.store.library import entries

    try:
        return [item.id for item in entries() if item.id.startswith(incomplete)]
    except Exception:  # completion never prints a traceback into the shell
        return []


@library_app.command("add")
def add(
    path: Annotated[
        str, typer.Argument(metavar="PATH", callback=usable_path, help="A fact-base JSON file or folder laid out like facts/.")
    ],
    base_id: Annotated[
        str | None, typer.Option("--id", metavar="ID", help="The base's id in the library (default: from the file name).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a base of the same id.")] = False,
) -> None:
    """Validate a fact base and add it to your library.

    The base is copied (atomically; the original may then move or change), and from then on every
    command reads it beside the bundled base, unless --facts or --no-library says otherwise.

    Examples:

    \b
      cqsmart library add tests/extract_texts/district-2024.json --id district-2024
      cqsmart library list
    """
    from cqsmart.model.factbase import FactBase
    from cqsmart.query.summary import summary
    from cqsmart.store.files import shown
    from cqsmart.store.library import add as add_base

    entry, records = add_base(path, base_id, force)
    error(f"added {entry.id} to the library ({summary(FactBase(tuple(records), path))}): {shown(entry.path)}")


@library_app.command("list")
def list_bases(
    fmt: FormatOption = Format.table,
    as_json: JsonOption = False,
    fields: LibraryFields = None,
    lang: LangOption = None,
) -> None:
    """The bases in your library, with their sources and counts.

    A base that no longer validates is named on stderr and left out.

    Examples:

    \b
      cqsmart library list
      cqsmart library list --json
    """
    from cqsmart.errors import InvalidFactBase
    from cqsmart.model.factbase import FactBase
    from cqsmart.query.library import library
    from cqsmart.store.files import shown
    from cqsmart.store.library import entries
    from cqsmart.store.load import load

    bases = []
    for entry in entries():
        try:
            bases.append((entry.id, shown(entry.path), load(str(entry.path))))
        except InvalidFactBase as failure:
            more = f" (and {len(failure.problems) - 1} more)" if len(failure.problems) > 1 else ""
            error(f"library base {entry.id} is invalid, left out: {failure.problems[0]}{more}")
    emit(library(bases), FactBase((), "library"), fmt, as_json, fields, lang)


@library_app.command("remove")
def remove(
    base_id: Annotated[
        str, typer.Argument(metavar="ID", autocompletion=_complete_library_id, help="The id `cqsmart library list` shows.")
    ],
) -> None:
    """Take a base out of your library (the file you added it from is not touched).

    Examples:

    \b
      cqsmart library remove district-2024
    """
    from cqsmart.store.files import shown
    from cqsmart.store.library import remove as remove_base

    entry = remove_base(base_id)
    error(f"removed {entry.id} from the library: {shown(entry.path)}")
