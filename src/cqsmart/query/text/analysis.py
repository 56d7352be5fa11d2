"""Text analysis shared by `ask` and `search`: the same steps for a question and for a record's text.

Text is normalised (NFKC, so fullwidth ２０１９ and punctuation become plain; traditional characters
become simplified; case folded), years are read out of it in any written form, intent words
(最快, latest, implied …) are picked out, measure words and names become concepts shared by both
languages, question words are dropped, and what is left is split: Chinese into overlapping character
bigrams, English into stemmed words. Each piece of the result is a *slot*: one thing the text says,
with the keys that would match it (a Chinese character is matched by either bigram it is part of).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from cqsmart.query.text import lexicon
from cqsmart.query.text.chinese import chinese_years, drop_counting, has_han, is_han, simplified
from cqsmart.query.text.english import english_word
from cqsmart.query.text.rewrite import year_before
from cqsmart.query.text.values import Stated, take_values

# Chinese characters are told by code point, not by a regex class: compiling a class that spans the CJK
# block costs more than answering a question.
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")
_PATTERNS = {
    "year": r"(?<![0-9.])(19[4-9][0-9]|20[0-9][0-9])(?![0-9.%万亿])(?:年度|年)?",
    # Terminal escape sequences, control characters and Rich-style [tags] pasted into a question say nothing.
    "noise": r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\x00-\x1f\x7f-\x9f]|\[/?[a-z]+(?: [a-z]+)*\]",
}
_NOISY = re.compile(r"[\x00-\x1f\x7f-\x9f\[]")


@cache
def _pattern(name: str) -> re.Pattern[str]:
    """Compiled on first use: most texts need few of them, and compiling costs start-up time."""
    return re.compile(_PATTERNS[name])


def segments(text: str) -> list[str]:
    """Runs of Chinese characters and English words (letters, digits, an inner apostrophe), in order."""
    found: list[str] = []
    current: list[str] = []
    kind = ""
    for char in text:
        now = "h" if is_han(char) else "w" if char in _WORD_CHARS else ""
        if now != kind and current:
            found.append("".join(current).strip("'"))
            current = []
        kind = now
        if now:
            current.append(char)
    if current:
        found.append("".join(current).strip("'"))
    return [segment for segment in found if segment]


_FUNCTION_CHARS = frozenset(lexicon.ZH_FUNCTION_CHARS)
_GLUE_CHARS = frozenset(lexicon.ZH_GLUE_CHARS)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    if _NOISY.search(text):
        text = _pattern("noise").sub(" ", text)
    if has_han(text):
        text = simplified(text)
        if "年" in text:
            text = chinese_years(text)
    return text.casefold().replace("’", "'")


class Concepts:
    """Groups of words that mean one thing: built-in measure words plus the fact base's aliases."""

    # Plain classes here, not dataclasses: creating a dataclass costs a millisecond of every run's start-up.
    __slots__ = ("chinese", "english")

    def __init__(self, chinese: tuple[tuple[str, str], ...], english: dict[str, list[tuple[tuple[str, ...], str]]]) -> None:
        self.chinese = chinese  # (member, concept), longest member first
        self.english = english  # first stem → (stemmed words, concept), longest first

    @classmethod
    def build(cls, groups: Iterable[tuple[str, Iterable[str]]]) -> Concepts:
        chinese: dict[str, str] = {}
        english: dict[tuple[str, ...], str] = {}
        for name, members in groups:
            keyed: list[tuple[dict[Any, str], Any]] = []
            for member in members:
                text = normalise(member)
                if has_han(text):
                    keyed.append((chinese, text))
                else:
                    words = tuple(english_word(word) for word in segments(text) if not is_han(word[0]))
                    if words:
                        keyed.append((english, words))
            # A group sharing a member with an earlier one joins it: firms and enterprises stay one concept.
            name = next((table[key] for table, key in keyed if key in table), name)
            for table, key in keyed:
                table.setdefault(key, name)
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, name in sorted(english.items(), key=lambda item: -len(item[0])):
            by_first.setdefault(words[0], []).append((words, name))
        return cls(tuple(sorted(chinese.items(), key=lambda item: -len(item[0]))), by_first)


BUILTIN_GROUPS = tuple((group[0], group[1:]) for group in lexicon.CONCEPTS)


class Analysis:
    """What a text says: its slots (each a set of keys, any of which matches it), years and intents."""

    __slots__ = (
        *("amount", "context", "counter", "counting", "counts", "intents", "present", "slots", "values", "words"),
        *("year_range", "years"),
    )

    def __init__(self, slots: list[frozenset[str]] | None = None) -> None:
        self.slots: list[frozenset[str]] = slots if slots is not None else []
        self.years: list[int] = []
        self.year_range = False  # the years are the ends of a span (2018 to 2020), not a list (2018 and 2019)
        self.intents: set[str] = set()
        self.words: list[str] = []  # the English words as written, for spelling correction
        self.counter = ""  # the measure word a Chinese question counts in: 多少个 → 个
        self.counting = False  # asks how many (a count, not a percentage)
        self.counts = ""  # the concept a how-many question counts, when it names one
        self.amount = False  # asks how much or 多少 (not a rank): a figure stated only in words is no answer
        self.present = False  # asks how things are now (today, 目前): a plan is no answer
        self.values: list[Stated] = []  # numbers the question states
        self.context: set[frozenset[str]] = set()  # slots only a scene-setting clause says: they may match, never must

    def all_keys(self) -> set[str]:
        return {key for slot in self.slots for key in slot}

    def asking(self) -> list[frozenset[str]]:
        return [slot for slot in self.slots if slot not in self.context]


_RANGE_MARKS = ("-", "–", "—", "~", "到", "至", " to ", "through", "until", "till")


def _take_years(text: str, analysis: Analysis) -> str:
    places: list[tuple[int, int]] = []

    def keep(match: re.Match[str]) -> str:
        analysis.years.append(int(match.group(1)))
        places.append(match.span())
        return " "

    if not any(char.isdigit() for char in text):
        return text
    taken = _pattern("year").sub(keep, text)
    # 2018 to 2020, 2018—2020年, between 2017 and 2020: a span; 2018 and 2019, 2017年和2020年: two years.
    if len(places) > 1:
        between = text[places[0][1] : places[1][0]]
        before = text[: places[0][0]]
        analysis.year_range = any(mark in between for mark in _RANGE_MARKS) or before.rstrip().endswith(
            ("between", "from", "从", "自")
        )
    return taken


_FILLERS = sorted(lexicon.ZH_FILLERS, key=len, reverse=True)  # 指的是什么 before 的 and 什么
_INTENT_WORDS = sorted(
    ((member, intent) for intent, members in lexicon.INTENTS.items() for member in members), key=lambda item: -len(item[0])
)


def _take_intents(text: str, analysis: Analysis) -> str:
    for member, intent in _INTENT_WORDS:
        if member in text:
            pattern = re.escape(member) if is_han(member[0]) else rf"\b{re.escape(member)}\b"
            text, found = re.subn(pattern, " ", text)
            if found:
                analysis.intents.add(intent)
    return text


def _chinese_concepts(text: str, concepts: Concepts, analysis: Analysis) -> str:
    """Chinese measure words and names become concepts (before splitting: 近5年 mixes scripts)."""
    if not has_han(text):
        return text
    for member, concept in concepts.chinese:
        if member in text:
            analysis.slots.append(frozenset({"c:" + concept}))
            if concept.startswith(ALIAS):  # 渝康码App: the name's head word asks nothing more
                for head in lexicon.NAME_HEADS:
                    text = text.replace(member + head, " ").replace(f"{member} {head}", " ")
            text = text.replace(member, " ")
    return text


def _chinese_slots(run: str, analysis: Analysis, question: bool, known: Callable[[str], bool] | None = None) -> None:
    if question:
        run, counter = drop_counting(run)
        if counter:
            analysis.counter = counter
            analysis.counting = True
        for filler in _FILLERS:
            run = run.replace(filler, " ")
    pieces = run.split()
    if question and known is not None:
        pieces = [part for piece in pieces for part in _without_glue(piece, known)]
    for piece in pieces:
        if len(piece) == 1:
            if question and piece not in _FUNCTION_CHARS:
                analysis.slots.append(frozenset({"u:" + piece}))
            continue
        bigrams = [piece[index : index + 2] for index in range(len(piece) - 1)]
        for index in range(len(piece)):
            keys = {"z:" + bigrams[position] for position in (index - 1, index) if 0 <= position < len(bigrams)}
            analysis.slots.append(frozenset(keys))


def _without_glue(piece: str, known: Callable[[str], bool]) -> list[str]:
    """A question's run without the function characters at its edges that make no word of the base with
    their neighbour: 渝快办上能办 leaves 办 (上 and 能 glue the name to the verb), 各省里 nothing, while
    中心 and 智能 stay whole."""
    piece = "".join(char for char in piece if char not in lexicon.ZH_ALWAYS_FUNCTION)
    while len(piece) > 1 and piece[0] in _GLUE_CHARS and not known(piece[:2]):
        piece = piece[1:]
    while len(piece) > 1 and piece[-1] in _GLUE_CHARS and not known(piece[-2:]):
        piece = piece[:-1]
    return [piece] if piece else []


ALIAS = "alias-"  # the concepts a base's alias records make are named by their ids


def _english_slots(words: list[str], concepts: Concepts, analysis: Analysis, question: bool, expand: bool = False) -> None:
    """Phrases that name a concept first (longest first), then each remaining word as its stem.

    With `expand` (a record's text, not a question) a phrase also matches its own words and their
    concepts: "service items" answers a question about services, "industrial parks" one about parks.
    """
    stems = [english_word(word) for word in words]
    used = [False] * len(stems)
    named = [False] * len(stems)  # where a name of the base (an alias) was found
    for start, stem in enumerate(stems):
        for members, concept in concepts.english.get(stem, ()):
            size = len(members)
            if not any(used[start : start + size]) and tuple(stems[start : start + size]) == members:
                keys = {"c:" + concept}
                if expand and size > 1:
                    for part in members:
                        keys.add("w:" + part)
                        keys.update("c:" + name for words_, name in concepts.english.get(part, ()) if len(words_) == 1)
                analysis.slots.append(frozenset(keys))
                used[start : start + size] = [True] * size
                named[start : start + size] = [concept.startswith(ALIAS)] * size
                break
    for at in range(1, len(stems)):  # the health code app: the name's head word asks nothing more
        if question and named[at - 1] and not used[at] and words[at] in lexicon.NAME_HEADS:
            used[at] = True
    for word, stem, taken in zip(words, stems, used, strict=True):
        if taken or (question and (word.removesuffix("'s") in lexicon.EN_STOPWORDS or word.isdigit())):
            continue
        analysis.words.append(word)
        analysis.slots.append(frozenset({"w:" + stem}))


def analyse(
    text: str,
    concepts: Concepts,
    *,
    question: bool = False,
    intents: bool | None = None,
    join: frozenset[str] = frozenset(),
    expand: bool = False,
    known: Callable[[str], bool] | None = None,
) -> Analysis:
    """Slots, years and intents of a text; a question also loses its question words and fillers.

    `join`: words of the fact base that a question may have split (Yu Kuai Ban → yukuaiban); `known`:
    whether the base holds a Chinese character pair, so that glue at a run's edge can be told from a word.
    """
    analysis = Analysis()
    text = normalise(text)
    text = _take_years(year_before(text) if question else text, analysis)
    if question and "%" in text:
        text = text.replace("%", " percent ")  # 16% as a value, and "% of gdp" as a share
    if question:
        # Numbers in words (二十六万, a quarter) are values as much as 26万 and 25% are.
        text, analysis.values = take_values(text)
    if question if intents is None else intents:
        text = _take_intents(text, analysis)
    if question:
        analysis.counting = "how many" in text or "number of" in text
        analysis.amount = "how much" in text or ("多少" in text and not any(word in text for word in lexicon.RANK_WORDS))
        analysis.present = any(word in text for word in lexicon.PRESENT_WORDS)
    if question and has_han(text):
        for word in lexicon.ZH_DEMONSTRATIVES:
            text = text.replace(word, " ")
    text = _chinese_concepts(text, concepts, analysis)
    words: list[str] = []
    for segment in segments(text):
        if is_han(segment[0]):
            _english_slots(_joined(words, join), concepts, analysis, question, expand)
            words = []
            _chinese_slots(segment, analysis, question, known)
        else:
            words.append(segment)
    _english_slots(_joined(words, join), concepts, analysis, question, expand)
    unique = list(dict.fromkeys(analysis.slots))
    analysis.slots = unique
    return analysis


def _joined(words: list[str], join: frozenset[str]) -> list[str]:
    """Adjacent words that spell one word of the base when written together: yu kuai ban, yu-kang-ma."""
    if not join:
        return words
    result: list[str] = []
    index = 0
    while index < len(words):
        for size in (4, 3, 2):
            glued = "".join(words[index : index + size])
            if index + size <= len(words) and glued in join:
                result.append(glued)
                index += size
                break
        else:
            result.append(words[index])
            index += 1
    return result
