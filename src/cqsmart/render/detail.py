"""`show`: one record in full, with every field a reader needs to cite it and what it links to."""

from __future__ import annotations

from typing import TextIO

from cqsmart.model.factbase import FactBase, JsonRecord
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


def detail_rows(record: JsonRecord, links: list[tuple[str, JsonRecord]], base: FactBase, lang: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = [("id", record["id"]), ("kind", record["kind"])]
    rows += [("label (zh)", record["label"]["zh"]), ("label (en)", record["label"]["en"])]
    if record["kind"] == "figure":
        rows += [
            ("value", display.figure_value(record, lang)),
            ("qualifier", str(record["qualifier"])),
            ("period", display.period(record, lang)),
        ]
        rows += [("period basis", record["period"]["basis"]), ("metric", record["metric"])]
    if record["kind"] == "check":
        rows += [("terms", "; ".join(record["terms"])), ("relation", record["relation"]), ("expected", str(record["expected"]))]
    for key in ("topic", "line", "area", "base_value", "formula", "year", "interview_date", "photo_date", "sha256", "file"):
        if record.get(key) is not None:
            rows.append((key, str(record[key])))
    if record.get("year_inferred"):
        rows = [(name, f"{text} (inferred: the source does not print it)" if name == "year" else text) for name, text in rows]
    for key in ("publisher", "reporter", "photographer"):
        if isinstance(record.get(key), dict):
            rows.append((key, display.label(record, "both", key)))
    if isinstance(record.get("interviewee"), dict):
        person = record["interviewee"]
        rows.append(("interviewee", f"{display.label(person, 'both', 'name')}, {display.label(person, lang, 'role')}"))
    if record.get("derived"):
        rows.append(("derived", "yes: implied by the source, not stated in it"))
    citation = record.get("source")
    if isinstance(citation, dict):
        source = base.by_id.get(citation["id"], {})
        publisher = display.label(source, lang, "publisher")
        rows += [
            ("quote", citation["quote"]),
            ("source", f"{publisher} ({source.get('year')}): {display.label(source, lang)}" if source else citation["id"]),
        ]
    if record.get("note"):
        rows.append(("note", record["note"]))
    for relation, other in links:
        value = f" = {display.figure_value(other, lang)}" if other["kind"] == "figure" else ""
        rows.append((relation, f"{other['id']}: {display.label(other, lang)}{value}"))
    return rows


def _render_detail(
    record: JsonRecord, links: list[tuple[str, JsonRecord]], base: FactBase, lang: str, stream: TextIO, markdown: bool
) -> None:
    rows = [(for_stream(name, stream), for_stream(text, stream)) for name, text in detail_rows(record, links, base, lang)]
    if markdown:
        stream.write("| field | value |\n|---|---|\n")
        stream.writelines(f"| {markdown_cell(name)} | {markdown_cell(text)} |\n" for name, text in rows)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for name, text in rows:
        table.add_row(Text(name), Text(text))
    console(stream).print(table)
