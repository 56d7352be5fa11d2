"""Shell completion: commands, options and the values that exist in the loaded fact base."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SMALL, installed_cqsmart, run_installed


def complete(words: str, tmp_path: Path, **env: str) -> list[str]:
    """Drive the bash completion protocol the way the installed completion script does."""
    count = len(words.split()) - (0 if words.endswith(" ") else 1)
    result = run_installed(
        cwd=tmp_path, env={"_CQSMART_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(count), **env}
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("cqsmart st", ["stats"]),
        ("cqsmart stats --met", ["--metric"]),
        (
            "cqsmart stats --metric digital-economy-g",
            ["digital-economy-growth", "digital-economy-growth-acceleration", "digital-economy-growth-gap-over-gdp"],
        ),
        ("cqsmart stats --topic rank", ["rankings"]),
        ("cqsmart stats --year ", ["2017", "2018", "2019", "2020", "2021"]),
        ("cqsmart show yukangma-", ["yukangma-functions", "yukangma-users", "yukangma-visits"]),
        ("cqsmart initiatives --line me", ["mechanisms"]),
        ("cqsmart targets --area open", ["open-cooperation"]),
        ("cqsmart compare 2018 implied-gdp-g", ["implied-gdp-growth"]),
    ],
)
def test_completion_offers_what_exists(tmp_path: Path, words: str, expected: list[str]) -> None:
    """Each partial command line completes to the commands, options or fact-base values that fit."""
    assert complete(words, tmp_path) == expected


def test_completion_follows_the_facts_option(tmp_path: Path) -> None:
    """With --facts on the line, values come from that base."""
    assert complete(f"cqsmart --facts {SMALL} show gr", tmp_path) == ["growth-2018", "growth-2020"]


def test_completion_is_silent_with_a_broken_base(tmp_path: Path) -> None:
    """A broken or missing base gives no suggestions and no error text in the prompt."""
    assert complete(f"cqsmart --facts {tmp_path / 'nope.json'} show gr", tmp_path) == []


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_installed_completion_script_completes_in_bash(tmp_path: Path) -> None:
    """--install-completion writes a script that bash sources and uses to complete record ids."""
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash"}
    installed = run_installed("--install-completion", "bash", cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stderr
    script = tmp_path / ".bash_completions" / "cqsmart.sh"
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    program = installed_cqsmart()[0]
    session = f"""
        source '{script}'
        cqsmart() {{ '{program}' "$@"; }}
        COMP_WORDS=(cqsmart show yukangma-u); COMP_CWORD=2
        _cqsmart_completion '{program}'
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    result = subprocess.run(["bash", "-c", session], capture_output=True, text=True, timeout=60, env={**os.environ, **env})
    assert result.stdout.split() == ["yukangma-users"]
