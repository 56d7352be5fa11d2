"""Arithmetic over figure ids, for derived figures: `{a} - {b}`, `{a} / ({b} / 100)`."""

from __future__ import annotations

import ast
import math
import re

_REFERENCE = re.compile(r"\{([a-z0-9]+(?:-[a-z0-9]+)*)\}")
_OPERATORS = {ast.Add: float.__add__, ast.Sub: float.__sub__, ast.Mult: float.__mul__, ast.Div: float.__truediv__}


class FormulaError(ValueError):
    """A formula that is not plain arithmetic over known ids."""


def referenced_ids(formula: str) -> list[str]:
    return _REFERENCE.findall(formula)


def evaluate(formula: str, values: dict[str, float]) -> float:
    """Evaluate with only + - * / and parentheses; never `eval`, since fact files are untrusted."""
    names: dict[str, float] = {}

    def substitute(match: re.Match[str]) -> str:
        name = f"v{len(names)}"
        if match.group(1) not in values:
            raise FormulaError(f"unknown id {match.group(1)!r} in formula")
        names[name] = values[match.group(1)]
        return name

    expression = _REFERENCE.sub(substitute, formula)
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError:
        raise FormulaError(f"formula is not arithmetic: {formula!r}") from None
    try:
        result = _evaluate(tree.body, names)
    except ZeroDivisionError:
        raise FormulaError("formula divides by zero") from None
    except OverflowError:
        raise FormulaError("formula overflows: a number in it is too large") from None
    if not math.isfinite(result):
        raise FormulaError("formula gives no finite number")
    return result


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
