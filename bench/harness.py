"""A benchmark run: write the packs, run each step, print the table.

Every number is a median of several runs, subject and floor alternating so that drift
on a busy machine hits both. A step that fails gives a failing row naming the error
(the other steps still run) and the run exits 1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench import machine
from bench.choose import measure_choose
from bench.generate import measure_generate
from bench.keypress import measure_keypress
from bench.lint import measure_lint
from bench.load import load_rows, measure_load
from bench.pack_gen import write_pack
from bench.paint import measure_paint
from bench.report import Row, report
from bench.scores import measure_scores
from bench.settings import FULL, QUICK, Config, k

STEPS = ("paint", "load", "choose", "generate", "keypress", "lint", "scores")
#: The start of a row's result when its step failed.
FAILED = "bench error"


def builtin_pack() -> Path:
    """The built-in pack file (from a checkout or the installed package)."""
    from quiz.paths import builtin_packs_dir

    return builtin_packs_dir() / "wdta.yaml"


def collect(
    cfg: Config,
    work: Path,
    log: Callable[[str], None] = print,
    only: tuple[str, ...] = STEPS,
) -> list[Row]:
    """Run the measurements named in ``only`` (all by default); return the table rows."""
    log(f"writing packs of {', '.join(map(k, cfg.sizes))} questions ...")
    packs = {size: write_pack(work / "packs", size) for size in cfg.sizes}
    builtin = builtin_pack()
    steps: dict[str, Callable[[], list[Row]]] = {
        "paint": lambda: measure_paint(cfg, work, packs[max(cfg.sizes)]),
        "load": lambda: load_rows(measure_load(cfg, work, packs)),
        "choose": lambda: measure_choose(cfg, work, packs, builtin),
        "generate": lambda: measure_generate(cfg, work, builtin),
        "keypress": lambda: measure_keypress(cfg, work),
        "lint": lambda: measure_lint(cfg),
        "scores": lambda: measure_scores(cfg, work),
    }
    rows: list[Row] = []
    for label in only:
        log(f"measuring {label} ...")
        try:
            rows += steps[label]()
        except Exception as error:
            # One broken step must not throw away the minutes the others took.
            why = f"{FAILED}: {type(error).__name__}: {error}"
            rows.append(Row(label, why, passed=False))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the benchmarks, print the table; 1 if a step failed."""
    parser = argparse.ArgumentParser(description="wdta-quiz benchmarks")
    parser.add_argument("--quick", action="store_true", help="small packs, fewer repetitions")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (packs, homes)")
    parser.add_argument(
        "--only",
        metavar="STEPS",
        default=",".join(STEPS),
        help=f"comma-separated subset of {','.join(STEPS)} (default: all)",
    )
    args = parser.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    only = tuple(step.strip() for step in args.only.split(",") if step.strip())
    unknown = [step for step in only if step not in STEPS]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}; choose from {', '.join(STEPS)}")
    info = machine.describe()

    def log(line: str) -> None:
        print(line, file=sys.stderr)

    if args.keep:
        work = Path(args.keep).resolve()
        work.mkdir(parents=True, exist_ok=True)
        rows = collect(cfg, work, log, only)
    else:
        with tempfile.TemporaryDirectory(prefix="wdta-bench-") as tmp:
            rows = collect(cfg, Path(tmp), log, only)
    sys.stderr.flush()
    print(report(rows, info), flush=True)
    return 1 if any(row.result.startswith(FAILED) for row in rows) else 0
