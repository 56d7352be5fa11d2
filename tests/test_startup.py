"""Start-up stays cheap: the hot paths do not import what they do not need (structure, not timing)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROBE = """
import sys
sys.argv = ["cqsmart", *sys.argv[1:]]
from cqsmart.cli import main
try:
    main()
except SystemExit:
    pass
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"rich", "pydantic", "pydantic_core",
    "platformdirs", "hashlib", "tempfile"})
sys.stderr.write("LOADED " + " ".join(heavy) + "\\n")
"""


def loaded(*args: str, cache: Path, env: dict[str, str] | None = None) -> set[str]:
    """Heavy top-level modules imported by one in-process run of the CLI with these arguments."""
    full_env = {**os.environ, "CQSMART_CACHE_DIR": str(cache), **(env or {})}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=full_env, timeout=60)
    line = next(line for line in result.stderr.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


@pytest.fixture
def warm(tmp_path: Path) -> Path:
    """A cache already holding the bundled base, as on every run after the first."""
    loaded("stats", "--json", cache=tmp_path)
    return tmp_path


def test_json_query_loads_neither_rich_nor_pydantic(warm: Path) -> None:
    """A cached JSON query needs no table library and no validation."""
    assert loaded("stats", "--year", "2020", "--json", cache=warm) == set()


def test_an_answer_from_a_kept_index_hashes_nothing(warm: Path) -> None:
    """The cache knows the bundled base by its files' statuses and the index by the key it holds, so a
    warm ask loads no hashlib (and with it OpenSSL)."""
    from cqsmart.store import cache
    from cqsmart.store.locate import bundled_facts_dir

    changed = max(path.stat().st_ctime_ns for path in bundled_facts_dir().glob("*.json"))
    time.sleep(max(0.0, (changed + cache.SETTLED_NANOSECONDS - time.time_ns()) / 1e9))  # a fresh checkout settles
    loaded("ask", "渝康码有多少项功能?", "--json", cache=warm)  # remembers the base, builds and keeps the index
    assert "hashlib" not in loaded("ask", "渝康码有多少项功能?", "--json", cache=warm)


def test_help_and_completion_load_neither(warm: Path) -> None:
    """--help and shell completion stay on the light path."""
    assert loaded("--help", cache=warm) == set()
    completion = {"_CQSMART_COMPLETE": "complete_bash", "COMP_WORDS": "cqsmart stats --metric ", "COMP_CWORD": "3"}
    assert loaded(cache=warm, env=completion) == set()


def test_table_loads_rich_but_not_pydantic(warm: Path) -> None:
    """Only drawing a table brings in Rich."""
    assert loaded("stats", "--year", "2020", cache=warm) == {"rich"}


def test_first_run_validates_in_pydantic_core_without_the_models(tmp_path: Path) -> None:
    """An unseen, valid fact base is fully validated by Pydantic's core; Pydantic itself and the
    models, which cost more to load than a small base takes to check, are not needed."""
    modules = loaded("stats", "--json", cache=tmp_path / "empty")
    assert "pydantic_core" in modules
    assert "pydantic" not in modules


def test_a_base_with_problems_is_checked_by_the_models(tmp_path: Path) -> None:
    """A base the fast path refuses goes to the models, whose messages name each problem."""
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": "x", "kind": "figure"}]', encoding="utf-8")
    assert "pydantic" in loaded("--facts", str(broken), "stats", "--json", cache=tmp_path / "empty")


TYPER_APP = """
import sys, typer
app = typer.Typer()
@app.command()
def hello(name: str = "world") -> None: ...
@app.command()
def bye() -> None: ...
try:
    app(["hello", "--name", "x"])
except SystemExit:
    pass
print("pydantic" in sys.modules)
"""


def test_typer_does_not_import_pydantic_when_an_app_runs() -> None:
    """The Typer in use runs an app without Pydantic (0.29 imports it then: see the pin in pyproject.toml)."""
    result = subprocess.run([sys.executable, "-c", TYPER_APP], capture_output=True, text=True, timeout=60)
    assert result.stdout == "False\n", result.stderr


def test_a_run_names_its_command_only_when_just_app_options_come_first() -> None:
    """Only the named command is built; help, --version and odd words keep the whole app."""
    from cqsmart.cli.dispatch import named_command

    names = ["stats", "search", "ask"]
    assert named_command(["search", "x", "--json"], names) == "search"
    assert named_command(["--facts", "f.json", "--no-cache", "ask", "q"], names) == "ask"
    assert named_command(["ask", "q", "--facts", "f.json"], names) == "ask"
    assert named_command(["--facts=f.json", "stats"], names) == "stats"
    assert named_command(["--facts", "stats", "search"], names) == "search"  # stats is the value of --facts
    for args in ([], ["--help", "stats"], ["-h"], ["--version"], ["--", "stats"], ["bogus"], ["--facts"], ["serch"]):
        assert named_command(args, names) is None, args


def test_the_command_table_names_every_command_in_its_module_and_in_help_order() -> None:
    """dispatch imports a command's module by the table in commands.py: it must match what registers."""
    from cqsmart.cli import app
    from cqsmart.cli.commands import COMMAND_MODULES, command_name

    registered = [(info.callback.__module__.rsplit(".", 1)[-1], command_name(info)) for info in app.registered_commands]
    registered += [("library_command", info.name) for info in app.registered_groups]  # a group: library add|list|remove
    assert registered == [(module, name) for module, names in COMMAND_MODULES.items() for name in names]


def test_a_named_command_alone_is_imported(warm: Path) -> None:
    """`ask` imports its own module and none of the other commands' modules."""
    probe = PROBE.replace(
        'heavy = sorted({name.split(".")[0] for name in sys.modules} & {',
        'heavy = sorted({name for name in sys.modules} & {"cqsmart.cli.query_commands", "cqsmart.cli.ask_command", ',
    )
    full_env = {**os.environ, "CQSMART_CACHE_DIR": str(warm)}
    result = subprocess.run(
        [sys.executable, "-c", probe, "ask", "渝康码有多少项功能?", "--json"],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("LOADED"))
    assert [name for name in line.split()[1:] if name.startswith("cqsmart.cli")] == ["cqsmart.cli.ask_command"]


def test_completion_within_a_command_builds_that_command_only(warm: Path) -> None:
    """`cqsmart stats --metric <TAB>` needs stats alone; completing the command name needs them all."""
    probe = PROBE.replace(
        'heavy = sorted({name.split(".")[0] for name in sys.modules} & {',
        'heavy = sorted({name for name in sys.modules if name.startswith("cqsmart.cli.")} | {',
    )
    for words, expected in (("cqsmart stats --metric ", False), ("cqsmart st", True)):
        env = {**os.environ, "CQSMART_CACHE_DIR": str(warm), "_CQSMART_COMPLETE": "complete_bash", "COMP_WORDS": words}
        env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
        line = next(line for line in result.stderr.splitlines() if line.startswith("LOADED"))
        assert ("cqsmart.cli.discovery_commands" in line.split()) is expected, (words, line)
