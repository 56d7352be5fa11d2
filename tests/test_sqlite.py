"""The SQLite export as sqlite-utils and Datasette read it: their full-text search, keys and metadata."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from conftest import SMALL, Run
from cqsmart.export.sqlite import zh_terms

sqlite_utils = pytest.importorskip("sqlite_utils", reason="sqlite-utils is not installed")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from cqsmart.cli import app

    path = tmp_path_factory.mktemp("sqlite") / "facts.db"
    result = CliRunner().invoke(app, ["--no-cache", "export", "--to", "sqlite", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


def ids(rows: Any) -> set[str]:
    return {row["id"] for row in rows}


@pytest.mark.parametrize(
    ("table", "query", "expected"),
    [
        ("figures", "渝康码", {"yukangma-users", "yukangma-visits"}),
        ("initiatives", "云长", {"cloud-chief-system", "cloud-chief-role"}),
        ("initiatives", "政务", {"government-cloud-service-system"}),
        ("figures", "health code", {"yukangma-users"}),
        ("targets", "enterprise", {"target-listed-unicorn-enterprises"}),
    ],
)
def test_sqlite_utils_search_finds_chinese_and_english(database: Path, table: str, query: str, expected: set[str]) -> None:
    """sqlite-utils' own search() finds two- and three-character Chinese words and English words."""
    db = sqlite_utils.Database(database)
    assert db[table].detect_fts() == f"{table}_fts"
    assert expected <= ids(db[table].search(query))


def test_search_is_not_everything(database: Path) -> None:
    """A word in no record finds nothing, and a Chinese word finds only the records that hold it."""
    db = sqlite_utils.Database(database)
    assert list(db["figures"].search("气象卫星")) == []
    found = ids(db["initiatives"].search("云长"))
    rows = {row["id"]: row for row in db["initiatives"].rows}
    assert found == {
        key for key, row in rows.items() if "云长" in "".join(str(row[c] or "") for c in ("label_zh", "source_quote", "note"))
    }


@pytest.mark.parametrize(
    ("table", "query", "expected"),
    [
        ("figures", "渝康码", {"yukangma-users", "yukangma-visits"}),
        ("initiatives", "云长", {"cloud-chief-system"}),
        ("figures", "渝快办用户", {"yukuaiban-users"}),  # glued across the quotes of “渝快办”用户数
    ],
)
def test_sqlite_utils_cli_search(database: Path, table: str, query: str, expected: set[str]) -> None:
    """`sqlite-utils search facts.db figures 渝康码`, `… initiatives 云长` and glued Chinese print the matching rows."""
    script = Path(sys.executable).parent / "sqlite-utils"
    if not script.exists():
        pytest.skip("the sqlite-utils command is not installed")
    result = subprocess.run([str(script), "search", str(database), table, query], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert expected <= ids(json.loads(result.stdout))


def test_keys_links_and_metadata(database: Path) -> None:
    """links has a primary key, foreign keys hold, and metadata.json beside the base names labels and FTS."""
    db = sqlite_utils.Database(database)
    assert db["links"].pks == ["from_id", "relation", "figure_id"]
    assert db["figures"].pks == ["id"]
    assert ("figure_id", "figures") in {(key.column, key.other_table) for key in db["links"].foreign_keys}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    metadata = json.loads((database.parent / "facts.metadata.json").read_text(encoding="utf-8"))
    assert metadata["license"] and "Chongqing Daily" in metadata["source"]
    tables = metadata["databases"]["facts"]["tables"]
    assert tables["figures"]["label_column"] == "label_en"
    assert tables["targets"]["fts_table"] == "targets_fts"


def test_quantities_are_json_in_the_tables(database: Path) -> None:
    """Each target row holds its quantities as JSON text, as targets --json prints them."""
    db = sqlite_utils.Database(database)
    row = db["targets"].get("target-listed-unicorn-enterprises")
    (quantity,) = json.loads(row["quantities"])
    assert (quantity["value"], quantity["unit"], quantity["qualifier"]) == (5, "家", "at_least")


def test_chinese_terms_cover_every_substring_of_a_word() -> None:
    """zh_terms lists each word's substrings (digits with Chinese included), and nothing for English."""
    terms = zh_terms(["“渝康码”用户", "hello world", None, "超26万", "云长制 用户"]).split()
    assert {"渝康", "康码", "渝康码", "用户", "26万", "超26"} <= set(terms)
    assert {"码用", "渝康码用户"} <= set(terms)  # marks between Chinese characters are dropped: glued queries match
    assert "制用" not in terms  # a space still ends a word
    assert "hello" not in terms and len(terms) == len(set(terms))


def test_search_terms_are_in_the_index_alone(database: Path) -> None:
    """People reading a table (in Datasette, in its CSV) see the record's fields, not the search terms."""
    db = sqlite_utils.Database(database)
    assert all(
        "zh_terms" not in db[name].columns_dict
        for name in db.table_names()
        if not name.endswith(("_fts", "_config", "_data", "_idx", "_docsize", "_content"))
    )
    assert ids(db["figures"].search("渝快办用户")) == {"yukuaiban-users"}


def test_metadata_refuses_to_replace_without_force(run: Run, tmp_path: Path) -> None:
    """An existing metadata file beside the target is kept unless --force is given."""
    (tmp_path / "facts.metadata.json").write_text("mine", encoding="utf-8")
    result = run("--facts", str(SMALL), "export", "--to", "sqlite", str(tmp_path / "facts.db"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"cqsmart: {tmp_path / 'facts.metadata.json'} exists; use --force to replace it\n",
    )
    assert not (tmp_path / "facts.db").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_datasette_search_box_and_search(database: Path) -> None:
    """Datasette serves the export with its metadata: a search box, and ?_search= in Chinese and English."""
    script = Path(sys.executable).parent / "datasette"
    if not script.exists():
        pytest.skip("datasette is not installed (pip install datasette)")
    port = _free_port()
    server = subprocess.Popen(
        [str(script), "serve", str(database), "-m", str(database.parent / "facts.metadata.json"), "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/facts"
        for _ in range(100):
            try:
                page = urllib.request.urlopen(f"{url}/figures", timeout=5).read().decode()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("datasette did not start")
        assert 'name="_search"' in page
        assert "zh_terms" not in page  # the search terms are the index's, not a column people read

        def search(table: str, query: str) -> set[str]:
            address = f"{url}/{table}.json?_shape=array&_search={urllib.parse.quote(query)}"
            return ids(json.load(urllib.request.urlopen(address, timeout=10)))

        assert {"yukangma-users", "yukangma-visits"} <= search("figures", "渝康码")
        assert "cloud-chief-system" in search("initiatives", "云长")
        assert search("figures", "渝快办用户") == {"yukuaiban-users"}  # glued, as cqsmart search takes it
        assert "yukangma-users" in search("figures", "health code")
        assert search("figures", "气象卫星") == set()
        links = json.load(urllib.request.urlopen(f"{url}/links.json?_shape=array&_labels=on&_size=1", timeout=10))
        assert isinstance(links[0]["figure_id"], dict) and links[0]["figure_id"]["label"]
    finally:
        server.terminate()
        server.wait(timeout=10)
