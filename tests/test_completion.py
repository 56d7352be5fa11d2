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
        ("cqsmart schema --output ta", ["targets"]),
        ("cqsmart export --to js", ["jsonl"]),
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


@pytest.mark.parametrize(
    ("shell", "start"),
    [("zsh", "#compdef cqsmart\n"), ("fish", "complete --command cqsmart "), ("bash", "_cqsmart_completion() {\n")],
)
def test_show_completion_prints_the_named_shells_script(tmp_path: Path, shell: str, start: str) -> None:
    """--show-completion zsh|fish|bash prints that shell's script, whatever shell runs cqsmart."""
    for args in (["--show-completion", shell], [f"--show-completion={shell}"]):
        result = run_installed(*args, cwd=tmp_path, env={"SHELL": "/bin/bash"})
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.startswith(start)


def test_unknown_shell_is_one_line(tmp_path: Path) -> None:
    """A shell cqsmart has no script for is a usage error naming the shells it has."""
    result = run_installed("--install-completion", "tcsh", cwd=tmp_path, env={"HOME": str(tmp_path)})
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == "cqsmart: --install-completion takes a shell name, not 'tcsh'; shells: bash, zsh, fish, powershell, pwsh\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def _path_env(tmp_path: Path) -> dict[str, str]:
    program = Path(installed_cqsmart()[0])
    return {"HOME": str(tmp_path), "SHELL": "/bin/bash", "PATH": f"{program.parent}{os.pathsep}{os.environ['PATH']}"}


def test_install_zsh_writes_zsh_completion_only(tmp_path: Path) -> None:
    """--install-completion zsh puts the zsh script in ~/.zfunc and loads it from ~/.zshrc, and leaves ~/.bashrc alone."""
    result = run_installed("--install-completion", "zsh", cwd=tmp_path, env=_path_env(tmp_path))
    assert result.returncode == 0, result.stderr
    script = tmp_path / ".zfunc" / "_cqsmart"
    assert result.stderr == f"cqsmart: zsh completion installed in {script}; it takes effect in a new shell\n"
    assert script.read_text(encoding="utf-8").startswith("#compdef cqsmart")
    assert "fpath+=~/.zfunc" in (tmp_path / ".zshrc").read_text(encoding="utf-8")
    assert not (tmp_path / ".bashrc").exists()


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed (apt-get install zsh)")
def test_installed_completion_completes_in_zsh(tmp_path: Path) -> None:
    """Real zsh loads the installed script with compinit and completes a record id through it."""
    env = _path_env(tmp_path)
    assert run_installed("--install-completion", "zsh", cwd=tmp_path, env=env).returncode == 0
    # _arguments only runs inside an interactive completion widget: stand in for it and print what it gets.
    session = """
        fpath=(~/.zfunc $fpath); autoload -Uz compinit; compinit -u -d ~/.zcompdump
        print -r -- "registered: ${_comps[cqsmart]}"
        autoload -Uz _cqsmart
        _arguments() { print -r -- "$@"; }
        words=(cqsmart show yukangma-u); CURRENT=3
        _cqsmart
    """
    result = subprocess.run(["zsh", "-f", "-c", session], capture_output=True, text=True, timeout=60, env={**os.environ, **env})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "registered: _cqsmart"
    assert "yukangma-users" in result.stdout and "yukangma-visits" not in result.stdout


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed (apt-get install fish)")
def test_installed_completion_completes_in_fish(tmp_path: Path) -> None:
    """Real fish picks up the installed script and `complete -C` lists the matching record ids."""
    env = _path_env(tmp_path)
    installed = run_installed("--install-completion", "fish", cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stderr
    script = tmp_path / ".config" / "fish" / "completions" / "cqsmart.fish"
    assert script.is_file()
    result = subprocess.run(
        ["fish", "--no-config", "-c", f"source '{script}'; complete -C 'cqsmart show yukangma-'"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["yukangma-functions", "yukangma-users", "yukangma-visits"]
