"""Tables for people: they fit 80 columns without breaking a word, in one language at a time."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import Run

LISTINGS = [["stats"], ["stats", "--year", "2020"], ["initiatives"], ["targets"], ["compare", "2018", "2019", "2020"]]
MORE = [
    ["stats", "--derived"],
    ["compare", "2017", "2018", "2019", "2020", "--derived"],
    ["compare", "digital-economy-growth", "implied-gdp-growth"],
    ["topics"],
    ["metrics"],
    ["search", "渝"],
    ["show", "yukuaiban-users"],
]
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&/-]*")
CJK = re.compile(r"[\u3400-\u9fff]")


def table(run: Run, args: list[str], lang: str, columns: int) -> str:
    result = run(*args, "--lang", lang, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", LISTINGS + MORE, ids=" ".join)
@pytest.mark.parametrize("columns", [80, 117])
def test_tables_fit_and_break_no_word(run: Run, args: list[str], lang: str, columns: int) -> None:
    """Every line fits the terminal, and every word in it is a whole word of the unwrapped table."""
    narrow = table(run, args, lang, columns)
    wide = table(run, args, lang, 1000)
    assert max(cell_len(line) for line in narrow.splitlines()) <= columns
    broken = set(WORD.findall(narrow)) - set(WORD.findall(wide))
    assert not broken, broken
    if args in LISTINGS:
        assert "───" in narrow, "stacked instead of a table"  # a table has its header rule; the stacked layout none


def test_ids_leave_tables_unless_asked_for(run: Run) -> None:
    """No id column by default; --fields id,… brings it back; JSON keeps ids."""
    plain = run("stats", "--year", "2020").stdout
    assert "digital-economy-scale-2020" not in plain and "Size of Chongqing's digital economy" in plain
    asked = run("stats", "--year", "2020", "--fields", "id,value").stdout
    assert "digital-economy-scale-2020" in asked
    assert json.loads(run("stats", "--year", "2020", "--json").stdout)[0]["id"] == "digital-economy-growth-2020"


def test_empty_columns_are_dropped_unless_asked_for(run: Run) -> None:
    """Targets have no deadline in the source: no deadline column, unless --fields names it."""
    header = run("targets", "--format", "markdown").stdout.splitlines()[0]
    assert header == "| label | area | quantities |"
    assert run("targets", "--format", "markdown", "--fields", "label,deadline").stdout.splitlines()[0] == "| label | deadline |"


def test_english_values_are_english(run: Run) -> None:
    """--lang en: amounts, people, points, ranks and qualifiers in English words, no Chinese unit."""
    text = run("stats", "--lang", "en", "--format", "markdown", "--fields", "value").stdout
    for expected in ("638.7 billion yuan", "34.49 million people", "14.4 percentage points", "5th", "top 10", "more than 40%"):
        assert f"| {expected} |" in text, expected
    assert not CJK.search(text)
    assert not CJK.search(
        run("targets", "--lang", "en", "--format", "markdown", "--fields", "quantities").stdout.split("\n", 2)[2]
    )


@pytest.mark.parametrize("args", [*LISTINGS, ["topics"], ["metrics"], ["sources"], ["search", "渝康码"]], ids=" ".join)
def test_chinese_tables_have_chinese_titles_and_headers(run: Run, args: list[str]) -> None:
    """--lang zh: the title and every header are Chinese words."""
    lines = table(run, args, "zh", 200).splitlines()
    title, header = lines[0], lines[2]
    assert CJK.search(title) and not re.search(r"[A-Za-z]", title), title
    assert not re.search(r"[A-Za-z]{2,}", header.replace("SHA-256", "")), header


@pytest.mark.parametrize(
    ("metric", "shown"),
    [
        ("yukangma-functions", "10余项"),
        ("smart-innovation-projects", "70余个"),
        ("yukuairong-users", "超26万"),
        ("yukuaiban-users", "突破2100万人"),
        ("planned-listed-unicorn-enterprises", "5家以上"),
        ("online-government-service-rank", "前10位"),
    ],
)
def test_chinese_values_keep_the_source_words(run: Run, metric: str, shown: str) -> None:
    """A Chinese table writes a qualified number as the source does, never reworded."""
    text = run("stats", "--metric", metric, "--lang", "zh", "--fields", "value", "--format", "markdown").stdout
    assert text == f"| 数值 |\n|---|\n| {shown} |\n"


def test_chinese_uses_the_record_qualifier_text_first(run: Run, tmp_path: Path) -> None:
    """When a record names its qualifier word (qualifier_text), the table uses it."""
    from cqsmart.render.values import figure_value

    figure = {"value": 10, "unit": "项", "qualifier": "more_than", "qualifier_text": "多", "source": {"quote": "10余项"}}
    assert figure_value(figure, "zh") == "10多项"
    assert figure_value(figure, "en") == "more than 10"


def test_targets_label_each_quantity_and_keep_the_qualifier_with_it(run: Run) -> None:
    """Each of 五十百千's quantities has its own label, and no line starts with a bare number."""
    listed = run("targets", "--search", "五十百千", "--format", "markdown", "--fields", "quantities").stdout
    for quantity in ("industrial parks: at least 10<br>", "platforms: at least 100<br>", "enterprises: at least 5,000<br>"):
        assert quantity in listed
    text = run("targets", "--search", "五十百千", "--lang", "en", env={"COLUMNS": "80"}).stdout
    assert not re.search(r"\bat\s*$", text, re.MULTILINE) and not re.search(r"^\s+least", text, re.MULTILINE)


def test_planned_and_derived_figures_are_marked(run: Run) -> None:
    """In stats tables a target's figure says target; a derived one says derived."""
    text = run("stats", "--derived", "--format", "markdown", "--fields", "label,value,period").stdout
    assert "| Target number of R&amp;D and innovation platforms | at least 100 | target |" in text
    assert "| Implied Chongqing GDP (derived) | about 2.5047 trillion yuan | 2020 |" in text
    assert (
        "| figure (target) | Target number of R&amp;D and innovation platforms |"
        in run("search", "R&D", "--format", "markdown", "--fields", "kind,label").stdout
    )
    chinese = run("stats", "--derived", "--lang", "zh", "--format", "markdown", "--fields", "label,period").stdout
    assert "| 建设研发创新平台目标数 | 目标 |" in chinese and "| 隐含GDP总量（推算） | 2020年 |" in chinese


def test_notes_show_only_in_their_language(run: Run) -> None:
    """An English note shows in English, not in a Chinese table or record."""
    assert "The source lists" in run("show", "digital-economy-growth-2018", "--lang", "en").stdout
    assert "The source lists" not in run("show", "digital-economy-growth-2018", "--lang", "zh").stdout
    assert "The source lists" not in run("stats", "--metric", "digital-economy-growth", "--lang", "zh", "--fields", "note").stdout


def pager_script(tmp_path: Path) -> str:
    target = tmp_path / "paged.txt"
    return f"{sys.executable} -c \"import sys; open({str(target)!r}, 'w').write(sys.stdin.read())\""


def test_long_tables_on_a_terminal_go_through_the_pager(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal a listing taller than the screen goes to $PAGER; --no-pager prints it."""
    import importlib

    monkeypatch.setattr(importlib.import_module("cqsmart.cli.app"), "on_terminal", lambda: True)
    env = {"PAGER": pager_script(tmp_path), "LINES": "20"}
    result = run("initiatives", env=env)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "Initiatives" in (tmp_path / "paged.txt").read_text(encoding="utf-8")
    (tmp_path / "paged.txt").unlink()
    for args in (["initiatives", "--no-pager"], ["--no-pager", "initiatives"], ["initiatives", "--json"]):
        shown = run(*args, env=env)
        assert "cloud-chief" in shown.stdout or "Cloud-chief" in shown.stdout
    assert not (tmp_path / "paged.txt").exists()


def test_piped_output_never_pages(run: Run, tmp_path: Path) -> None:
    """In a pipe (not a terminal) the table is printed, whatever $PAGER says."""
    result = run("initiatives", env={"PAGER": pager_script(tmp_path), "LINES": "5"})
    assert "Initiatives" in result.stdout
    assert not (tmp_path / "paged.txt").exists()


def test_facts_option_may_follow_the_command(run: Run) -> None:
    """--facts PATH works before or after the command, as users type it."""
    from conftest import SMALL

    before = run("--facts", str(SMALL), "stats", "--json")
    after = run("stats", "--json", "--facts", str(SMALL))
    assert after.exit_code == 0 and after.stdout == before.stdout
    assert run("stats", f"--facts={SMALL}", "--json").stdout == before.stdout


def test_short_version_flag(run: Run) -> None:
    """-V prints the version like --version."""
    assert run("-V").stdout == run("--version").stdout != ""


@pytest.mark.parametrize("option", ["--year", "--from", "--to"])
def test_a_repeated_year_is_a_usage_error(run: Run, option: str) -> None:
    """--year 2018 --year 2020 is a mistake: exit 2 and one line, not silently the last."""
    result = run("stats", option, "2018", option, "2020")
    assert result.exit_code == 2
    assert result.stderr == f"cqsmart: {option} takes one value, given 2: 2018, 2020\n"


def test_escaped_chinese_wraps_between_escapes(tmp_path: Path) -> None:
    """Where stdout cannot carry Chinese, a line may end between two escapes but never inside one."""
    from conftest import run_installed

    result = run_installed(
        "stats", "--year", "2020", "--lang", "zh", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii", "COLUMNS": "80"}
    )
    assert result.returncode == 0 and result.stdout.isascii()
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    cells = [part.strip() for line in result.stdout.splitlines() for part in line.split("|")]
    assert all(re.fullmatch(r"(?:\\u[0-9a-f]{4}|[^\\])*", cell) for cell in cells), "an escape was cut"
