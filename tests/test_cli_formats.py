"""Output formats, --fields and --lang: the same rows for people and for scripts."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run
from cqsmart.model.factbase import COMPUTED_FIELDS, FIELDS_BY_KIND
from cqsmart.model.records import Figure, Initiative, Source, Target

LISTINGS = [["stats"], ["stats", "--derived"], ["initiatives"], ["targets"], ["sources"], ["search", "cloud"]]


@pytest.mark.parametrize("model", [Figure, Initiative, Target, Source], ids=lambda model: model.__name__)
def test_contract_fields_are_the_model_fields(model: type) -> None:
    """The documented JSON fields of each kind are its model's fields, in order, plus computed ones."""
    kind = model.model_fields["kind"].annotation.__args__[0]  # type: ignore[attr-defined]
    written = tuple(name for name in FIELDS_BY_KIND[kind] if name not in COMPUTED_FIELDS)
    assert written == tuple(model.model_fields)  # type: ignore[attr-defined]


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_json_records_have_exactly_the_contract_fields(run: Run, args: list[str]) -> None:
    """Every JSON record carries every field of its kind, in contract order, and nothing else."""
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert records
    for record in records:
        assert tuple(record) == FIELDS_BY_KIND[record["kind"]]


@pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
def test_every_format_carries_the_same_rows(run: Run, args: list[str]) -> None:
    """JSON, JSONL, CSV, TSV, Markdown and table show the same ids, in the same order."""
    expected = [record["id"] for record in json.loads(run(*args, "--json").stdout)]
    jsonl = [json.loads(line)["id"] for line in run(*args, "--format", "jsonl").stdout.splitlines()]
    rows_csv = [row["id"] for row in csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout))]
    rows_tsv = [row["id"] for row in csv.DictReader(io.StringIO(run(*args, "--format", "tsv").stdout), delimiter="\t")]
    markdown = run(*args, "--format", "markdown", "--fields", "id").stdout.splitlines()[2:]
    assert jsonl == rows_csv == rows_tsv == expected
    assert markdown == [f"| {record_id} |" for record_id in expected]


def test_fields_choose_columns_in_every_format(run: Run) -> None:
    """--fields id,value,unit selects those fields, in that order, in each format."""
    args = ("stats", "--metric", "digital-economy-scale", "--fields", "id,value,unit")
    assert json.loads(run(*args, "--json").stdout) == [{"id": "digital-economy-scale-2020", "value": 6387, "unit": "亿元"}]
    assert run(*args, "--format", "csv").stdout == '"id","value","unit"\n"digital-economy-scale-2020",6387,"亿元"\n'
    assert run(*args, "--format", "tsv").stdout == "id\tvalue\tunit\ndigital-economy-scale-2020\t6387\t亿元\n"
    assert (
        run(*args, "--format", "markdown").stdout
        == "| id | value | unit |\n|---|---|---|\n| digital-economy-scale-2020 | 638.7 billion yuan | 亿元 |\n"
    )


def test_nested_fields_flatten_in_csv(run: Run) -> None:
    """CSV spreads label and period into label_zh, label_en, period_start … columns."""
    text = run("stats", "--metric", "digital-economy-scale", "--fields", "id,label,period", "--format", "csv").stdout
    assert text.splitlines() == [
        '"id","label_zh","label_en","period_start","period_end","period_basis"',
        '"digital-economy-scale-2020","数字经济规模","Size of Chongqing\'s digital economy",2020,2020,"year"',
    ]


def test_unknown_field_names_the_accepted_ones(run: Run) -> None:
    """An unknown field exits 2 and lists the fields that exist."""
    result = run("targets", "--fields", "id,colour", "--json")
    assert result.exit_code == 2
    assert (
        result.stderr == "cqsmart: unknown field 'colour' for target rows; "
        "fields: id,kind,topic,area,label,figures,quantities,deadline,source,note; "
        "or flattened as in CSV headers: label_zh,label_en,source_id,source_quote\n"
    )


@pytest.mark.parametrize(
    ("args", "header", "row"),
    [
        (
            ("stats", "--metric", "digital-economy-scale", "--fields", "id,label_en,period_start"),
            "id,label_en,period_start",
            {
                "id": "digital-economy-scale-2020",
                "label": {"en": "Size of Chongqing's digital economy"},
                "period": {"start": 2020},
            },
        ),
        (
            ("targets", "--search", "独角兽", "--fields", "source_id,deadline"),
            "source_id,deadline",
            {"source": {"id": "cqdaily-2021-08-smart-city-interview"}, "deadline": None},
        ),
    ],
)
def test_fields_take_csv_header_names(run: Run, args: tuple[str, ...], header: str, row: dict[str, object]) -> None:
    """Flattened names select CSV columns by their header, and the same values nested in JSON."""
    csv_out = run(*args, "--format", "csv")
    assert csv_out.exit_code == 0, csv_out.stderr
    assert next(csv.reader(io.StringIO(csv_out.stdout))) == header.split(",")
    assert json.loads(run(*args, "--json").stdout)[0] == row


def test_unknown_format_names_the_accepted_ones(run: Run) -> None:
    """--format xml exits 2 and names every format."""
    result = run("stats", "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of 'table', 'json', 'jsonl', 'csv', 'tsv', 'markdown'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_qualifiers_and_units_read_naturally(run: Run) -> None:
    """English tables say qualifiers and units in English words; Chinese ones keep the source's units."""
    english = run("targets", "--area", "innovation-system", "--lang", "en", "--format", "markdown").stdout
    assert "at least 5<br>" in english and "at least 5,000<br>" in english
    chinese = run("stats", "--search", "渝快融", "--lang", "zh", "--fields", "id,value").stdout
    assert "超26万" in chinese and "371亿元" in chinese
    english = run("stats", "--search", "渝快融", "--lang", "en", "--fields", "id,value").stdout
    assert "more than 260,000" in english and "37.1 billion yuan" in english


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "Yukangma (渝康码) health code users"), ("zh", "“渝康码”用户数"), ("both", "“渝康码”用户数 / Yukangma")],
)
def test_lang_chooses_label_language(run: Run, lang: str, shown: str) -> None:
    """--lang zh|en|both picks the label text in tables."""
    assert shown in run("stats", "--metric", "yukangma-users", "--lang", lang, "--format", "markdown").stdout


def test_default_language_follows_the_locale(run: Run) -> None:
    """Chinese labels by default where LANG starts with zh, English otherwise."""
    args = ("stats", "--metric", "yukangma-users", "--format", "markdown", "--fields", "label")
    assert "“渝康码”用户数" in run(*args, env={"LANG": "zh_CN.UTF-8"}).stdout
    assert "Yukangma (渝康码) health code users" in run(*args, env={"LANG": "en_GB.UTF-8"}).stdout


def test_json_output_is_utf8_and_nothing_else(run: Run) -> None:
    """JSON keeps Chinese as UTF-8 text and stdout holds only the document."""
    result = run("stats", "--metric", "yukangma-users", "--json")
    assert "渝康码" in result.stdout
    assert json.loads(result.stdout)[0]["label"]["zh"] == "“渝康码”用户数"
    assert result.stderr == ""


SNIFFED = [
    *LISTINGS,
    ["compare", "2018", "2020"],
    ["compare", "digital-economy-growth", "implied-gdp-growth", "--derived"],
    ["show", "cloud-chief-system"],
    ["show", "cqdaily-2021-08-smart-city-interview"],
    ["sources", "--fields", "id,label_en,publisher_en"],
    ["targets", "--fields", "label_en,note"],
]


@pytest.mark.parametrize("args", SNIFFED, ids=" ".join)
def test_csv_sniffers_find_the_comma(run: Run, args: list[str]) -> None:
    """csv.Sniffer (which csvkit uses) detects the comma and the double quote on every command's CSV."""
    text = run(*args, "--format", "csv").stdout
    dialect = csv.Sniffer().sniff(text)
    assert (dialect.delimiter, dialect.quotechar) == (",", '"')
    rows = list(csv.reader(io.StringIO(text), dialect))
    assert len({len(row) for row in rows}) == 1


@pytest.mark.parametrize("args", [["sources"], ["targets"], ["stats", "--derived"], ["compare", "2018", "2020"]], ids=" ".join)
def test_csvkit_reads_the_csv(run: Run, args: list[str]) -> None:
    """csvkit's own reader (agate, with sniffing on) gets every column of the header in every row."""
    agate = pytest.importorskip("agate", reason="csvkit is not installed (pip install csvkit)")
    text = run(*args, "--format", "csv").stdout
    header = next(csv.reader(io.StringIO(text)))
    table = agate.Table.from_csv(io.StringIO(text), sniff_limit=None)
    assert list(table.column_names) == header
    assert len(table.rows) == len(list(csv.reader(io.StringIO(text)))) - 1 > 0


def _fetches(svg: str) -> list[str]:
    """Everything in a picture that would reach the network: URLs (other than the SVG namespace) and web fonts."""
    urls = [url for url in re.findall(r"(?:https?|ftp)://[^\s\"'<>)]+", svg) if url != "http://www.w3.org/2000/svg"]
    return urls + re.findall(r"@font-face|@import", svg)


@pytest.mark.parametrize("args", [["stats"], ["compare", "2018", "2020"], ["targets"]], ids=" ".join)
def test_svg_fetches_nothing(run: Run, tmp_path: Path, args: list[str]) -> None:
    """--svg pictures use fonts on the reader's machine: no web font, no network URL."""
    target = tmp_path / "picture.svg"
    assert run(*args, "--svg", str(target)).exit_code == 0
    picture = target.read_text(encoding="utf-8")
    assert _fetches(picture) == []
    assert "monospace" in picture and "Noto Sans Mono CJK SC" in picture


def test_readme_picture_fetches_nothing() -> None:
    """The committed README picture is self-contained too."""
    picture = (Path(__file__).resolve().parents[1] / "docs" / "compare-2018-2020.svg").read_text(encoding="utf-8")
    assert _fetches(picture) == []


@pytest.mark.parametrize("args", [["sources"], ["targets"], ["search", "云长"], ["show", "yukangma-users"]], ids=" ".join)
def test_csvlook_reads_the_csv(run: Run, args: list[str]) -> None:
    """csvkit's csvlook command, which failed with 'Row 0 has 55 values' on sources, reads each CSV."""
    script = Path(sys.executable).parent / "csvlook"
    if not script.exists():
        pytest.skip("csvkit is not installed (pip install csvkit)")
    text = run(*args, "--format", "csv").stdout
    result = subprocess.run([str(script)], input=text, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert len(result.stdout.splitlines()) == len(list(csv.reader(io.StringIO(text)))) + 1  # the rule under the header
