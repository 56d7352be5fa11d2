"""Arithmetic over figure ids, for derived figures: `{a} - {b}`, `{a} / ({b} / 100)`."""

from __future__ import annotations

import ast
import math
import re
from decimal import Decimal

_REFERENCE = re.compile(r"\{([a-z0-9]+(?:-[a-z0-9]+)*)\}")
_OPERATORS = {ast.Add: float.__add__, ast.Sub: float.__sub__, ast.Mult: float.__mul__, ast.Div: float.__truediv__}


class FormulaError(ValueError):
    """A formula that is not plain arithmetic over known ids."""


Range = tuple[float, float]


def referenced_ids(formula: str) -> list[str]:
    return _REFERENCE.findall(formula)


def decimals(value: float) -> int:
    """Decimal places as printed: 13.7 has 1, 6387 and 16 have 0."""
    exponent = Decimal(str(value)).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def half_unit(value: float) -> float:
    """Half a unit in the last printed decimal place: 6.3 stands for anything in [6.25, 6.35]."""
    return 0.5 * 10.0 ** -decimals(value)


def written_out(formula: str, shown: dict[str, str]) -> str:
    """The formula with each {id} replaced by its value as shown, and * as ×: `16 × (1 + 55.9 / 100)`."""
    return _REFERENCE.sub(lambda match: shown.get(match.group(1), match.group()), formula).replace("*", "×")


def _parse(formula: str, values: dict[str, object]) -> tuple[ast.expr, dict[str, object]]:
    names: dict[str, object] = {}

    def substitute(match: re.Match[str]) -> str:
        name = f"v{len(names)}"
        if match.group(1) not in values:
            raise FormulaError(f"unknown id {match.group(1)!r} in formula")
        names[name] = values[match.group(1)]
        return name

    expression = _REFERENCE.sub(substitute, formula)
    try:
        return ast.parse(expression, mode="eval").body, names
    except SyntaxError:
        raise FormulaError(f"formula is not arithmetic: {formula!r}") from None


def evaluate(formula: str, values: dict[str, float]) -> float:
    """Evaluate with only + - * / and parentheses; never `eval`, since fact files are untrusted."""
    tree, names = _parse(formula, dict(values))
    try:
        result = _evaluate(tree, names)  # type: ignore[arg-type]
    except ZeroDivisionError:
        raise FormulaError("formula divides by zero") from None
    except OverflowError:
        raise FormulaError("formula overflows: a number in it is too large") from None
    if not math.isfinite(result):
        raise FormulaError("formula gives no finite number")
    return result


def evaluate_range(formula: str, ranges: dict[str, Range]) -> Range:
    """The interval the formula can take when each input may lie anywhere in its range."""
    tree, names = _parse(formula, dict(ranges))
    try:
        low, high = _evaluate_range(tree, names)  # type: ignore[arg-type]
    except ZeroDivisionError:
        raise FormulaError("formula divides by zero") from None
    except OverflowError:
        raise FormulaError("formula overflows: a number in it is too large") from None
    if not (math.isfinite(low) and math.isfinite(high)):
        raise FormulaError("formula gives no finite number")
    return low, high


def _evaluate_range(node: ast.expr, names: dict[str, Range]) -> Range:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        (a_lo, a_hi), (b_lo, b_hi) = _evaluate_range(node.left, names), _evaluate_range(node.right, names)
        if isinstance(node.op, ast.Add):
            return a_lo + b_lo, a_hi + b_hi
        if isinstance(node.op, ast.Sub):
            return a_lo - b_hi, a_hi - b_lo
        if isinstance(node.op, ast.Div):
            if b_lo <= 0 <= b_hi:
                raise FormulaError("formula divides by a range that includes zero")
            b_lo, b_hi = 1 / b_hi, 1 / b_lo
        products = (a_lo * b_lo, a_lo * b_hi, a_hi * b_lo, a_hi * b_hi)
        return min(products), max(products)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        low, high = _evaluate_range(node.operand, names)
        return -high, -low
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    number = _evaluate(node, {})
    return number, number


def _evaluate(node: ast.expr, names: dict[str, float]) -> float:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        return _OPERATORS[type(node.op)](_evaluate(node.left, names), _evaluate(node.right, names))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand, names)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)  # a 400-digit constant raises OverflowError here
    if isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    raise FormulaError("formula may use only numbers, {ids}, + - * / and parentheses")
