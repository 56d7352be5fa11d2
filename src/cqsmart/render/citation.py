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


# How a source record says it does not know a name: such a name is left out, never cited as one.
UNKNOWN_NAMES = frozenset({"未注明", "未知", "不详", "佚名", "not stated", "unknown", "n/a", "none", "anonymous", ""})


def known(text: str) -> str:
    """The name, or "" where the source record says it is not known (未注明, not stated)."""
    return "" if text.strip().casefold() in UNKNOWN_NAMES else text


def _name(source: JsonRecord, key: str, lang: str) -> str:
    """A name in the reader's language, or "" when not known in it nor in Chinese."""
    names = source.get(key) or {}
    if not isinstance(names, dict) or not (known(str(names.get("zh", ""))) or known(str(names.get("en", "")))):
        return ""
    return known(display.label(source, lang, key))


def _person(source: JsonRecord, lang: str) -> tuple[str, str, str]:
    """(family, given, full) of the author: an interview's reporter, else the first of the document's
    authors; Chinese names put the family name first; empty when unknown."""
    key = "reporter" if source.get("reporter") else "author"
    if key == "author":
        source = {"author": (source.get("authors") or [None])[0]}
    names = source.get(key) or {}
    full = _name(source, key, lang)
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


def _published(source: JsonRecord, lang: str) -> str:
    """The publication date as precise as the record gives it, in words; empty when it gives none."""
    parts = [int(part) for part in str(source.get("published") or "").split("-") if part.isdigit()]
    if len(parts) < 2:
        return ""
    if lang == "zh":
        return f"{parts[0]}年{parts[1]}月" + (f"{parts[2]}日" if len(parts) > 2 else "")
    return (f"{parts[2]} " if len(parts) > 2 else "") + f"{_MONTHS[parts[1] - 1]} {parts[0]}"


def _url(source: JsonRecord) -> str:
    return str(source.get("url") or "")


def _day(source: JsonRecord, lang: str) -> str:
    """The interview date the source prints (month-day), in words; empty when it has none."""
    date = str(source.get("interview_date") or "")
    if not re.fullmatch(r"\d\d-\d\d", date):
        return ""
    month, day = int(date[:2]), int(date[3:])
    return f"{month}月{day}日" if lang == "zh" else f"{day} {_MONTHS[month - 1]}"


def reference(citing: Citing, style: str, lang: str) -> str:
    """The source as a reference list entry. Only what the source record knows: an unknown author or
    publisher is left out (the entry starts with the title); a bracketed year is inferred, and every
    style says so."""
    if style == "bibtex":
        return bibtex(citing, lang)
    source = citing.source
    zh = lang == "zh"
    family, given, full = _person(source, lang)
    title = display.label(source, lang)
    other_title = display.label(source, "zh") if not zh and display.label(source, "zh") != title else ""
    paper = _name(source, "publisher", lang)
    year = _year(source)
    day = _day(source, lang)
    if zh:
        body = {
            "apa": _joined([f"{full}（{year}）" if full else "", title, paper, "" if full else f"（{year}）"], "。") + "。",
            "mla": _joined([full, f"《{title}》", f"{paper}，{year}" if paper else year], "。") + "。",
            "chicago": _joined([full, f"《{title}》", f"{paper}，{year}" if paper else year], "。") + "。",
            "plain": (f"{paper}（{year}）" if paper else f"（{year}）")
            + (f"，{full}" if full else "")
            + f"：《{title}》"
            + (f"，采访日期{day}" if day else "")
            + "。",
        }
    else:
        translated = f" [{other_title}]" if other_title else ""
        initial = f"{family}, {given[:1]}." if given else family
        inverted = f"{family}, {given}" if given else family
        published = f"{paper}, {year}" if paper else year
        body = {
            "apa": f"{initial} ({year}). {title}{translated}." + (f" {paper}." if paper else "")
            if full
            else f"{title}{translated}. ({year})." + (f" {paper}." if paper else ""),
            "mla": (f"{inverted}. " if full else "") + f'"{title}"{translated}. {published}.',
            "chicago": (f"{inverted}. " if full else "") + f'"{title}."{translated} {published}.',
            "plain": (f"{paper} ({year})" if paper else f"({year})")
            + (f", {full}" if full else "")
            + f": {title}{translated}"
            + (f"; interview of {day}" if day else "")
            + ".",
        }
    text = body[style]
    published, url = _published(source, lang), _url(source)
    if published:
        text += f"发布于{published}。" if zh else f" Published {published}."
    if url:
        text += url if zh else f" {url}"
    if source.get("year_inferred"):
        text += "（年份为推断，原文未载明。）" if zh else " (Year inferred: the source does not print it.)"
    return text


def _joined(parts: list[str], separator: str) -> str:
    return separator.join(part for part in parts if part)


def bibtex(citing: Citing, lang: str) -> str:
    """An @article entry with only the fields the source record knows: no author when it names none."""
    source = citing.source
    family, given, full = _person(source, lang)
    fields = [("author", f"{family}, {given}" if given else family)] if full else []
    fields.append(("title", display.label(source, lang)))
    paper = _name(source, "publisher", lang)
    if paper:
        fields.append(("journal", paper))
    fields.append(("year", str(source.get("year", ""))))
    if _url(source):
        fields.append(("url", _url(source)))
    notes = []
    if source.get("year_inferred"):
        notes.append("年份为推断，原文未载明" if lang == "zh" else "year inferred, not printed in the source")
    if citing.quote:
        notes.append(f"{'原文' if lang == 'zh' else 'quote'}: {citing.quote}")
    if notes:
        fields.append(("note", "; ".join(notes)))
    body = ",\n".join(f"  {name} = {{{_bibtex_text(value)}}}" for name, value in fields)
    return f"@{BIBTEX_ENTRY.get(str(source.get('type')), 'article')}{{{citing.record['id']},\n{body}\n}}"


# The BibTeX entry for each kind of document: a paper's article, an institution's report, else misc.
BIBTEX_ENTRY = {
    "interview": "article",
    "news": "article",
    "statistical-release": "techreport",
    "government-report": "techreport",
    "plan": "techreport",
    "other": "misc",
}


def _bibtex_text(text: str) -> str:
    return re.sub(r"([{}\\%&$#_^~])", r"\\\1", text)


def figure_line(citing: Citing, lang: str) -> str:
    """What is cited, as the reader will quote it: label, the stated value and its period (an inferred
    year marked); a derived figure names each input with its stated value."""
    record = citing.record
    if record["kind"] == "source":
        return ""
    by_id = {citing.source["id"]: citing.source, **{item["id"]: item for item in citing.inputs}}
    text = display.label(record, lang)
    if record["kind"] == "figure":
        text += f"{'：' if lang == 'zh' else ': '}{display.stated(record, lang, by_id)}"
    if record.get("derived"):
        inputs = ("；" if lang == "zh" else "; ").join(
            f"{display.label(item, lang)}{'：' if lang == 'zh' else ': '}{display.stated(item, lang, by_id)}"
            for item in citing.inputs
        )
        derived = (
            f"（推算，原文未给出；依据：{inputs}）" if lang == "zh" else f" (derived, not stated in the source; from {inputs})"
        )
        text += derived
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


def _markdown(text: str) -> str:
    """Fact text in Markdown prose: HTML-significant characters escaped, as in Markdown tables."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        lines = [_markdown(row["citation"])]
        if style == "bibtex":
            lines = ["```bibtex", row["citation"], "```"]  # a code block shows its text as it is
        if row["figure"]:
            lines += ["", f"- {_markdown(row['figure'])}"]
        if row["quote"]:
            lines += ["", f"> {_markdown(row['quote'])}"]
        stream.write("\n".join(display.inert(line) for line in lines) + "\n")
        return
    if row["figure"]:
        lines.append(display.inert(row["figure"]))
    if row["quote"]:
        lines.append(display.inert(f"{'原文：' if lang == 'zh' else 'Quote: '}{row['quote']}"))
    stream.write("\n".join(lines) + "\n")
