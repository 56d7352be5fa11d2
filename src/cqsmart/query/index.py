"""An index of a fact base's records for `ask` and `search`, built in a few milliseconds per run.

Each record becomes a document: the keys its texts produce (see analysis), each with the weight of the
best field it occurs in (a label counts more than a quote, a quote more than a note). Keys rare in the
base weigh more (inverse document frequency). The English words of the base are kept, for spelling
correction and for romanised names typed apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.years import MONTHS as _MONTHS
from cqsmart.query import lexicon
from cqsmart.query.analysis import BUILTIN_GROUPS, Analysis, Concepts, analyse, normalise
from cqsmart.query.chinese import is_han
from cqsmart.query.english import english_word

LABEL, NAME, LINKED, QUOTE, UNIT, TOPIC, ASIDE, NOTE = 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.5, 0.4
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
    __slots__ = ("concepts", "documents", "frequency", "words")

    def __init__(self, documents: list[Document], concepts: Concepts, frequency: dict[str, int], words: frozenset[str]) -> None:
        self.documents = documents
        self.concepts = concepts
        self.frequency = frequency
        self.words = words  # English words of the base, its aliases and the lexicon, as written

    def idf(self, key: str) -> float | None:
        count = self.frequency.get(key)
        return None if not count else math.log(1 + len(self.documents) / count)

    @property
    def unknown_weight(self) -> float:
        """A key the base never uses weighs as much as the rarest one: a question about it is not answered."""
        return math.log(1 + len(self.documents) / 0.75)


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
    for record in base.records:
        for ref in record.get("figures") or () if record["kind"] in ("initiative", "target") else ():
            links.setdefault(ref, []).append(record)
            if ref in base.by_id:
                links.setdefault(record["id"], []).append(base.by_id[ref])
    return links


def build(base: FactBase, records: Iterable[JsonRecord]) -> Index:
    concepts = Concepts.build([*BUILTIN_GROUPS, *alias_groups(base)])
    links = _linked(base)
    documents: list[Document] = []
    for position, record in enumerate(records):
        document = Document(record, position)
        label = record.get("label") or {}
        label_zh = _label_analysis(str(label.get("zh", "")), concepts, english=False)
        # What an English label says in brackets (a name in Chinese, who published an index) counts less.
        english_label = str(label.get("en", ""))
        label_en = _label_analysis(re.sub(r"\([^)]*\)", " ", english_label), concepts, english=True)
        aside = " ".join(re.findall(r"\(([^)]*)\)", english_label))
        document.label_zh, document.label_en = tuple(label_zh.slots), tuple(label_en.slots)
        english = str(label.get("en", ""))
        document.head = _english_head(english, concepts)
        document.head_zh = tuple(_counted(str(label.get("zh", "")), concepts).slots)
        document.add(label_zh, LABEL)
        document.add(label_en, LABEL)
        fields: list[tuple[str, float]] = [
            (str(record.get("metric") or "").replace("-", " "), NAME),
            (str(record["id"]).replace("-", " "), NAME),
            (_text((record.get("source") or {}).get("quote")), QUOTE),
            (UNIT_WORDS.get(str(record.get("unit")), "") + " " + _text(record.get("unit")), UNIT),
            (str(record.get("topic") or "").replace("-", " "), TOPIC),
            (_text(record.get("note")), NOTE),
        ]
        fields += [(_text(other.get("label")), LINKED) for other in links.get(record["id"], ())]
        fields += [(aside, ASIDE)]
        fields += [(text, NAME) for text in _people_and_dates(record)]
        fields += [(str(label.get("zh", "")), LABEL)]
        for text, weight in fields:
            if text.strip():
                document.add(analyse(text, concepts, expand=True), weight)
                document.add_characters(text, weight)
        documents.append(document)
    frequency: dict[str, int] = {}
    for document in documents:
        for key in document.keys:
            frequency[key] = frequency.get(key, 0) + 1
    return Index(documents, concepts, frequency, _words(base, documents))


def _people_and_dates(record: JsonRecord) -> list[str]:
    """What a source record knows besides its title: who wrote, spoke and photographed, and when
    (08-13 as 8月13日 and August 13), so `search 杨帆` or `search 8月13日` finds it."""
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


def _words(base: FactBase, documents: list[Document]) -> frozenset[str]:
    words: set[str] = set(lexicon.EN_STOPWORDS)
    texts = [_text(document.record.get("label")) + " " + str(document.record["id"]) for document in documents]
    texts += [" ".join(group[1:]) for group in lexicon.CONCEPTS]
    texts += [" ".join(members) for members in lexicon.INTENTS.values()]
    texts += [" ".join(terms) for _, terms in alias_groups(base)]
    texts += [
        _text((document.record.get("source") or {}).get("quote")) + _text(document.record.get("note")) for document in documents
    ]
    for text in texts:
        words.update(re.findall(r"[a-z][a-z0-9]+", normalise(text)))
    return frozenset(word for word in words if len(word) >= 2)


def known_stem(index: Index, word: str) -> bool:
    return index.frequency.get("w:" + english_word(word)) is not None


IndexProvider = Callable[[FactBase, str, Callable[[], list[JsonRecord]]], Index]


def _build_now(base: FactBase, name: str, records: Callable[[], list[JsonRecord]]) -> Index:
    return build(base, records())


# How `ask` and `search` get an index: built afresh here; the command line installs one that keeps
# it in the fact-base cache (cli/indexes.py), so that this layer stays free of I/O.
provider: IndexProvider = _build_now


def index_of(base: FactBase, name: str, records: Callable[[], list[JsonRecord]]) -> Index:
    """The index of `records()`, named `name` (figures, records) for whoever keeps it."""
    return provider(base, name, records)
