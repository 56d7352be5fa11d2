"""Answers questions about Chongqing's smart-city and digital-economy programme from a cited fact base."""

import sys as _sys
from typing import TYPE_CHECKING as _TYPE_CHECKING

__version__ = "0.1.0"

if _TYPE_CHECKING:
    from cqsmart.api import Answer, Claim, FactBase, load

__all__ = ["Answer", "Claim", "FactBase", "load"]

INTERRUPTED_EXIT = 130


def _interrupted_quietly(kind: type[BaseException], value: BaseException, trace: object) -> None:
    """Ctrl-C before the CLI's own handling starts (while modules import) ends like Ctrl-C after it:
    status 130, no traceback. Any other uncaught exception is reported as Python would."""
    if issubclass(kind, KeyboardInterrupt):
        _sys.stderr.write("\n")
        raise SystemExit(INTERRUPTED_EXIT)
    _previous_hook(kind, value, trace)  # type: ignore[arg-type]


# Installed first thing, so it covers the imports that make up most of start-up.
_previous_hook = _sys.excepthook
_sys.excepthook = _interrupted_quietly


def __getattr__(name: str) -> object:
    """`cqsmart.load` and the API's classes, imported on first use: the CLI's start-up never pays for them."""
    if name in __all__:
        import cqsmart.api

        return getattr(cqsmart.api, name)
    raise AttributeError(f"module 'cqsmart' has no attribute {name!r}")
