"""The index `ask` and `search` find records with: a full-text index of the records' terms (query/answer/fulltext)
that gives the candidates for a question and how rare each key is, and the candidates as documents.

A document is a record as it is scored (query/answer/document). Keys rare in the base weigh more (inverse
document frequency). Only the candidates bm25 finds are analysed, so a
question costs what its candidates cost, not what the base holds. The English words of the base are
kept, for spelling correction and for romanised names typed apart.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.answer import fulltext
from cqsmart.query.answer.document import LABEL, Document, analysed, fields, linked, text_of
from cqsmart.query.answer.fulltext import Row, Terms
from cqsmart.query.text import lexicon, pinyin
from cqsmart.query.text.analysis import BUILTIN_GROUPS, Analysis, Concepts, normalise
from cqsmart.query.text.chinese import is_han
from cqsmart.query.text.english import english_word

CANDIDATES = 200  # the records bm25 finds for a question that are then scored in full
TERM_KEYS = ("z:", "u:", "w:")  # keys that are one term of the full-text index (a concept is several)


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
        limit = limit or CANDIDATES
        keys = sorted(question.all_keys())
        if self.size > limit:
            # A word most records hold finds nothing bm25 would rank above the rest, only makes it rank
            # them all: in a large base it is left to the scoring (Synthetic figure 4242 is found by 4242).
            plain = [key for key in keys if key.startswith(TERM_KEYS)]
            self._count_keys(set(plain))
            rare = [key for key in keys if key not in plain or self._counts[key] <= self.size / 2]
            keys = rare if any(key in plain for key in rare) else keys
        expression = " OR ".join(dict.fromkeys(term for key in keys if (term := self.expression(key))))
        found = dict(self.terms.best(expression, limit))
        for stated in question.values:
            found.update(self.terms.near(stated.value - stated.within, stated.value + stated.within))
        records = self.base.many([ident for position, ident in found.items() if position not in self._documents])
        documents = [self._document(position, ident, records) for position, ident in sorted(found.items())]
        self._count_keys({key for document in documents for slot in (*document.label_zh, *document.label_en) for key in slot})
        return documents

    def expression(self, key: str) -> str:
        """The FTS5 expression a key matches: its term, or for a concept any of its members."""
        if key.startswith(TERM_KEYS):
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
        plain = sorted(key for key in keys if key.startswith(TERM_KEYS))
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

    def _document(self, position: int, record_id: str, records: dict[str, JsonRecord]) -> Document:
        document = self._documents.get(position)
        if document is None:
            if self._links is None:
                self._links = linked(self.base)
            record = records.get(record_id) or self.base.by_id[record_id]
            document = self._documents[position] = analysed(record, position, self.concepts, self._links)
        return document


def alias_groups(base: FactBase) -> list[tuple[str, list[str]]]:
    groups = []
    for record in base.of_kind("alias"):
        terms = record.get("terms") or {}
        groups.append((str(record["id"]), [*terms.get("zh", []), *terms.get("en", [])]))
    return groups


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
    for text, field in fields(record, links):
        texts[field.column].append(text)
    # Normalised at once: one call a record, not one a field (kept apart by a separator that normalising
    # keeps, so no term spans two columns).
    whole = normalise(_COLUMNS_APART.join(" ".join(column).replace(_COLUMNS_APART, " ") for column in texts.values()))
    return tuple(" ".join(_terms(column, normalised=True)) for column in whole.split(_COLUMNS_APART))  # type: ignore[return-value]


def _numbers(position: int, record: JsonRecord) -> list[tuple[int, float]]:
    numbers = {record.get("value"), record.get("base_value")}
    return [(position, float(number)) for number in numbers if isinstance(number, (int, float)) and not isinstance(number, bool)]


def index_rows(
    base: FactBase, records: Iterable[JsonRecord]
) -> tuple[list[Row], list[tuple[int, float]], list[str], fulltext.Sounds]:
    """What the full-text index of these records holds: each record's terms by column, its values, the
    English words of the base as written, and the sound of every Chinese character."""
    links = linked(base)
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
        texts.append(text_of(record.get("label")) + " " + str(record["id"]))
        texts.append(text_of((record.get("source") or {}).get("quote")) + " " + text_of(record.get("note")))
    for start in range(0, len(texts), 1000):  # normalised a thousand texts a call, not one
        words.update(re.findall(r"[a-z][a-z0-9]+", normalise(" ".join(texts[start : start + 1000]))))
    return rows, numbers, sorted(word for word in words if len(word) >= 2), pinyin.sounds()


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
