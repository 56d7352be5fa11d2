"""Start-up time of cqsmart, as ratios to `python -c "import typer"` on the same machine.

Run from a checkout with the project installed (a plain `pip install .` is the honest measure: an
editable install under PYTHONDONTWRITEBYTECODE recompiles cqsmart on every run):

    python benchmarks/startup.py [--pairs 21] [--python PATH] [--check]

Each case is timed as a whole process, alternating with the baseline in the same loop (after a
warm-up), and the median of the per-pair ratios is printed with the target. The fact-base cache is
warmed first, since every run after the first answers from it. Ratios, not milliseconds, are
compared: they hold across machines far better. Nothing here is asserted by the test suite;
`--check` exits 1 when a ratio is over its target.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = """
import typer
app = typer.Typer()
@app.command()
def hello(name: str = "world") -> None:
    print(f"hello {name}")
@app.command()
def bye() -> None:
    print("bye")
app()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def cqsmart(python: str) -> list[str]:
    script = Path(python).parent / "cqsmart"
    return [str(script)] if script.exists() else [python, "-m", "cqsmart"]


def versions(python: str) -> str:
    probe = (
        "from importlib import metadata as m; print(*(f'{p} {m.version(p)}' for p in ('typer', 'pydantic', 'rich')), sep=', ')"
    )
    return subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=21, help="timed pairs per case (at least 15)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter cqsmart is installed for")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    pairs = max(args.pairs, 15)
    python = args.python
    tool = cqsmart(python)
    workdir = Path(tempfile.mkdtemp(prefix="cqsmart-bench-"))
    hello = workdir / "hello.py"
    hello.write_text(HELLO, encoding="utf-8")
    env = {**os.environ, "CQSMART_CACHE_DIR": str(workdir / "cache"), "COLUMNS": "100"}
    env.pop("CQSMART_FACTS", None)
    completion = {**env, "_CQSMART_COMPLETE": "complete_bash", "COMP_WORDS": "cqsmart stats --metric ", "COMP_CWORD": "3"}
    cases: list[tuple[str, list[str], dict[str, str], float | None]] = [
        ("stats --year 2020 --json", [*tool, "stats", "--year", "2020", "--json"], env, 1.5),
        ("stats --year 2020 (table)", [*tool, "stats", "--year", "2020"], env, 2.0),
        ("--help", [*tool, "--help"], env, 1.5),
        (
            "extract the interview (table)",
            [
                *tool,
                "extract",
                str(
                    Path(__file__).resolve().parents[2]
                    / "shared"
                    / "sources"
                    / "chongqing-daily-2021-08-smart-city-interview.txt"
                ),
            ],
            env,
            3.0,
        ),
        # ask and search read the cached index of the fact base (built on the first run, as the cache is).
        ("ask '渝康码有多少项功能?' (table)", [*tool, "ask", "渝康码有多少项功能?"], env, 2.0),
        ("ask 'How many Yukuaiban users?' --json", [*tool, "ask", "How many Yukuaiban users?", "--json"], env, 2.0),
        ("search 渝康码功能 --json", [*tool, "search", "渝康码功能", "--json"], env, 1.5),
        ("completion: stats --metric <TAB>", tool, completion, 1.5),
        ("hello-world Typer app (reference)", [python, str(hello), "hello"], env, None),
        ("import typer + pydantic (reference)", [python, "-c", "import typer, pydantic; pydantic.BaseModel"], env, None),
    ]
    baseline = [python, "-c", "import typer"]

    check = subprocess.run(tool, env=completion, capture_output=True, text=True, check=False)
    if not check.stdout.strip():
        print("warning: completion produced no suggestions; that case measures nothing useful", file=sys.stderr)
    typer_pulls_pydantic = subprocess.run(
        [
            python,
            "-c",
            HELLO.replace("app()", "app(['bye'], standalone_mode=False); import sys; print('pydantic' in sys.modules)"),
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()

    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; {versions(python)}")
    print(
        f"a Typer app imports pydantic when it runs: {'yes' if typer_pulls_pydantic.endswith('True') else 'no'}"
        " (0.29 does, costing about 2.4x; pyproject pins <0.29)"
    )
    print(f"{pairs} pairs per case after 3 warm-up runs; fact-base cache warm; baseline: python -c 'import typer'")
    print()
    print(f"{'case':40} {'ratio':>6} {'case ms':>8} {'base ms':>8}  target")
    missed = False
    for name, command, case_env, target in cases:
        for _ in range(3):
            timed(command, case_env)
            timed(baseline, env)
        ratios, case_times, base_times = [], [], []
        for _ in range(pairs):
            case_time, base_time = timed(command, case_env), timed(baseline, env)
            ratios.append(case_time / base_time)
            case_times.append(case_time)
            base_times.append(base_time)
        ratio = statistics.median(ratios)
        verdict = "" if target is None else f"≤ {target:.1f}×  {'PASS' if ratio <= target else 'OVER'}"
        missed |= target is not None and ratio > target
        case_ms, base_ms = statistics.median(case_times) * 1000, statistics.median(base_times) * 1000
        print(f"{name:40} {ratio:5.2f}× {case_ms:8.1f} {base_ms:8.1f}  {verdict}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
