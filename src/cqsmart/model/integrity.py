"""Rules that span a whole fact base: unique ids, references that resolve, derived values that add up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import NamedTuple

from cqsmart.model.factbase import JsonRecord
from cqsmart.model.formula import FormulaError, evaluate, half_unit, referenced_ids


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a fact base: where it is (file and JSON path) and why."""

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '$'}: {self.reason}"


class Located(NamedTuple):
    """A validated record (plain JSON data) with the file and array index it came from, for error
    locations. A tuple: a large base makes one per record."""

    record: JsonRecord
    file: str
    position: int


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
    # Built in one go (most bases repeat no id); the later of two records with one id wins here, so
    # a base that repeats one is gone through again, to name each repeat after the first.
    by_id = {item.record["id"]: item for item in records}
    if len(by_id) < len(records):
        by_id = {}
        for item in records:
            ident = item.record["id"]
            if ident in by_id:
                first = by_id[ident]
                problems.append(_problem(item, "id", f"duplicate id {ident!r} (first in {first.file} [{first.position}])"))
            else:
                by_id[ident] = item

    def expect(item: Located, field: str, ref: str, kind: str) -> None:
        target = by_id.get(ref)
        if target is None and ref in invalid_ids:
            return
        if target is None:
            problems.append(_problem(item, field, f"refers to unknown id {ref!r}"))
        elif target.record["kind"] != kind:
            problems.append(_problem(item, field, f"{ref!r} is a {target.record['kind']}, expected a {kind}"))

    planned_by_targets: set[str] = set()
    for item in records:
        record = item.record
        kind = record["kind"]
        source = record.get("source")
        if source is not None and kind in _CITING:
            cited = by_id.get(source["id"])
            if cited is None or cited.record["kind"] != "source":  # looked up inline: most records cite
                expect(item, "source.id", source["id"], "source")
        if kind in _LINKING:
            for position, ref in enumerate(record["figures"]):
                expect(item, f"figures[{position}]", ref, "figure")
        if kind == "target":
            planned_by_targets.update(record["figures"])
        elif kind == "initiative" and record["parent"] is not None:
            expect(item, "parent", record["parent"], "initiative")
        elif kind == "figure" and record["derived"] and not any(ref in invalid_ids for ref in record["inputs"] or ()):
            problems.extend(_check_derived(item, record, by_id))
        elif kind == "check":
            problems.extend(_check_check(item, record, by_id, invalid_ids))
    for item in records:
        record = item.record
        if record.get("planned") and record["kind"] == "figure" and record["id"] not in planned_by_targets:
            problems.append(_problem(item, "planned", "only a figure that a target links to is planned"))
    problems.extend(_derivation_cycles(records, by_id))
    return problems


def _derivation_cycles(records: Sequence[Located], by_id: dict[str, Located]) -> list[Problem]:
    """A derived figure whose inputs lead back to it is computed from itself: each such loop is named once.

    Walked without recursion (a chain of derivations may be long) in one pass over every derived figure."""
    inputs = {
        item.record["id"]: [ref for ref in item.record["inputs"] or () if ref in by_id]
        for item in records
        if item.record["kind"] == "figure" and item.record.get("derived")
    }
    done: set[str] = set()
    problems: list[Problem] = []
    for start in inputs:
        if start in done:
            continue
        path: list[str] = [start]
        on_path = {start}
        pending = [iter(inputs[start])]
        while pending:
            ref = next(pending[-1], None)
            if ref is None:
                finished = path.pop()
                on_path.discard(finished)
                done.add(finished)
                pending.pop()
                continue
            if ref in on_path:
                loop = [*path[path.index(ref) :], ref]
                problems.append(_problem(by_id[ref], "inputs", f"derived from itself: {' → '.join(loop)}"))
            elif ref in inputs and ref not in done:
                path.append(ref)
                on_path.add(ref)
                pending.append(iter(inputs[ref]))
    return problems


_CITING = frozenset({"figure", "initiative", "target"})
_LINKING = frozenset({"initiative", "target"})


def _check_check(item: Located, check: JsonRecord, by_id: dict[str, Located], invalid_ids: AbstractSet[str]) -> list[Problem]:
    """Every formula of a check is arithmetic over figures that have values; whether it holds is for `audit`."""
    formulas = [(f"terms[{position}]", term) for position, term in enumerate(check["terms"])]
    formulas += [("expected", check["expected"])] if check["expected"] is not None else []
    if not any(referenced_ids(formula) for _, formula in formulas):
        return [_problem(item, "terms", "a check refers to at least one figure, as {figure-id}")]
    problems: list[Problem] = []
    for field, formula in formulas:
        values: dict[str, float] = {}
        for ref in referenced_ids(formula):
            source = by_id.get(ref)
            if ref in invalid_ids and source is None:
                return problems
            if source is None:
                problems.append(_problem(item, field, f"refers to unknown figure {ref!r}"))
            elif source.record["kind"] != "figure":
                problems.append(_problem(item, field, f"{ref!r} is a {source.record['kind']}, expected a figure"))
            elif source.record["value"] is None:
                problems.append(_problem(item, field, f"{ref!r} has no value"))
            else:
                values[ref] = float(source.record["value"])
        if len(values) == len(set(referenced_ids(formula))):
            try:
                evaluate(formula, values)
            except FormulaError as error:
                problems.append(_problem(item, field, str(error)))
    return problems


def _check_derived(item: Located, figure: JsonRecord, by_id: dict[str, Located]) -> list[Problem]:
    formula, inputs, value = figure["formula"], figure["inputs"], figure["value"]
    assert formula is not None and inputs is not None and value is not None
    used = referenced_ids(formula)
    if sorted(set(used)) != sorted(set(inputs)):
        return [_problem(item, "inputs", f"inputs {inputs} differ from the ids in the formula {sorted(set(used))}")]
    values: dict[str, float] = {}
    for position, ref in enumerate(inputs):
        source = by_id.get(ref)
        if source is None or source.record["kind"] != "figure":
            return [_problem(item, f"inputs[{position}]", f"refers to unknown figure {ref!r}")]
        if source.record["value"] is None:
            return [_problem(item, f"inputs[{position}]", f"{ref!r} has no value")]
        values[ref] = float(source.record["value"])
    try:
        computed = evaluate(formula, values)
    except FormulaError as error:
        return [_problem(item, "formula", str(error))]
    tolerance = _rounding_tolerance(value)
    if abs(computed - float(value)) > tolerance:
        return [_problem(item, "value", f"formula gives {computed:.6g}, not {value}")]
    return []


def _rounding_tolerance(value: int | float) -> float:
    """Half a unit in the last stated decimal place, and a hair more for float error."""
    return half_unit(value) + 1e-9


def _problem(item: Located, field: str, reason: str) -> Problem:
    return Problem(item.file, f"[{item.position}].{field}", reason)
