"""`audit`: the relations the fact base's checks assert, evaluated in the open.

Each check compares terms (formulas over figure ids) with an expected formula. A stated figure stands
for any value its printed digits allow (16 for 15.5–16.5, 25.5 for 25.45–25.55); a derived figure for
the range its formula gives over its inputs. `≈` holds when the ranges overlap; `=` when the arithmetic
on the printed values matches the printed expected value to its last digit; the others compare the
printed values as they stand.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cqsmart.errors import NotFound, echo
from cqsmart.model.factbase import FIELDS_BY_KIND, FactBase, JsonRecord
from cqsmart.model.formula import FormulaError, Range, decimals, evaluate, evaluate_range, half_unit, referenced_ids, written_out
from cqsmart.model.outputs import signed
from cqsmart.query.result import Result, close_to, hint, suggest

_SINGLE_REFERENCE = re.compile(r"^\s*\{([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$")
_NUMBER = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")
# The relation's sign when it holds, and when it fails.
_SIGNS = {"=": ("=", "≠"), "≈": ("≈", "≉"), "<": ("<", "≮"), ">": (">", "≯"), "all ≥": ("≥", "≱"), "all >": (">", "≯")}
_MAX_DEPTH = 50


@dataclass(frozen=True)
class _Side:
    """A formula evaluated: its value on the printed figures, the range their precision allows, and how it reads."""

    value: float
    range: Range
    shown: str  # `13.7 - 7.7 = 6.0`, or just `25.5` for a single figure or a number


class _Evaluator:
    def __init__(self, base: FactBase, unit: str = "") -> None:
        self.base = base
        self.unit = unit  # written after each value the check works out, when its figures share one
        self.ranges: dict[str, Range] = {}

    def figure(self, ref: str) -> JsonRecord:
        record = self.base.by_id.get(ref)
        if record is None or record["kind"] != "figure" or record["value"] is None:
            raise FormulaError(f"{ref!r} is not a figure with a value")
        return record

    def range_of(self, ref: str, depth: int = 0) -> Range:
        """Printed precision for a stated figure; for a derived one, its formula over its inputs' ranges."""
        if ref not in self.ranges:
            record = self.figure(ref)
            value = float(signed(record))  # a decline (下降3.5%) is the negative quantity it is
            if record["derived"] and record["formula"] and depth < _MAX_DEPTH:
                inputs = {name: self.range_of(name, depth + 1) for name in referenced_ids(record["formula"])}
                self.ranges[ref] = evaluate_range(record["formula"], inputs)
            else:
                half = half_unit(record["value"])  # as printed: 16 is good to 0.5, 16.0 to 0.05
                self.ranges[ref] = (value - half, value + half)
        return self.ranges[ref]

    def side(self, formula: str, places: int) -> _Side:
        refs = referenced_ids(formula)
        values = {ref: float(signed(self.figure(ref))) for ref in refs}
        value = evaluate(formula, values)
        span = evaluate_range(formula, {ref: self.range_of(ref) for ref in refs})
        printed = {ref: _printed(self.figure(ref)) for ref in refs}
        if _SINGLE_REFERENCE.match(formula):
            shown = written_out(formula, printed).strip() + self.unit  # a figure reads as printed
        elif _NUMBER.match(formula):
            shown = formula.strip() + self.unit  # in the unit of the figures it is compared with
        else:
            shown = f"{written_out(formula, printed).strip()} = {_number(value, places)}{self.unit}"
        return _Side(value, span, shown)

    def range_text(self, span: Range, places: int) -> str:
        return f"({_number(span[0], places + 1)}–{_number(span[1], places + 1)}{self.unit})"


def _printed(figure: JsonRecord) -> str:
    """A figure's value as the arithmetic writes it: as printed, with a decline's sign (-3.5)."""
    text = str(figure["value"])
    return f"-{text}" if signed(figure) != figure["value"] else text


def _number(value: float, places: int) -> str:
    return f"{value:.{places}f}"


def _unit(check: JsonRecord, base: FactBase) -> str:
    """The unit the figures compared directly share (%, 亿元), shown after worked-out values; else none."""
    formulas = [*check["terms"], *([check["expected"]] if check["expected"] else [])]
    units = set()
    for formula in formulas:
        single = _SINGLE_REFERENCE.match(formula)
        if single and single.group(1) in base.by_id:
            units.add(base.by_id[single.group(1)].get("unit"))
    unit = units.pop() if len(units) == 1 else None
    return unit if isinstance(unit, str) and unit != "第" else ""


def _places(check: JsonRecord, base: FactBase) -> int:
    """Decimals to show: the finest of the printed inputs and of the expected value, so 3.9 never reads as 4."""
    printed = [base.by_id[ref]["value"] for ref in inputs(check) if ref in base.by_id]
    numbers = [decimals(value) for value in printed if isinstance(value, (int, float))]
    expected = check["expected"] or ""
    if _NUMBER.match(expected):
        numbers.append(decimals(float(expected)) if "." in expected else 0)
    return max(numbers, default=1)


def inputs(check: JsonRecord) -> list[str]:
    """The figure ids a check's formulas name, in order of first mention."""
    formulas = [*check["terms"], *([check["expected"]] if check["expected"] else [])]
    return list(dict.fromkeys(ref for formula in formulas for ref in referenced_ids(formula)))


def evaluate_check(check: JsonRecord, base: FactBase) -> JsonRecord:
    """One audit row: the check's arithmetic written out, and whether it holds."""
    try:
        return _evaluated(check, base)
    except FormulaError as failure:  # e.g. a divisor whose range includes zero: the check cannot hold
        row = dict.fromkeys(FIELDS_BY_KIND["audit"])
        row |= {key: check[key] for key in ("id", "label", "relation", "terms", "expected", "note")}
        return row | {"arithmetic": f"cannot be evaluated: {failure}", "status": "fails", "inputs": inputs(check)}


def _evaluated(check: JsonRecord, base: FactBase) -> JsonRecord:
    if check["relation"] == "agrees":
        return _agreement(check, base)
    evaluator = _Evaluator(base, _unit(check, base))
    places = _places(check, base)
    relation = check["relation"]
    terms = [evaluator.side(term, places) for term in check["terms"]]
    expected = evaluator.side(check["expected"], places) if check["expected"] else None
    if relation == "all-rising":
        steps = [later.value > earlier.value for earlier, later in itertools.pairwise(terms)]
        arithmetic = terms[0].shown + "".join(
            f" {'<' if rising else '≮'} {term.shown}" for rising, term in zip(steps, terms[1:], strict=True)
        )
        holds = all(steps)
    else:
        assert expected is not None
        results = [_compare(relation, term, expected, check, base) for term in terms]
        holds = all(results)
        parts = []
        for term, result in zip(terms, results, strict=True):
            sign = _SIGNS[relation][0 if result else 1]
            left, right = term.shown, expected.shown
            if relation == "≈":
                left = f"{left} {evaluator.range_text(term.range, places)}"
                right = f"{right} {evaluator.range_text(expected.range, places)}"
            parts.append(f"{left} {sign} {right}")
        arithmetic = ", ".join(parts)
    single = len(terms) == 1 and relation != "all-rising"
    return {
        "id": check["id"],
        "label": check["label"],
        "relation": relation,
        "arithmetic": arithmetic,
        "status": "holds" if holds else "fails",
        "values": [round(term.value, 6) for term in terms],
        "expected_value": round(expected.value, 6) if expected else None,
        "range": [round(bound, 6) for bound in terms[0].range] if single else None,
        "terms": check["terms"],
        "expected": check["expected"],
        "inputs": inputs(check),
        "note": check["note"],
    }


def _compare(relation: str, term: _Side, expected: _Side, check: JsonRecord, base: FactBase) -> bool:
    if relation == "=":
        single = _SINGLE_REFERENCE.match(check["expected"])
        printed = base.by_id[single.group(1)]["value"] if single else expected.value
        return abs(term.value - expected.value) <= half_unit(printed) + 1e-9
    if relation == "≈":
        return term.range[0] <= expected.range[1] and expected.range[0] <= term.range[1]
    if relation in ("<",):
        return term.value < expected.value
    if relation in (">", "all >"):
        return term.value > expected.value
    if relation == "all ≥":
        return term.value >= expected.value
    raise FormulaError(f"unknown relation {relation!r}")


def audit(base: FactBase, ids: Iterable[str] = ()) -> Result:
    """Every check (or those named), evaluated, then whether sources that state the same measure for
    the same period agree; an empty result when the base has neither."""
    checks = [*base.of_kind("check"), *agreement_checks(base)]
    wanted = list(ids)
    if wanted:
        known = {check["id"] for check in checks}
        unknown = [name for name in wanted if name not in known]
        if unknown:
            raise NotFound(
                f"no check {echo(unknown[0])}{suggest(close_to(unknown[0], known))}; checks: {', '.join(sorted(known)) or 'none'}"
            )
        checks = [check for check in checks if check["id"] in wanted]
    rows = [evaluate_check(check, base) for check in checks]
    said = hint("the fact base has no checks (a folder keeps them in checks.json)", "no-checks")
    return Result(rows, "audit", None if rows else said)


def agreement_checks(base: FactBase) -> list[JsonRecord]:
    """A check for each metric and period that two or more sources state: their values must agree to
    within what each one's printed digits and qualifier allow (超2100万 agrees with 2150万, not 2000万)."""
    stated: dict[tuple[str, int | None, int | None], list[JsonRecord]] = {}
    for figure in base.of_kind("figure"):
        if not figure["derived"] and figure["value"] is not None and figure.get("source"):
            period = figure["period"]
            stated.setdefault((figure["metric"], period["start"], period["end"]), []).append(figure)
    checks: list[JsonRecord] = []
    for (metric, start, end), figures in stated.items():
        if len({figure["source"]["id"] for figure in figures}) < 2:
            continue
        span = "-".join(str(year) for year in dict.fromkeys((start, end)) if year is not None) or "undated"
        first = figures[0]
        checks.append(
            {
                "id": f"sources-agree-{metric}-{span}",
                "kind": "check",
                "label": {"zh": f"{first['label']['zh']}：各来源一致", "en": f"{first['label']['en']}: the sources agree"},
                "terms": [f"{{{figure['id']}}}" for figure in figures[1:]],
                "relation": "agrees",
                "expected": f"{{{first['id']}}}",
                "note": "; ".join(f"{figure['source']['id']}: {figure['source']['quote']}" for figure in figures),
            }
        )
    return checks


def _agreement(check: JsonRecord, base: FactBase) -> JsonRecord:
    """Each other source's figure against the first one's: ≈ where what they allow overlaps, ≉ where not."""
    first = base.by_id[_reference(check["expected"])]
    allowed = stated_range(first)
    parts, holds, values = [], True, []
    for term in check["terms"]:
        figure = base.by_id[_reference(term)]
        low, high = stated_range(figure)
        agrees = low <= allowed[1] and allowed[0] <= high
        holds = holds and agrees
        values.append(float(figure["base_value"]))
        parts.append(f"{_printed(figure)}{figure['unit'] or ''} {'≈' if agrees else '≉'} {_printed(first)}{first['unit'] or ''}")
    return {
        "id": check["id"],
        "label": check["label"],
        "relation": "≈",
        "arithmetic": ", ".join(parts),
        "status": "holds" if holds else "fails",
        "values": values,
        "expected_value": float(first["base_value"]),
        "range": None,
        "terms": check["terms"],
        "expected": check["expected"],
        "inputs": inputs(check),
        "note": check["note"],
    }


def _reference(formula: str) -> str:
    single = _SINGLE_REFERENCE.match(formula)
    assert single, "an agreement check names one figure per term"
    return single.group(1)


def stated_range(figure: JsonRecord) -> Range:
    """What a stated figure allows in base units: its printed precision, widened by its qualifier to an
    open side (超 and 以上 upward, 前N位 downward)."""
    value = float(signed(figure))
    scale = float(figure["base_value"]) / value if value and figure.get("base_value") is not None else 1.0
    half = half_unit(figure["value"])
    low, high = (value - half) * scale, (value + half) * scale
    qualifier = figure.get("qualifier")
    if qualifier in ("more_than", "at_least"):
        return (value * scale, float("inf"))
    if qualifier == "at_most":
        return (float("-inf"), value * scale)
    return (min(low, high), max(low, high))


def involved(base: FactBase, ref: str) -> set[str]:
    """The figure and, for a derived one, every figure its value comes from (each visited once)."""
    found: set[str] = set()
    waiting = [ref]
    while waiting:
        name = waiting.pop()
        if name in found:
            continue
        found.add(name)
        record = base.by_id.get(name)
        if record is not None and record.get("kind") == "figure" and record.get("derived"):
            waiting.extend(record.get("inputs") or ())
    return found


def failing_checks(base: FactBase, figure_ids: Iterable[str]) -> list[JsonRecord]:
    """Audit rows of failing checks that rest on any of these figures."""
    shown = set(figure_ids)
    rows: list[JsonRecord] = []
    if not shown:
        return rows
    for check in base.of_kind("check"):
        if any(shown & involved(base, ref) for ref in inputs(check)):
            row = evaluate_check(check, base)
            if row["status"] == "fails":
                rows.append(row)
    return rows


def compared_figures(base: FactBase, result: Result) -> list[str]:
    """The ids of the figures a comparison's rows show, by metric and year."""
    wanted: set[tuple[str, int]] = set()
    for row in result.rows:
        if "year_a" in row:
            wanted |= {(row["metric"], row["year_a"]), (row["metric"], row["year_b"])}
        elif "metric_a" in row:
            wanted |= {(row["metric_a"], row["year"]), (row["metric_b"], row["year"])}
    return [
        figure["id"]
        for figure in base.of_kind("figure")
        if figure["period"]["start"] == figure["period"]["end"] and (figure["metric"], figure["period"]["start"]) in wanted
    ]
