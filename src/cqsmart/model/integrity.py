"""Rules that span a whole fact base: unique ids, references that resolve, derived values that add up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from decimal import Decimal

from cqsmart.model.formula import FormulaError, evaluate, referenced_ids
from cqsmart.model.records import Alias, Figure, Initiative, Source, Target


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a fact base: where it is (file and JSON path) and why."""

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '$'}: {self.reason}"


@dataclass(frozen=True)
class Located:
    """A validated record with the file and array index it came from, for error locations."""

    record: Figure | Initiative | Target | Source | Alias
    file: str
    index: int


def json_path(location: Iterable[int | str]) -> str:
    """`[3].source.quote` style path from a Pydantic error location."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path.lstrip(".")


def check_base(records: Sequence[Located], invalid_ids: AbstractSet[str] = frozenset()) -> list[Problem]:
    """Rules that span records: unique ids, resolvable references, and derived values that add up.

    References to `invalid_ids` (records that failed validation, already reported) are not reported again.
    """
    problems: list[Problem] = []
    by_id: dict[str, Located] = {}
    for item in records:
        if item.record.id in by_id:
            first = by_id[item.record.id]
            problems.append(_problem(item, "id", f"duplicate id {item.record.id!r} (first in {first.file} [{first.index}])"))
        else:
            by_id[item.record.id] = item

    def expect(item: Located, field: str, ref: str, kind: str) -> None:
        target = by_id.get(ref)
        if target is None and ref in invalid_ids:
            return
        if target is None:
            problems.append(_problem(item, field, f"refers to unknown id {ref!r}"))
        elif target.record.kind != kind:
            problems.append(_problem(item, field, f"{ref!r} is a {target.record.kind}, expected a {kind}"))

    for item in records:
        record = item.record
        if isinstance(record, (Figure, Initiative, Target)) and record.source is not None:
            expect(item, "source.id", record.source.id, "source")
        if isinstance(record, (Initiative, Target)):
            for position, ref in enumerate(record.figures):
                expect(item, f"figures[{position}]", ref, "figure")
        if isinstance(record, Initiative) and record.parent is not None:
            expect(item, "parent", record.parent, "initiative")
        if isinstance(record, Figure) and record.derived and not any(ref in invalid_ids for ref in record.inputs or ()):
            problems.extend(_check_derived(item, record, by_id))
    return problems


def _check_derived(item: Located, figure: Figure, by_id: dict[str, Located]) -> list[Problem]:
    assert figure.formula is not None and figure.inputs is not None and figure.value is not None
    used = referenced_ids(figure.formula)
    if sorted(set(used)) != sorted(set(figure.inputs)):
        return [_problem(item, "inputs", f"inputs {figure.inputs} differ from the ids in the formula {sorted(set(used))}")]
    values: dict[str, float] = {}
    for position, ref in enumerate(figure.inputs):
        source = by_id.get(ref)
        if source is None or not isinstance(source.record, Figure):
            return [_problem(item, f"inputs[{position}]", f"refers to unknown figure {ref!r}")]
        if source.record.value is None:
            return [_problem(item, f"inputs[{position}]", f"{ref!r} has no value")]
        values[ref] = float(source.record.value)
    try:
        computed = evaluate(figure.formula, values)
    except FormulaError as error:
        return [_problem(item, "formula", str(error))]
    tolerance = _rounding_tolerance(figure.value)
    if abs(computed - float(figure.value)) > tolerance:
        return [_problem(item, "value", f"formula gives {computed:.6g}, not {figure.value}")]
    return []


def _rounding_tolerance(value: int | float) -> float:
    """Half a unit in the last stated decimal place: 6.3 stands for anything in [6.25, 6.35]."""
    exponent = Decimal(str(value)).as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return 0.5 * 10.0**-places + 1e-9


def _problem(item: Located, field: str, reason: str) -> Problem:
    return Problem(item.file, f"[{item.index}].{field}", reason)
