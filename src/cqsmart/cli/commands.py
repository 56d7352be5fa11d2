"""The app's commands, by the module that registers each, loaded when first needed: a run that names
one command imports that module only, and --help, completion and tests see them all, in this order."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer

# Module (under cqsmart.cli) → the commands it registers, in the order --help lists them.
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "query_commands": ("stats", "initiatives", "targets", "compare", "show", "search", "sources"),
    "discovery_commands": ("topics", "metrics", "cite"),
    "ask_command": ("ask",),
    "check_commands": ("validate", "verify", "schema"),
    "export_command": ("export",),
    "audit_command": ("audit",),
    "extract_command": ("extract",),
    "library_command": ("library",),
}
ORDER = {name: position for position, name in enumerate(name for names in COMMAND_MODULES.values() for name in names)}


def command_name(info: Any) -> str:
    return str(info.name or typer.main.get_command_name(info.callback.__name__ if info.callback else ""))


class CommandsOnDemand(typer.Typer):
    """A Typer app whose command modules are imported the first time its commands are read."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._commands: list[Any] = []
        self._groups: list[Any] = []
        self._loading = False
        super().__init__(*args, **kwargs)

    @property
    def registered_commands(self) -> list[Any]:
        if not self._loading:
            self._loading = True
            for module in COMMAND_MODULES:
                importlib.import_module(f"cqsmart.cli.{module}")
        self._commands.sort(key=lambda info: ORDER.get(command_name(info), len(ORDER)))
        return self._commands

    @registered_commands.setter
    def registered_commands(self, commands: list[Any]) -> None:
        self._commands = commands

    @property
    def registered_groups(self) -> list[Any]:
        """Command groups (`library add|list|remove`) are registered by their modules too."""
        if not self._loading:
            _ = self.registered_commands
        return self._groups

    @registered_groups.setter
    def registered_groups(self, groups: list[Any]) -> None:
        self._groups = groups

    @contextmanager
    def only(self, name: str) -> Iterator[None]:
        """Just the command `name` (one of COMMAND_MODULES) registered, with only its module imported."""
        saved, loading = self._commands, self._loading
        self._loading = True
        module = next(module for module, names in COMMAND_MODULES.items() if name in names)
        importlib.import_module(f"cqsmart.cli.{module}")
        self._commands = [info for info in self._commands if command_name(info) == name]
        try:
            yield
        finally:  # keeping any command a module imported during the run registered (compare imports audit's)
            self._commands = saved + [info for info in self._commands if info not in saved]
            self._loading = loading
