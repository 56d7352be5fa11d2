"""A record as `ask` and `search` score it (a document): the keys its texts produce (see analysis),
each with the weight of the best field it occurs in (a label counts more than a quote, a quote more
than a note), and what its labels say, for coverage.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.years import MONTHS as _MONTHS
from cqsmart.query.text.analysis import Analysis, Concepts, analyse, normalise
from cqsmart.query.text.chinese import is_han


class Field(NamedTuple):
    """A kind of text in a record: how much a key found in it weighs when a document is scored, and the
    full-text column (fulltext.COLUMNS) that holds its terms."""

    weight: float
    column: str


LABEL, NAME, LINKED, QUOTE = Field(1.0, "label"), Field(0.9, "names"), Field(0.8, "names"), Field(0.7, "quote")
UNIT, TOPIC, ASIDE, NOTE = Field(0.6, "other"), Field(0.5, "other"), Field(0.5, "other"), Field(0.4, "other")

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


def text_of(value: object) -> str:
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


def linked(base: FactBase) -> dict[str, list[JsonRecord]]:
    """Figure id → the initiatives and targets that list it; a record id → its linked figures."""
    links: dict[str, list[JsonRecord]] = {}
    for record in (*base.of_kind("initiative"), *base.of_kind("target")):
        for ref in record.get("figures") or ():
            links.setdefault(ref, []).append(record)
            if ref in base.by_id:
                links.setdefault(record["id"], []).append(base.by_id[ref])
    return links


_ASIDES = re.compile(r"\(([^)]*)\)")  # what an English label says in brackets


def fields(record: JsonRecord, links: dict[str, list[JsonRecord]]) -> list[tuple[str, Field]]:
    """The record's texts with the weight of each kind of field (its labels apart: see `analysed`)."""
    label = record.get("label") or {}
    fields: list[tuple[str, Field]] = [
        (str(record.get("metric") or "").replace("-", " "), NAME),
        (str(record["id"]).replace("-", " "), NAME),
        (text_of((record.get("source") or {}).get("quote")), QUOTE),
        (UNIT_WORDS.get(str(record.get("unit")), "") + " " + text_of(record.get("unit")), UNIT),
        (str(record.get("topic") or "").replace("-", " "), TOPIC),
        (text_of(record.get("note")), NOTE),
    ]
    fields += [(text_of(other.get("label")), LINKED) for other in links.get(record["id"], ())]
    fields += [(" ".join(_ASIDES.findall(str(label.get("en", "")))), ASIDE)]
    fields += [(text, NAME) for text in people_and_dates(record)]
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
    for text, field in fields(record, links):
        if text.strip():
            document.add(analyse(text, concepts, expand=True), field.weight)
            document.add_characters(text, field.weight)
    return document


def people_and_dates(record: JsonRecord) -> list[str]:
    """What a source record knows besides its title: who wrote, spoke and photographed, and when
    (08-13 as 8月13日 and August 13), so `search 杨帆` or `search 8月13日` finds it."""
    if record.get("kind") != "source":
        return []
    texts = [text_of(record.get(name)) for name in ("publisher", "reporter", "photographer")]
    person = record.get("interviewee")
    if isinstance(person, dict):
        texts += [text_of(person.get("name")), text_of(person.get("role"))]
    for name in ("interview_date", "photo_date"):
        date = record.get(name)
        if isinstance(date, str) and re.fullmatch(r"\d\d-\d\d", date):
            month, day = int(date[:2]), int(date[3:])
            texts += [f"{month}月{day}日", f"{_MONTHS[month - 1]} {day}"]
    return [text for text in texts if text.strip()]
