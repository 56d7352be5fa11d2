"""No table of any command splits a term of the base across lines, at any width from 60 to 160 columns,
in either language: not a name (label, alias, initiative), not a number with its unit, not a Latin word."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import Run

COMMANDS = [
    ["stats"],
    ["stats", "--derived"],
    ["initiatives"],
    ["targets"],
    ["compare", "2018", "2019", "2020"],
    ["compare", "2017", "2018", "2019", "2020", "--derived"],
    ["compare", "digital-economy-growth", "implied-gdp-growth"],
    ["topics"],
    ["metrics"],
    ["sources"],
    ["audit"],
    ["search", "渝"],
    ["show", "yukuaiban-users"],
    ["show", "big-data-intelligence-strategy"],
    ["ask", "渝快办用户数"],
    ["ask", "How many users does Yukuaiban have?"],
]
WIDTHS = range(60, 161, 10)
LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&/–-]*[A-Za-z0-9%]|[A-Za-z0-9]")
# A number with what belongs to it, as the source writes it: 截至2021年, 7.7个百分点, 超2100万人, 2018—2020年.
NUMBER_WITH_UNIT = re.compile(
    r"(?:截至|超|近|突破|前)?\d[\d.,]*(?:[–—]\d+)?(?:余|多)?(?:个百分点|个批次|[万亿]?[个项家位类张台次人所元年%])?(?:以上)?"
)
QUOTED = re.compile(r"“[^”]{1,12}”")
# Words the issue found split (开/发区, 行动计/划), as a check that the scan would see them.
WORDS = ("开发区", "行动计划", "政务数据", "数字经济", "试验区")


def names() -> set[str]:
    """The base's names in Chinese: aliases, short initiative and target labels, quoted names."""
    from cqsmart.store.load import load

    base = load(str(Path(__file__).resolve().parents[2] / "facts"), use_cache=False)
    found: set[str] = set(WORDS)
    for record in base.records:
        label = record.get("label")
        if isinstance(label, dict):
            found.update(QUOTED.findall(label["zh"]))
            if record["kind"] in ("initiative", "target") and len(label["zh"]) <= 10:
                found.add(label["zh"])
        if record["kind"] == "alias":
            found.update(term for term in record["terms"]["zh"] if len(term) > 1)
    return found


def split_terms(narrow: str, terms: set[str]) -> set[str]:
    """Terms whose head ends a cell's line and whose tail starts a cell's next line (开 / 发区)."""
    lines = narrow.splitlines()
    found = set()
    for term in terms:
        for cut in range(1, len(term)):
            head, tail = re.escape(term[:cut]), re.escape(term[cut:])
            for line, following in itertools.pairwise(lines):
                if re.search(f"{head}(?:  |\\s*$)", line) and re.search(f"(?:^|\\s){tail}", following) and term not in line:
                    found.add(term)
    return found


def broken_words(narrow: str, wide: str) -> set[str]:
    """Latin words (and numbers) of the narrow table that the wide one never shows: pieces of a word."""
    return set(LATIN_WORD.findall(narrow)) - set(LATIN_WORD.findall(wide))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_term_is_split_at_any_width(run: Run, args: list[str], lang: str) -> None:
    """From 60 to 160 columns every line fits, and every term of the wide table is whole in the narrow one."""
    wide = run(*args, "--lang", lang, env={"COLUMNS": "1000"})
    assert wide.exit_code == 0, wide.stderr
    # Chinese terms here; numbers and Latin words, which break only at a space, by broken_words.
    found = names() | set(NUMBER_WITH_UNIT.findall(wide.stdout))
    terms = {term for term in found if term in wide.stdout and re.search(r"[\u3400-\u9fff%]", term)}
    for width in WIDTHS:
        narrow = run(*args, "--lang", lang, env={"COLUMNS": str(width)}).stdout
        assert max(map(cell_len, narrow.splitlines()), default=0) <= width
        assert not split_terms(narrow, terms), (width, split_terms(narrow, terms))
        # Only a word wider than the terminal (a SHA-256 at 60 columns) may be cut, as a last resort.
        longest = {word for word in LATIN_WORD.findall(wide.stdout) if len(word) > width - 12}
        broken = {piece for piece in broken_words(narrow, wide.stdout) if not any(piece in word for word in longest)}
        assert not broken, (width, broken)


def test_the_scan_sees_a_split_word() -> None:
    """The scan is not blind: 开/发区 across two lines is found."""
    table = "  云长   （市级部门、区县和开    2021年\n         发区）\n"
    assert split_terms(table, {"开发区", "2021年"}) == {"开发区"}


def test_a_quoted_name_is_never_broken_even_when_the_lexicon_never_read_it() -> None:
    """A large base's lexicon reads a sample of its figures: a name a label quotes is kept whole anyway."""
    from cqsmart.render.layout import JOIN, Lexicon, protect

    unknown = Lexicon(set, list)
    protected = protect("全市“山城智慧码”注册用户数量", unknown)
    assert JOIN.join("“山城智慧码”") in protected
    assert protect("全市山城智慧码注册用户数量", unknown).count(JOIN) == 0


def test_a_short_aside_in_brackets_is_never_broken() -> None:
    """（截至2021年，推断） says when a figure holds: a line never ends inside it."""
    from cqsmart.render.layout import JOIN, Lexicon, protect

    protected = protect("政务数据共享类别数（截至2021年，推断）：9261类", Lexicon(set, list))
    assert JOIN.join("（截至2021年，推断）") in protected
