"""`show`: one record in full, with every field a reader needs to cite it and what it links to."""

from __future__ import annotations

from typing import TextIO

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.outputs import signed
from cqsmart.model.vocabulary import slug_name
from cqsmart.query.result import Result
from cqsmart.render import Options, renderer_for
from cqsmart.render import values as display
from cqsmart.render.human import console, for_stream, markdown_cell
from cqsmart.render.machine import dump, with_quantities


def link_rows(links: list[tuple[str, JsonRecord]]) -> list[JsonRecord]:
    return [
        {"relation": relation, "id": other["id"], "kind": other["kind"], "label": other["label"]} for relation, other in links
    ]


def render_show(
    record: JsonRecord, links: list[tuple[str, JsonRecord]], base: FactBase, fmt: str, lang: str, stream: TextIO
) -> None:
    if fmt in ("json", "jsonl"):
        document = {"record": with_quantities(record, base), "links": link_rows(links)}
        stream.write(dump(document, stream, indent=2 if fmt == "json" else None) + "\n")
    elif fmt in ("csv", "tsv"):
        renderer_for(fmt).render(Result([record], record["kind"]), base, Options(lang=lang), stream)
    else:
        _render_detail(record, links, base, lang, stream, markdown=fmt == "markdown")


NAMES_ZH = {
    "id": "编号",
    "kind": "类型",
    "label (zh)": "中文名称",
    "label (en)": "英文名称",
    "value": "数值",
    "as stated": "原文数值",
    "qualifier": "限定",
    "period": "时间",
    "period basis": "时间依据",
    "period from": "年份出处",
    "part of year": "年内时段",
    "metric": "指标",
    "topic": "主题",
    "line": "工作线",
    "area": "领域",
    "base_value": "基本单位值",
    "formula": "公式",
    "year": "年份",
    "interview_date": "采访日期",
    "photo_date": "摄影日期",
    "sha256": "SHA-256",
    "file": "文件",
    "publisher": "发布者",
    "reporter": "记者",
    "photographer": "摄影",
    "interviewee": "受访者",
    "derived": "推算",
    "target": "目标",
    "quote": "原文",
    "source": "来源",
    "note": "备注",
    "figure": "数据",
    "input": "输入",
    "parent": "上级",
    "part": "下级",
    "linked from initiative": "所属举措",
    "linked from target": "所属目标",
    "terms": "各项",
    "relation": "关系",
    "expected": "预期",
}
SAYINGS = {
    "en": {
        "inferred": " (inferred: the source does not print it)",
        "derived": "yes: implied by the source, not stated in it",
        "target": "yes: a planned figure, not an achieved one",
    },
    "zh": {
        "inferred": "（推断：原文未载明）",
        "derived": "是：由原文推算，原文未直接给出",
        "target": "是：规划目标，并非已实现的数据",
    },
}


VALUES_ZH = {
    "figure": "数据",
    "initiative": "举措",
    "target": "目标",
    "source": "来源",
    "exact": "确数",
    "at_least": "不少于",
    "more_than": "超过",
    "approximately": "约",
    "at_most": "不超过",
    "year": "年份",
    "span": "时段",
    "as_of_interview": "截至采访时",
    "unstated": "未载明",
    "clause": "本分句",
    "sentence": "本句前文",
    "context": "上下文（推断）",
    "document": "文档年份（推断）",
    "first_half": "上半年",
    "second_half": "下半年",
    "q1": "一季度",
    "q2": "二季度",
    "q3": "三季度",
    "q4": "四季度",
    "first_three_quarters": "前三季度",
}
TRANSLATED = ("kind", "qualifier", "period basis", "period from", "part of year")


def detail_rows(record: JsonRecord, links: list[tuple[str, JsonRecord]], base: FactBase, lang: str) -> list[tuple[str, str]]:
    """Each field a reader needs, named in the reader's language."""
    zh = lang == "zh"
    says = SAYINGS["zh" if zh else "en"]
    rows: list[tuple[str, str]] = [("id", record["id"]), ("kind", record["kind"])]
    rows += [("label (zh)", record["label"]["zh"]), ("label (en)", display.label(record, "en"))]
    if record["kind"] == "figure":
        planned = bool(record.get("planned")) or any(
            record["id"] in (target.get("figures") or ()) for target in base.of_kind("target")
        )
        rows.append(("value", display.figure_value(record, lang)))
        if not zh and (record.get("value") is not None or record.get("qualifier_text")):
            rows.append(("as stated", display.figure_value(record, "zh")))
        rows += [("qualifier", record.get("qualifier") or ""), ("period", display.period(record, lang, base.by_id, planned))]
        rows.append(("period basis", record["period"]["basis"]))
        # a drafted figure says where its year came from and which part of the year it covers
        rows += [
            (name, record["period"][key])
            for name, key in (("period from", "from"), ("part of year", "part"))
            if record["period"].get(key)
        ]
        rows.append(("metric", record["metric"]))
        if planned:
            rows.append(("target", says["target"]))
    if record["kind"] == "check":
        rows += [("terms", "; ".join(record["terms"])), ("relation", record["relation"]), ("expected", record["expected"] or "")]
    for key in ("topic", "line", "area", "base_value", "formula", "year", "interview_date", "photo_date", "sha256", "file"):
        if record.get(key) is not None:
            shown = slug_name(key, record[key], lang) if key in ("topic", "line", "area") else str(signed(record, key))
            rows.append((key, shown))
    if record.get("year_inferred"):
        rows = [(name, f"{text}{says['inferred']}" if name == "year" else text) for name, text in rows]
    for key in ("publisher", "reporter", "photographer"):
        if isinstance(record.get(key), dict):
            rows.append((key, display.label(record, "both", key)))
    if isinstance(record.get("interviewee"), dict):
        person = record["interviewee"]
        rows.append(("interviewee", f"{display.label(person, 'both', 'name')}, {display.label(person, lang, 'role')}"))
    if record.get("derived"):
        rows.append(("derived", says["derived"]))
    citation = record.get("source")
    if isinstance(citation, dict):
        source = base.by_id.get(citation["id"], {})
        publisher = display.label(source, lang, "publisher")
        rows += [
            ("quote", citation["quote"]),
            ("source", f"{publisher} ({source.get('year')}): {display.label(source, lang)}" if source else citation["id"]),
        ]
    if display.note(record, lang):
        rows.append(("note", display.note(record, lang)))
    for relation, other in links:
        value = f" = {display.figure_value(other, lang)}" if other["kind"] == "figure" else ""
        rows.append((relation, f"{other['id']}: {display.label(other, lang)}{value}"))
    rows = [(name, text) for name, text in rows if text]  # a field the record leaves empty is left out
    if zh:
        rows = [(name, VALUES_ZH.get(text, text) if name in TRANSLATED else text) for name, text in rows]
        return [(NAMES_ZH.get(name, name), text) for name, text in rows]
    return rows


def _render_detail(
    record: JsonRecord, links: list[tuple[str, JsonRecord]], base: FactBase, lang: str, stream: TextIO, markdown: bool
) -> None:
    rows = [(for_stream(name, stream), for_stream(text, stream)) for name, text in detail_rows(record, links, base, lang)]
    if markdown:
        stream.write("| 字段 | 内容 |\n|---|---|\n" if lang == "zh" else "| field | value |\n|---|---|\n")
        stream.writelines(f"| {markdown_cell(name)} | {markdown_cell(text)} |\n" for name, text in rows)
        return
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    from cqsmart.render.cells import lexicon_of
    from cqsmart.render.layout import protect, wrap

    lexicon = lexicon_of(base)
    out = console(stream)
    name_width = max(cell_len(name) for name, _ in rows)
    room = max(out.width - name_width - 4, 10)
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(no_wrap=True, overflow="crop")
    for name, text in rows:
        table.add_row(Text(name), Text(wrap(protect(text, lexicon), room)))  # words whole: a number never splits
    out.print(table)
