"""The index `ask` and `search` find records with: a full-text index of the records' terms (query/fulltext)
that gives the candidates for a question and how rare each key is, and the candidates as documents.

A document is a record as it is scored: the keys its texts produce (see analysis), each with the weight
of the best field it occurs in (a label counts more than a quote, a quote more than a note). Keys rare
in the base weigh more (inverse document frequency). Only the candidates bm25 finds are analysed, so a
question costs what its candidates cost, not what the base holds. The English words of the base are
kept, for spelling correction and for romanised names typed apart.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.years import MONTHS as _MONTHS
from cqsmart.query import fulltext, lexicon
from cqsmart.query.analysis import BUILTIN_GROUPS, Analysis, Concepts, analyse, normalise
from cqsmart.query.chinese import is_han
from cqsmart.query.english import english_word
from cqsmart.query.fulltext import Row, Terms


class Field(NamedTuple):
    """A kind of text in a record: how much a key found in it weighs when a document is scored, and the
    full-text column (fulltext.COLUMNS) that holds its terms."""

    weight: float
    column: str


LABEL, NAME, LINKED, QUOTE = Field(1.0, "label"), Field(0.9, "names"), Field(0.8, "names"), Field(0.7, "quote")
UNIT, TOPIC, ASIDE, NOTE = Field(0.6, "other"), Field(0.5, "other"), Field(0.5, "other"), Field(0.4, "other")
CANDIDATES = 200  # the records bm25 finds for a question that are then scored in full
UNIT_WORDS = {
    "%": "percent",
    "个百分点": "percentage points",
    "亿元": "yuan",
    "亿次": "times",
    "万人": "people",
    "万张": "cards",
    "万台": "servers",
    "位": "people persons",
    "家": "enterprises",
    "第": "rank",
}


Slots = tuple[frozenset[str], ...]


class Document:
    """A record as the index sees it (a plain class: a dataclass costs start-up time)."""

    __slots__ = ("head", "head_zh", "keys", "label_en", "label_zh", "position", "record")

    def __init__(
        self,
        record: JsonRecord,
        position: int,
        keys: dict[str, float] | None = None,
        label_zh: Slots = (),
        label_en: Slots = (),
        head: Slots = (),
        head_zh: Slots = (),
    ) -> None:
        self.record = record
        self.position = position
        self.keys: dict[str, float] = keys if keys is not None else {}
        # The slots of the labels, for label coverage (a Chinese one, and an English one without its Chinese).
        self.label_zh = label_zh
        self.label_en = label_en
        self.head = head  # what an English label names: "Batches" of …
        self.head_zh = head_zh  # what a Chinese count label counts: 项目批次数 → 批次

    def add_characters(self, text: str, weight: float) -> None:
        """Every Chinese character on its own, for the single characters a question leaves over."""
        for char in {char for char in normalise(text) if is_han(char)}:
            key = "u:" + char
            if self.keys.get(key, 0.0) < weight:
                self.keys[key] = weight

    def add(self, analysis: Analysis, weight: float) -> None:
        for key in analysis.all_keys():
            if self.keys.get(key, 0.0) < weight:
                self.keys[key] = weight


class Index:
    """The records of one kind of query (figures for `ask`, records for `search`) as its full-text
    index finds them: only the candidates bm25 finds for a question are analysed into documents."""

    __slots__ = ("_counts", "_documents", "_expressions", "_links", "base", "concepts", "terms", "words")

    def __init__(self, base: FactBase, concepts: Concepts, terms: Terms) -> None:
        self.base = base
        self.concepts = concepts
        self.terms = terms
        # English words of the base, its aliases and the lexicon, as written (for spelling correction).
        self.words = frozenset(terms.words())
        self._documents: dict[int, Document] = {}
        self._counts: dict[str, int] = {}
        self._expressions: dict[str, str] | None = None
        self._links: dict[str, list[JsonRecord]] | None = None

    @property
    def size(self) -> int:
        return self.terms.size

    def candidates(self, question: Analysis, limit: int | None = None) -> list[Document]:
        """The documents that may answer: the best `limit` (CANDIDATES) that bm25 finds for the
        question's keys, and every one whose value the question states; in base order."""
        expression = " OR ".join(dict.fromkeys(term for key in question.all_keys() if (term := self.expression(key))))
        found = dict(self.terms.best(expression, limit or CANDIDATES))
        for stated in question.values:
            found.update(self.terms.near(stated.value - stated.within, stated.value + stated.within))
        documents = [self._document(position, ident) for position, ident in sorted(found.items())]
        self._count_keys({key for document in documents for slot in (*document.label_zh, *document.label_en) for key in slot})
        return documents

    def expression(self, key: str) -> str:
        """The FTS5 expression a key matches: its term, or for a concept any of its members."""
        if key.startswith(("z:", "u:", "w:")):
            return f'"{key[2:]}"'
        if key.startswith("c:"):
            return self._concept_expressions().get(key[2:], "")
        return ""

    def _concept_expressions(self) -> dict[str, str]:
        if self._expressions is None:
            members: dict[str, list[str]] = {}
            for member, concept in self.concepts.chinese:
                members.setdefault(concept, []).append(" ".join(_terms(member, extra=False)))
            for groups in self.concepts.english.values():
                for words, concept in groups:
                    members.setdefault(concept, []).append(" ".join(words))
            # Each member as a phrase: its bigrams or stems in order, as the records' terms hold them.
            self._expressions = {
                concept: " OR ".join(f'"{each}"' for each in found if each) for concept, found in members.items()
            }
        return self._expressions

    def count(self, key: str) -> int:
        """How many records hold the key."""
        if key not in self._counts:
            self._count_keys({key})
        return self._counts[key]

    def _count_keys(self, keys: set[str]) -> None:
        keys = {key for key in keys if key not in self._counts}
        plain = sorted(key for key in keys if key.startswith(("z:", "u:", "w:")))
        found = self.terms.counts([key[2:] for key in plain])
        self._counts.update((key, found.get(key[2:], 0)) for key in plain)
        for key in keys.difference(plain):
            expression = self.expression(key)
            self._counts[key] = self.terms.matching(expression) if expression else 0

    def idf(self, key: str) -> float | None:
        count = self.count(key)
        return None if not count else math.log(1 + self.size / count)

    @property
    def unknown_weight(self) -> float:
        """A key the base never uses weighs as much as the rarest one: a question about it is not answered."""
        return math.log(1 + self.size / 0.75)

    def _document(self, position: int, record_id: str) -> Document:
        document = self._documents.get(position)
        if document is None:
            if self._links is None:
                self._links = _linked(self.base)
            record = self.base.by_id[record_id]
            document = self._documents[position] = analysed(record, position, self.concepts, self._links)
        return document


def alias_groups(base: FactBase) -> list[tuple[str, list[str]]]:
    groups = []
    for record in base.of_kind("alias"):
        terms = record.get("terms") or {}
        groups.append((str(record["id"]), [*terms.get("zh", []), *terms.get("en", [])]))
    return groups


def _text(value: object) -> str:
    if isinstance(value, dict):
        return " ".join(str(part) for part in value.values() if isinstance(part, str))
    return "" if value is None else str(value)


def _label_analysis(text: str, concepts: Concepts, english: bool) -> Analysis:
    """A label as it counts for coverage: without marks of derivation, an English one without its Chinese."""
    if english:
        text = "".join(" " if is_han(char) or char in "（）()" else char for char in text)
    return analyse(text, concepts, question=False, intents=True, expand=True)


_PREPOSITIONS = re.compile(
    r"\b(?:of|in|on|from|for|with|among|through|by|built|raised|launched|serving|piloting|signed|connected)\b"
)


def _english_head(label: str, concepts: Concepts) -> tuple[frozenset[str], ...]:
    """What an English label names: the words before its first preposition ("Batches" of …), less
    "target number of" and "number of"."""
    text = re.sub(r"^(?:target number of|number of|target for)\s+", "", label.strip(), flags=re.IGNORECASE)
    head = _PREPOSITIONS.split(text.lower(), maxsplit=1)[0]
    if head.strip() == text.lower().strip():
        return ()
    return tuple(_label_analysis(head, concepts, english=True).slots)


def _counted(label: str, concepts: Concepts) -> Analysis:
    """The thing a Chinese count label counts, before its final 数: 用户数 → 用户, 负责人数 → 负责人."""
    whole = "".join(char for char in normalise(label) if is_han(char))
    text = whole.removesuffix("数量").removesuffix("数")
    if text == whole or len(text) < 2:
        return Analysis()
    for candidate in (text, text.removesuffix("人")):
        ending = next((concept for member, concept in concepts.chinese if candidate.endswith(member)), None)
        if ending:
            return Analysis(slots=[frozenset({"c:" + ending})])
    return analyse(text.removesuffix("人")[-2:], concepts)


def _linked(base: FactBase) -> dict[str, list[JsonRecord]]:
    """Figure id → the initiatives and targets that list it; a record id → its linked figures."""
    links: dict[str, list[JsonRecord]] = {}
    for record in (*base.of_kind("initiative"), *base.of_kind("target")):
        for ref in record.get("figures") or ():
            links.setdefault(ref, []).append(record)
            if ref in base.by_id:
                links.setdefault(record["id"], []).append(base.by_id[ref])
    return links


def _fields(record: JsonRecord, links: dict[str, list[JsonRecord]]) -> list[tuple[str, Field]]:
    """The record's texts with the weight of each kind of field (its labels apart: see `analysed`)."""
    label = record.get("label") or {}
    fields: list[tuple[str, Field]] = [
        (str(record.get("metric") or "").replace("-", " "), NAME),
        (str(record["id"]).replace("-", " "), NAME),
        (_text((record.get("source") or {}).get("quote")), QUOTE),
        (UNIT_WORDS.get(str(record.get("unit")), "") + " " + _text(record.get("unit")), UNIT),
        (str(record.get("topic") or "").replace("-", " "), TOPIC),
        (_text(record.get("note")), NOTE),
    ]
    fields += [(_text(other.get("label")), LINKED) for other in links.get(record["id"], ())]
    fields += [(" ".join(re.findall(r"\(([^)]*)\)", str(label.get("en", "")))), ASIDE)]
    fields += [(text, NAME) for text in _people_and_dates(record)]
    fields += [(str(label.get("zh", "")), LABEL)]
    return fields


def analysed(record: JsonRecord, position: int, concepts: Concepts, links: dict[str, list[JsonRecord]]) -> Document:
    """A record as `ask` and `search` score it: the keys of its texts, each at the weight of the best
    field it is in, and what its labels say."""
    document = Document(record, position)
    label = record.get("label") or {}
    label_zh = _label_analysis(str(label.get("zh", "")), concepts, english=False)
    # What an English label says in brackets (a name in Chinese, who published an index) counts less.
    english = str(label.get("en") or "")
    label_en = _label_analysis(re.sub(r"\([^)]*\)", " ", english), concepts, english=True)
    document.label_zh, document.label_en = tuple(label_zh.slots), tuple(label_en.slots)
    document.head = _english_head(english, concepts)
    document.head_zh = tuple(_counted(str(label.get("zh", "")), concepts).slots)
    document.add(label_zh, LABEL.weight)
    document.add(label_en, LABEL.weight)
    for text, field in _fields(record, links):
        if text.strip():
            document.add(analyse(text, concepts, expand=True), field.weight)
            document.add_characters(text, field.weight)
    return document


def _people_and_dates(record: JsonRecord) -> list[str]:
    """What a source record knows besides its title: who wrote, spoke and photographed, and when
    (08-13 as 8月13日 and August 13), so `search 杨帆` or `search 8月13日` finds it."""
    if record.get("kind") != "source":
        return []
    texts = [_text(record.get(name)) for name in ("publisher", "reporter", "photographer")]
    person = record.get("interviewee")
    if isinstance(person, dict):
        texts += [_text(person.get("name")), _text(person.get("role"))]
    for name in ("interview_date", "photo_date"):
        date = record.get(name)
        if isinstance(date, str) and re.fullmatch(r"\d\d-\d\d", date):
            month, day = int(date[:2]), int(date[3:])
            texts += [f"{month}月{day}日", f"{_MONTHS[month - 1]} {day}"]
    return [text for text in texts if text.strip()]


@cache
def _runs() -> re.Pattern[str]:
    """Runs of Chinese characters (as `is_han` tells them) and of English letters and digits."""
    return re.compile("[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9']+")


def _pairs(text: str) -> list[str]:
    """A Chinese text's overlapping bigrams, in order (the text itself when it is one character)."""
    return [text[at : at + 2] for at in range(len(text) - 1)] or [text]


def _terms(text: str, extra: bool = True, normalised: bool = False) -> list[str]:
    """The terms of a text as the full-text index holds them: Chinese bigrams and English stems in the
    order of the text (so that a concept's member is found as a phrase, as analysis finds it as a
    substring), then the single characters and the words as written."""
    ordered: list[str] = []
    others: list[str] = []
    for run in _runs().findall(text if normalised else normalise(text)):
        if run.isdigit():  # numbers are their own terms, and too many to cache
            ordered.append(run)
            continue
        in_order, besides = _run_terms(run)
        ordered += in_order
        others += besides
    return ordered + others if extra else ordered


@lru_cache(maxsize=1 << 16)  # a base repeats its words and phrases across records
def _run_terms(run: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A run's terms in order, and its characters or its word as written (see `_terms`)."""
    if is_han(run[0]):
        return tuple(_pairs(run)), tuple(run) if len(run) > 1 else ()
    word = run.strip("'")
    if not word:
        return (), ()
    stem = english_word(word)
    return (stem,), () if stem == word.replace("'", "") else (word.replace("'", ""),)


_COLUMNS_APART = "\u2029"  # the paragraph separator: not a control character, which normalising drops


def _column_terms(record: JsonRecord, links: dict[str, list[JsonRecord]]) -> tuple[str, str, str, str]:
    """The record's terms in the index's columns: its labels, names, quote, and everything else."""
    texts: dict[str, list[str]] = {column: [] for column in fulltext.COLUMNS}
    texts[LABEL.column].append(str((record.get("label") or {}).get("en") or ""))  # the Chinese one is a field
    for text, field in _fields(record, links):
        texts[field.column].append(text)
    # Normalised at once: one call a record, not one a field (kept apart by a separator that normalising
    # keeps, so no term spans two columns).
    whole = normalise(_COLUMNS_APART.join(" ".join(column).replace(_COLUMNS_APART, " ") for column in texts.values()))
    return tuple(" ".join(_terms(column, normalised=True)) for column in whole.split(_COLUMNS_APART))  # type: ignore[return-value]


def _numbers(position: int, record: JsonRecord) -> list[tuple[int, float]]:
    numbers = {record.get("value"), record.get("base_value")}
    return [(position, float(number)) for number in numbers if isinstance(number, (int, float)) and not isinstance(number, bool)]


def index_rows(base: FactBase, records: Iterable[JsonRecord]) -> tuple[list[Row], list[tuple[int, float]], list[str]]:
    """What the full-text index of these records holds: each record's terms by column, its values, and
    the English words of the base as written."""
    links = _linked(base)
    rows: list[Row] = []
    numbers: list[tuple[int, float]] = []
    words: set[str] = set(lexicon.EN_STOPWORDS)
    texts = [" ".join(group[1:]) for group in lexicon.CONCEPTS]
    texts += [" ".join(members) for members in lexicon.INTENTS.values()]
    texts += [" ".join(terms) for _, terms in alias_groups(base)]
    for position, record in enumerate(records, start=1):
        columns = _column_terms(record, links)
        rows.append((position, str(record["id"]), *columns))
        numbers += _numbers(position, record)
        texts.append(_text(record.get("label")) + " " + str(record["id"]))
        texts.append(_text((record.get("source") or {}).get("quote")) + " " + _text(record.get("note")))
    for start in range(0, len(texts), 1000):  # normalised a thousand texts a call, not one
        words.update(re.findall(r"[a-z][a-z0-9]+", normalise(" ".join(texts[start : start + 1000]))))
    return rows, numbers, sorted(word for word in words if len(word) >= 2)


def known_stem(index: Index, word: str) -> bool:
    return index.count("w:" + english_word(word)) > 0


IndexProvider = Callable[[FactBase, str, Callable[[], list[JsonRecord]]], Index]


def build(base: FactBase, records: Iterable[JsonRecord], connection: sqlite3.Connection | None = None) -> Index:
    """The index of `records`: from a built full-text index when given one, else built in memory now."""
    concepts = Concepts.build([*BUILTIN_GROUPS, *alias_groups(base)])
    if connection is None:
        connection = fulltext.in_memory("", *index_rows(base, records))
    return Index(base, concepts, Terms(connection))


def _build_now(base: FactBase, name: str, records: Callable[[], list[JsonRecord]]) -> Index:
    return build(base, records())


# How `ask` and `search` get an index: built afresh here; the command line installs one that keeps
# it in the fact-base cache (cli/indexes.py).
provider: IndexProvider = _build_now


def index_of(base: FactBase, name: str, records: Callable[[], list[JsonRecord]]) -> Index:
    """The index of `records()`, named `name` (figures, records) for whoever keeps it."""
    return provider(base, name, records)
