"""Values for shell completion, read from the fact base in use: cheap, and silent on any failure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cqsmart.model.factbase import FactBase


def _base(ctx: Any) -> FactBase | None:
    """The base the command line names (--facts), from the cache where possible; None if unusable."""
    from cqsmart.errors import CqsmartError
    from cqsmart.store.load import load

    root = ctx.find_root() if ctx is not None else None
    facts = root.params.get("facts") if root is not None else None
    try:
        return load(facts)
    except (CqsmartError, OSError, ValueError):
        return None  # completion must never print an error into the user's prompt


def _completer(values: Callable[[FactBase], list[str]]) -> Callable[[Any, str], list[str]]:
    def complete(ctx: Any, incomplete: str) -> list[str]:
        base = _base(ctx)
        if base is None:
            return []
        return [value for value in values(base) if value.startswith(incomplete)]

    return complete


def _figure_values(key: str) -> Callable[[FactBase], list[str]]:
    return lambda base: sorted({str(record[key]) for record in base.of_kind("figure")})


def _years(base: FactBase) -> list[str]:
    from cqsmart.query.listing import years_with_figures

    return [str(year) for year in years_with_figures(base, derived=True)]


complete_metric = _completer(_figure_values("metric"))
complete_topic = _completer(_figure_values("topic"))
complete_year = _completer(_years)
complete_id = _completer(lambda base: [record["id"] for record in base.records])
complete_line = _completer(lambda base: sorted({record["line"] for record in base.of_kind("initiative")}))
complete_area = _completer(lambda base: sorted({record["area"] for record in base.of_kind("target")}))
complete_year_or_metric = _completer(lambda base: _years(base) + _figure_values("metric")(base))
