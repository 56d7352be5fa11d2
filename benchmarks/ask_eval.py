"""How well `ask` answers: each question set's score per category and language, with the misses.

    python benchmarks/ask_eval.py [SET.json ...] [--misses]

A set is a JSON array of {question, lang, category, expect, claim}: `expect` is the id of the record
that answers best, a list of ids for a question that lists years (each must come first, in any order),
or null for a question the base cannot answer (then the right result is exit 1).
A claim (`claim: {stated, verdict}`) is right when its figure comes first with that verdict. Sets in
benchmarks/questions/ whose name holds `heldout` were written blind, before the code they measure: no
rule may be fitted to them; report, never tune.
Runs in-process on the bundled base; prints, never asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

QUESTIONS = Path(__file__).resolve().parent / "questions"


def outcome(question: dict[str, Any]) -> tuple[str, str]:
    """`right`, `refused` (an answerable question got no answer), `wrong` (another record came first)
    or `answered` (an unanswerable question got one), with what came first."""
    from typer.testing import CliRunner

    from cqsmart.cli import app

    result = CliRunner().invoke(app, ["ask", question["question"], "--json"], env={"CQSMART_FACTS": None})
    rows = json.loads(result.stdout) if result.exit_code == 0 and result.stdout.strip() else []
    first = rows[0] if rows else None
    expected = question["expect"]
    got = first["id"] if first else "—"
    if expected is None:
        return ("right" if first is None else "answered"), got
    if first is None:
        return "refused", got
    if isinstance(expected, list):  # a question listing years: one figure for each, first
        got = ", ".join(row["id"] for row in rows[: len(expected)])
        return ("right" if {row["id"] for row in rows[: len(expected)]} == set(expected) else "wrong"), got
    if first["id"] != expected:
        return "wrong", got
    claim = question.get("claim")
    verdict = (first.get("claim") or {}).get("verdict")
    if claim and verdict != claim["verdict"]:
        return "wrong", f"{got} (verdict {verdict})"
    return "right", got


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="question sets (default: every set in benchmarks/questions)")
    parser.add_argument("--misses", action="store_true", help="list each question not answered right")
    args = parser.parse_args()
    for path in args.sets or sorted(QUESTIONS.glob("*.json")):
        questions = json.loads(path.read_text(encoding="utf-8"))
        tally: Counter[tuple[str, str, str]] = Counter()
        misses = []
        for question in questions:
            verdict, got = outcome(question)
            tally[question["category"], question["lang"], verdict] += 1
            if verdict != "right":
                misses.append((question["category"], verdict, question["question"], question["expect"], got))
        print(f"{path.name}: {sum(v for (_, _, o), v in tally.items() if o == 'right')}/{len(questions)} right")
        for category, lang in sorted({(c, lang) for c, lang, _ in tally}):
            counts = {o: tally[category, lang, o] for o in ("right", "refused", "wrong", "answered")}
            total = sum(counts.values())
            rest = ", ".join(f"{o} {n}" for o, n in counts.items() if o != "right" and n)
            print(f"  {category:<13} {lang}  {counts['right']:>3}/{total:<3} {rest}")
        wrong_first = sum(1 for _, verdict, *_ in misses if verdict == "wrong")
        print(f"  answerable questions with a wrong record first: {wrong_first}")
        if args.misses:
            for category, verdict, text, expected, got in misses:
                print(f"    [{category}/{verdict}] {text}  expected {expected}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
