"""`cite`: a reference to the source in a named style, with the figure and its verbatim quote."""

from __future__ import annotations

import re
from typing import TextIO

from cqsmart.model.factbase import JsonRecord
from cqsmart.model.years import MONTHS as _MONTHS
from cqsmart.query.cite import Citing
from cqsmart.render import values as display
from cqsmart.render.machine import dump

_CJK = re.compile(r"[\u3400-\u9fff]")


def _person(source: JsonRecord, lang: str) -> tuple[str, str, str]:
    """(family, given, full) of the reporter; Chinese names put the family name first."""
    names = source.get("reporter") or {}
    full = str(names.get(lang) or names.get("en") or "")
    if lang == "zh" or not full:
        return full, "", full
    words = full.split()
    chinese_order = bool(_CJK.search(str(names.get("zh", ""))))
    family = words[0] if chinese_order else words[-1]
    given = " ".join(words[1:] if chinese_order else words[:-1])
    return family, given, full


def _year(source: JsonRecord, brackets: bool = True) -> str:
    year = str(source.get("year", "n.d."))
    return f"[{year}]" if source.get("year_inferred") and brackets else year


def _day(source: JsonRecord, lang: str) -> str:
    """The interview date the source prints (month-day), in words; empty when it has none."""
    date = str(source.get("interview_date") or "")
    if not re.fullmatch(r"\d\d-\d\d", date):
        return ""
    month, day = int(date[:2]), int(date[3:])
    return f"{month}月{day}日" if lang == "zh" else f"{day} {_MONTHS[month - 1]}"


def reference(citing: Citing, style: str, lang: str) -> str:
    """The source as a reference list entry; a bracketed year is inferred (the source does not print it)."""
    source = citing.source
    zh = lang == "zh"
    family, given, full = _person(source, lang)
    title = display.label(source, lang)
    other_title = display.label(source, "zh") if not zh and display.label(source, "zh") != title else ""
    paper = display.label(source, lang, "publisher")
    year = _year(source)
    day = _day(source, lang)
    if zh:
        body = {
            "apa": f"{full}（{year}）。{title}。{paper}。",
            "mla": f"{full}。《{title}》。{paper}，{year}。",
            "chicago": f"{full}。《{title}》。{paper}，{year}。",
            "plain": f"{paper}（{year}），{full}：《{title}》" + (f"，采访日期{day}" if day else "") + "。",
        }
    else:
        translated = f" [{other_title}]" if other_title else ""
        initial = f"{family}, {given[:1]}." if given else family
        inverted = f"{family}, {given}" if given else family
        body = {
            "apa": f"{initial} ({year}). {title}{translated}. {paper}.",
            "mla": f'{inverted}. "{title}"{translated}. {paper}, {year}.',
            "chicago": f'{inverted}. "{title}."{translated} {paper}, {year}.',
            "plain": f"{paper} ({year}), {full}: {title}{translated}" + (f"; interview of {day}" if day else "") + ".",
        }
    if style == "bibtex":
        return bibtex(citing, lang)
    text = body[style]
    if source.get("year_inferred"):
        text += "（年份为推断，原文未载明。）" if zh else " (Year inferred: the source does not print it.)"
    return text


def bibtex(citing: Citing, lang: str) -> str:
    source = citing.source
    family, given, _ = _person(source, lang)
    author = f"{family}, {given}" if given else family
    fields = [
        ("author", author),
        ("title", display.label(source, lang)),
        ("journal", display.label(source, lang, "publisher")),
        ("year", str(source.get("year", ""))),
    ]
    notes = []
    if source.get("year_inferred"):
        notes.append("年份为推断" if lang == "zh" else "year inferred, not printed in the source")
    if citing.quote:
        notes.append(f"{'原文' if lang == 'zh' else 'quote'}: {citing.quote}")
    if notes:
        fields.append(("note", "; ".join(notes)))
    body = ",\n".join(f"  {name} = {{{_bibtex_text(value)}}}" for name, value in fields)
    return f"@article{{{citing.record['id']},\n{body}\n}}"


def _bibtex_text(text: str) -> str:
    return re.sub(r"([{}\\%&$#_^~])", r"\\\1", text)


def figure_line(citing: Citing, lang: str) -> str:
    """What is cited, as the reader will quote it: label, value and period."""
    record = citing.record
    if record["kind"] == "source":
        return ""
    text = display.label(record, lang)
    if record["kind"] == "figure":
        text += f"{'：' if lang == 'zh' else ': '}{display.figure_value(record, lang)}"
        when = display.period(record, lang)
        if when != "—":
            text += f"（{when}）" if lang == "zh" else f" ({when})"
    if record.get("derived"):
        inputs = ", ".join(item["id"] for item in citing.inputs)
        text += f"（推算，原文未给出；依据 {inputs}）" if lang == "zh" else f" (derived, not stated in the source; from {inputs})"
    return text


def citation_row(citing: Citing, style: str, lang: str) -> JsonRecord:
    source = citing.source
    return {
        "id": citing.record["id"],
        "style": style,
        "citation": reference(citing, style, lang),
        "figure": figure_line(citing, lang),
        "quote": citing.quote,
        "source_id": source["id"],
        "year": source.get("year"),
        "year_inferred": bool(source.get("year_inferred")),
    }


def _csv_cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return display.inert(value) if isinstance(value, str) else value


def render_citation(citing: Citing, style: str, lang: str, fmt: str, stream: TextIO) -> None:
    row = citation_row(citing, style, lang)
    if fmt in ("json", "jsonl"):
        stream.write(dump(row, stream, indent=2 if fmt == "json" else None) + "\n")
        return
    if fmt in ("csv", "tsv"):
        import csv

        writer = csv.DictWriter(stream, fieldnames=list(row), delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writeheader()
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})
        return
    lines = [display.inert(row["citation"])]
    if fmt == "markdown":
        lines = [row["citation"]]
        if style == "bibtex":
            lines = ["```bibtex", row["citation"], "```"]
        if row["figure"]:
            lines += ["", f"- {row['figure']}"]
        if row["quote"]:
            lines += ["", f"> {row['quote']}"]
        stream.write("\n".join(display.inert(line) for line in lines) + "\n")
        return
    if row["figure"]:
        lines.append(display.inert(row["figure"]))
    if row["quote"]:
        lines.append(display.inert(f"{'原文：' if lang == 'zh' else 'Quote: '}{row['quote']}"))
    stream.write("\n".join(lines) + "\n")
