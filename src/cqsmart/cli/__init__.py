"""The command line: the Typer app, its commands, shell completion and exit codes.

May import every other layer. Each command parses its arguments, calls the query layer and hands the
result to a renderer; nothing below this package knows about Typer.
"""

# The command modules register themselves on the app when imported, in the order --help lists them.
from cqsmart.cli import query_commands  # isort: skip
from cqsmart.cli import discovery_commands  # isort: skip
from cqsmart.cli import ask_command  # isort: skip
from cqsmart.cli import check_commands, export_command  # isort: skip
from cqsmart.cli import audit_command  # isort: skip
from cqsmart.cli import extract_command  # isort: skip
from cqsmart.cli.app import app

__all__ = [
    "app",
    "ask_command",
    "audit_command",
    "check_commands",
    "discovery_commands",
    "export_command",
    "extract_command",
    "main",
    "query_commands",
]


def main() -> None:
    import sys

    from cqsmart.cli.dispatch import only_named_command

    with only_named_command(sys.argv[1:]):
        app(prog_name="cqsmart")
