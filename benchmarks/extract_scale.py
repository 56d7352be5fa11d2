"""How `cqsmart extract` scales: time and peak memory for 1, 4 and 16 MB of hostile and of normal text.

    python benchmarks/extract_scale.py [--sizes 1,4,16] [--cases all] [--text PATH] [--timeout 120] [--check]

Each case is a text of the given size in MB, written to a file and drafted by a separate
`cqsmart extract FILE --output …` process, whose wall time and peak resident memory (from wait4)
are printed. Hostile cases are the reproductions of issue 20 (a run of dots and digits before a
percent sign, 万 after 万 before 亿元, long digit runs, the whole text on one line, lines that never
end a sentence); the normal case is the genre's own prose (tests/extract_texts, or --text) repeated.
Then, per case, the time per MB at the largest size over that at the smallest: linear growth is a
ratio near 1, quadratic growth a ratio near the size ratio (16). Targets: the ratio ≤ 2 and the
16 MB peak under 800 MB. Timings are reported here, never asserted in tests; `--check` exits 1
when a target is missed. A run past --timeout seconds is killed and shown as such.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "extract_texts"
MB = 1024 * 1024


def repeated(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """head, then unit as often as fits in size bytes of UTF-8, then tail."""
    count = max(1, (size - len((head + tail).encode())) // len(unit.encode()))
    return head + unit * count + tail


def prose(paths: list[Path]) -> str:
    return "\n\n".join(path.read_text(encoding="utf-8").strip() for path in paths) + "\n\n"


def cases(normal: str) -> dict[str, Callable[[int], str]]:
    one_line = "".join(normal.split())
    return {
        "dots": lambda size: repeated("1.2.3.4.5.", size, "2020年数字经济增长", "%"),
        "wan": lambda size: repeated("1万", size, "约", "亿元"),
        "digits": lambda size: repeated("9", size, "全市数字经济增加值达到", "亿元。"),
        "digit-lines": lambda size: repeated("增长" + "7" * 5000 + "%。\n", size),
        "no-stops": lambda size: repeated("全市数字经济增加值达到1250亿元增长16%", size),
        "one-line": lambda size: repeated(one_line, size),
        "normal": lambda size: repeated(normal, size),
    }


def run(command: list[str], timeout: float) -> tuple[float, float, str]:
    """Wall time in seconds, peak resident memory in MB and how the process ended."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, "timeout"
        time.sleep(0.01)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    return elapsed, usage.ru_maxrss / 1024, "ok" if code == 0 else f"exit {code}: {stderr.strip()[-200:]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="text sizes in MB, comma-separated")
    parser.add_argument("--cases", default="all", help="comma-separated case names, or all")
    parser.add_argument("--text", action="append", type=Path, help="a text of the genre to repeat (default: the samples)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a run is killed")
    parser.add_argument("--python", default=sys.executable, help="the interpreter cqsmart is installed for")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]
    script = Path(args.python).parent / "cqsmart"
    tool = [str(script)] if script.exists() else [args.python, "-m", "cqsmart"]
    makers = cases(prose(args.text or sorted(SAMPLES.glob("*.txt"))))
    chosen = list(makers) if args.cases == "all" else args.cases.split(",")
    workdir = Path(tempfile.mkdtemp(prefix="cqsmart-extract-scale-"))

    print(f"{'case':>12} {'MB':>5} {'seconds':>8} {'s per MB':>9} {'peak MB':>8}  result")
    missed = False
    for name in chosen:
        per_mb: dict[float, float] = {}
        for size in sizes:
            text = workdir / f"{name}-{size:g}.txt"
            text.write_text(makers[name](int(size * MB)), encoding="utf-8")
            seconds, peak, result = run(
                [*tool, "extract", str(text), "--output", str(workdir / "draft.json"), "--force"], args.timeout
            )
            text.unlink()
            if result == "ok":
                per_mb[size] = seconds / size
            if size == max(sizes):
                missed |= result != "ok" or peak >= 800
            print(f"{name:>12} {size:5g} {seconds:8.2f} {seconds / size:9.3f} {peak:8.0f}  {result}")
        low, high = min(sizes), max(sizes)
        if low in per_mb and high in per_mb and high > low:
            ratio = per_mb[high] / per_mb[low]
            missed |= ratio > 2
            verdict = "PASS" if ratio <= 2 else "OVER"
            print(f"{name:>12} time per MB at {high:g} MB / at {low:g} MB: {ratio:.2f}  (target ≤ 2: {verdict})")
        else:
            missed = True
            print(f"{name:>12} no ratio: a run did not finish")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
