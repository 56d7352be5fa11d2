"""A loaded fact base with the queries the CLI runs, returning the model's own typed records."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from cqsmart.errors import NotFound
from cqsmart.model import factbase as model
from cqsmart.query import listing, lookup
from cqsmart.query.answer.ask import answers
from cqsmart.query.answer.claims import Claim
from cqsmart.query.answer.search import search
from cqsmart.query.audit import audit
from cqsmart.query.narrow import from_source

if TYPE_CHECKING:
    import pandas

    from cqsmart.model.records import Check, Figure, Initiative, Record, Source, Target


class Answer(NamedTuple):
    """One answer to a question: the figure, how well it matches (0–1), and for a question that states
    a value, whether the source bears it out (`claim.verdict`: consistent, within rounding, differs)."""

    figure: Figure
    score: float
    claim: Claim | None = None


def load(paths: str | Iterable[str] | None = None, *, library: bool = True, cache: bool = True) -> FactBase:
    """The fact bases at `paths` (fact-base files or folders) read together, validated; by default the
    bundled base with the user's library (`library=False`: the bundled base alone). A library base that
    no longer validates is left out, with a warning."""
    import warnings

    from cqsmart.store.load import load as load_base

    chosen = paths if paths is None or isinstance(paths, str) else list(paths)
    base = load_base(chosen, use_cache=cache, library=library)
    for note in base.notes:
        warnings.warn(note, stacklevel=2)
    return FactBase(base)


def typed(record: model.JsonRecord) -> Record:
    """A stored record as the model's frozen, validated object (Figure, Initiative …)."""
    from cqsmart.model.records import RECORD_ADAPTER

    return RECORD_ADAPTER.validate_python(dict(record))


class FactBase:
    """The records of a loaded base, queried as the CLI's commands query them."""

    def __init__(self, base: model.FactBase) -> None:
        self._base = base

    def __repr__(self) -> str:
        return f"cqsmart.FactBase({len(self._base.records)} records from {self._base.origin})"

    def __len__(self) -> int:
        return len(self._base.records)

    def figures(
        self,
        year: int | None = None,
        topic: str | None = None,
        metric: str | None = None,
        source: str | None = None,
        derived: bool = False,
    ) -> list[Figure]:
        """Figures covering a year, of a topic, a metric or a source, as `cqsmart stats` lists them."""
        filters = listing.Filters(year=year, topic=topic, metric=metric, derived=derived)
        return [_as(typed(row), "Figure") for row in listing.figures(from_source(self._base, source), filters).rows]

    def initiatives(self, line: str | None = None, topic: str | None = None, source: str | None = None) -> list[Initiative]:
        rows = listing.initiatives(from_source(self._base, source), line, topic=topic).rows
        return [_as(typed(row), "Initiative") for row in rows]

    def targets(self, area: str | None = None, topic: str | None = None, source: str | None = None) -> list[Target]:
        return [_as(typed(row), "Target") for row in listing.targets(from_source(self._base, source), area, topic=topic).rows]

    def sources(self) -> list[Source]:
        return [_as(typed(row), "Source") for row in listing.sources(self._base).rows]

    def checks(self) -> list[Check]:
        return [_as(typed(row), "Check") for row in self._base.of_kind("check")]

    def get(self, record_id: str) -> Record:
        """The record with this id; KeyError (with close ids) when there is none."""
        try:
            return typed(lookup.record(self._base, record_id))
        except NotFound as error:
            raise KeyError(str(error)) from None

    def search(self, text: str, source: str | None = None) -> list[Record]:
        """Records whose words match `text`, best first, as `cqsmart search` finds them."""
        return [typed(row) for row in search(from_source(self._base, source), text).rows]

    def ask(self, question: str, source: str | None = None) -> list[Answer]:
        """Figures that answer the question, best first; empty when the base cannot answer it (only
        figures: where `cqsmart ask` answers 云长制是什么 with the initiative, `get` reads it by id)."""
        try:
            found = answers(from_source(self._base, source), question)
        except NotFound:
            return []
        figures = [each for each in found if each.record.get("kind") == "figure"]
        return [Answer(_as(typed(each.record), "Figure"), each.score, each.claim) for each in figures]

    def audit(self) -> list[dict[str, Any]]:
        """Each check with its arithmetic and status (`holds` or `fails`), as `cqsmart audit` prints it."""
        return [dict(row) for row in audit(self._base).rows]

    def to_pandas(self, table: str = "figures") -> pandas.DataFrame:
        """One of the export's tables (figures, initiatives, targets, sources, links) as a DataFrame:
        the columns of `stats --format csv`, nested fields spread (label_zh, period_start …)."""
        try:
            import pandas
        except ImportError:
            raise ImportError('to_pandas needs pandas: pip install "cqsmart[pandas]"') from None
        from cqsmart.export.tables import tables

        found = {item.name: item for item in tables(self._base)}
        chosen = found.get(table) or found.get(table + "s")
        if chosen is None:
            raise ValueError(f"unknown table {table!r} (tables: {', '.join(found)})")
        return pandas.DataFrame(chosen.rows, columns=[name for name, _ in chosen.columns])


def _as(record: Record, name: str) -> Any:
    """The record, checked to be of the model class its listing promises."""
    from cqsmart.model import records

    if not isinstance(record, getattr(records, name)):
        raise TypeError(f"expected a {name}, got {type(record).__name__}")
    return record
