"""wdta-quiz benchmarks: every measurement against a floor timed in the same run.

Run from the repository root with the project's Python::

    .venv/bin/python bench/run.py            # full run (a few minutes: 100k-question packs)
    .venv/bin/python bench/run.py --quick    # small packs, fewer repetitions

It prints a Markdown table (measurement, result, floor, ratio, target, pass/fail) and
the machine it ran on. Every number is a median of several runs, subject and floor
alternating so that drift on a busy machine hits both. A piece of the game that does
not exist yet gives an "n/a (not built yet: ...)" row instead of a crash.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import machine  # noqa: E402
from pack_gen import write_pack  # noqa: E402
from pty_paint import PaintError, first_paint  # noqa: E402
from timing import fmt_bytes, fmt_seconds, interleaved, median  # noqa: E402

#: What the home screen of ``wdta-quiz play`` draws; the first paint is when it shows.
HOME_MARKER = "Play"
BARE_MARKER = "Bare bench ready"


@dataclass(frozen=True)
class Config:
    """How much to measure: pack sizes and repetitions."""

    sizes: tuple[int, ...] = (1_000, 10_000, 100_000)
    paint_reps: int = 7
    load_reps: dict[int, int] | None = None  # size -> repetitions (default by size)
    choose_calls: int = 50
    generate_calls: int = 5
    reveal_presses: int = 5
    reveal_rounds: int = 4

    def reps_for(self, size: int) -> int:
        """Repetitions of a pack load: fewer for the big packs (each takes seconds)."""
        if self.load_reps and size in self.load_reps:
            return self.load_reps[size]
        return 7 if size <= 1_000 else 5 if size <= 10_000 else 3


FULL = Config()
QUICK = Config(
    sizes=(200, 1_000),
    paint_reps=3,
    load_reps={200: 3, 1_000: 3},
    choose_calls=20,
    generate_calls=2,
    reveal_presses=3,
    reveal_rounds=2,
)


@dataclass
class Row:
    """One line of the results table."""

    measurement: str
    result: str
    floor: str = "—"
    ratio: float | None = None
    target: str = "—"
    passed: bool | None = None

    def cells(self) -> list[str]:
        """The row as table cells."""
        ratio = f"{self.ratio:.2f}x" if self.ratio is not None else "—"
        verdict = {True: "pass", False: "**FAIL**", None: "—"}[self.passed]
        return [self.measurement, self.result, self.floor, ratio, self.target, verdict]


def na_row(measurement: str, why: str, target: str = "—") -> Row:
    """A row for something that could not be measured."""
    return Row(measurement, f"n/a ({why})", target=target)


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    head = ["measurement", "result", "floor", "ratio", "target", "pass/fail"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [cell.replace("|", "\\|") for cell in row.cells()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# -- workers -----------------------------------------------------------------


def run_worker(mode: str, *args: object, home: Path, timeout: float = 900) -> dict:
    """Run ``bench/workers.py mode args`` in a fresh Python; return its JSON result.

    ``home`` becomes ``WDTA_QUIZ_HOME`` (so the pack cache goes there, never into the
    user's own folders). A crash or a timeout comes back as ``{"error": ...}``.
    """
    env = dict(os.environ, WDTA_QUIZ_HOME=str(home))
    cmd = [sys.executable, str(BENCH / "workers.py"), mode, *map(str, args)]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {"error": f"{mode} took over {timeout:.0f} s"}
    lines = done.stdout.strip().splitlines()
    try:
        return json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"{mode} exited {done.returncode}: {tail}"}


def _problem(result: dict) -> str | None:
    """Why a worker result has no numbers (None if it has them)."""
    if "na" in result:
        return result["na"]
    if "error" in result:
        return f"error: {result['error']}"
    return None


# -- first paint and memory ------------------------------------------------------


def measure_paint(cfg: Config, work: Path, installed: Path | None = None) -> list[Row]:
    """First paint and peak memory of ``play`` vs the bare app, in a 100x30 pty.

    With ``installed`` (a pack file), a second pair of rows has it installed in the
    user's packs folder, to show that a big pack does not delay the home screen.
    """
    # An installed wheel has its bytecode compiled by pip. A checkout does not, and with
    # PYTHONDONTWRITEBYTECODE set (as on this machine) every launch would recompile
    # quiz/ and measure the compiler, not the app. Textual's bytecode is already there.
    compileall.compile_dir(str(REPO / "quiz"), quiet=1)
    home = work / "paint-home"
    home.mkdir(exist_ok=True)
    rows = _paint_rows(cfg, home, "")
    if installed is not None and not rows[0].result.startswith("n/a"):
        big = work / "paint-home-big"
        (big / "packs").mkdir(parents=True, exist_ok=True)
        shutil.copy(installed, big / "packs" / installed.name)
        size = int(installed.stem.removeprefix("bench-"))
        label = f" ({_k(size)}-question pack installed)"
        rows += _paint_rows(cfg, big, label)
    return rows


def _paint_rows(cfg: Config, home: Path, label: str) -> list[Row]:
    env = dict(os.environ, WDTA_QUIZ_HOME=str(home))
    play_cmd = [sys.executable, "-m", "quiz", "play"]
    bare_cmd = [sys.executable, str(BENCH / "bare_app.py")]
    peaks: dict[str, list[int]] = {"play": [], "bare": []}
    cpus: dict[str, list[float]] = {"play": [], "bare": []}

    def launch(cmd: list[str], marker: str, key: str) -> Callable[[], float]:
        def run() -> float:
            paint = first_paint(cmd, marker, env=env, cwd=REPO)
            if paint.peak_rss is not None:
                peaks[key].append(paint.peak_rss)
            if paint.cpu_seconds is not None:
                cpus[key].append(paint.cpu_seconds)
            return paint.seconds

        return run

    name, mem_name = f"first paint of `play`{label}", f"peak memory of `play`{label}"
    try:
        play, bare = interleaved(
            launch(play_cmd, HOME_MARKER, "play"),
            launch(bare_cmd, BARE_MARKER, "bare"),
            cfg.paint_reps,
        )
    except PaintError as error:
        why = f"not built yet: {error}" if "coming soon" in str(error) else str(error)
        return [na_row(name, why, "<= 1.2x"), na_row(mem_name, why)]
    ratio = median(play) / median(bare)
    rows = [
        Row(
            name,
            fmt_seconds(median(play)),
            fmt_seconds(median(bare)),
            ratio,
            "<= 1.2x",
            ratio <= 1.2,
        )
    ]
    if cpus["play"] and cpus["bare"]:
        # Wall time on a busy machine includes waiting for a core; CPU time does not.
        play_cpu, bare_cpu = median(cpus["play"]), median(cpus["bare"])
        rows.append(
            Row(
                f"{name}: CPU time used by then",
                fmt_seconds(play_cpu),
                fmt_seconds(bare_cpu),
                play_cpu / bare_cpu,
                "<= 1.2x",
                play_cpu / bare_cpu <= 1.2,
            )
        )
    if peaks["play"] and peaks["bare"]:
        play_mem, bare_mem = median(peaks["play"]), median(peaks["bare"])
        rows.append(
            Row(
                mem_name,
                fmt_bytes(play_mem),
                fmt_bytes(bare_mem),
                play_mem / bare_mem,
                "report (no target)",
            )
        )
    else:
        rows.append(na_row(mem_name, "no /proc VmHWM on this system"))
    return rows


# -- pack load -------------------------------------------------------------------


@dataclass
class LoadResult:
    """Medians of one pack size: bare YAML, first load, cached load (seconds)."""

    size: int
    floor: float
    first: float | None = None
    cached: float | None = None
    problem: str | None = None


def measure_load(cfg: Config, work: Path, packs: dict[int, Path]) -> list[LoadResult]:
    """For each size: yaml floor, ``load_pack`` on an empty cache, then on the warm cache."""
    results = []
    for size in cfg.sizes:
        path = packs[size]
        floors, firsts, cacheds = [], [], []
        problem = None
        reps = cfg.reps_for(size)
        for rep in range(reps + 1):  # round 0 is a warm-up, thrown away
            home = Path(tempfile.mkdtemp(prefix=f"home-{size}-", dir=work))
            order = ["yaml", "first"] if rep % 2 else ["first", "yaml"]
            for step in order:
                if step == "yaml":
                    result = run_worker("yaml", path, home=home)
                else:
                    result = run_worker("load", path, home=home)
                    if not _problem(result) and result["items"] != size:
                        result = {"error": f"loaded {result['items']} questions of {size}"}
                if problem := problem or _problem(result):
                    break
                if rep:
                    (floors if step == "yaml" else firsts).append(result["seconds"])
            if problem:
                break
            cached = run_worker("load", path, home=home)
            if problem := _problem(cached):
                break
            if rep:
                cacheds.append(cached["seconds"])
            shutil.rmtree(home, ignore_errors=True)
        if problem and not floors:
            # The floor alone still says something about the file.
            result = run_worker("yaml", path, home=work)
            floors = [result["seconds"]] if not _problem(result) else []
        results.append(
            LoadResult(
                size,
                median(floors) if floors else float("nan"),
                median(firsts) if firsts else None,
                median(cacheds) if cacheds else None,
                problem,
            )
        )
    return results


def _k(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


def load_rows(results: list[LoadResult]) -> list[Row]:
    """First-load, cached-load and growth rows from the load results."""
    rows = []
    for res in results:
        name = f"load+validate {_k(res.size)} questions"
        per_k = 1000 / res.size
        floor = f"{fmt_seconds(res.floor)} ({fmt_seconds(res.floor * per_k)}/1k)"
        if res.first is None:
            rows.append(Row(name, f"n/a ({res.problem})", floor, target="<= 1.3x"))
            continue
        ratio = res.first / res.floor
        result = f"{fmt_seconds(res.first)} ({fmt_seconds(res.first * per_k)}/1k)"
        rows.append(Row(name, result, floor, ratio, "<= 1.3x", ratio <= 1.3))
        if res.cached is not None:
            cached_ratio = res.cached / res.first
            rows.append(
                Row(
                    f"second load {_k(res.size)} (cache hit)",
                    fmt_seconds(res.cached),
                    f"{fmt_seconds(res.first)} (first load)",
                    cached_ratio,
                    "<= 0.2x",
                    cached_ratio <= 0.2,
                )
            )
    measured = [res for res in results if res.first is not None]
    if len(measured) >= 2:
        small, big = measured[0], measured[-1]
        growth = (big.first / big.size) / (small.first / small.size)
        floor_growth = (big.floor / big.size) / (small.floor / small.size)
        rows.append(
            Row(
                f"load time per question, {_k(big.size)} vs {_k(small.size)}",
                f"{growth:.2f}x",
                f"{floor_growth:.2f}x (bare YAML)",
                growth,
                "<= 1.5x (linear)",
                growth <= 1.5,
            )
        )
    return rows


# -- selection, generation, reveal -------------------------------------------------


def measure_choose(cfg: Config, work: Path, packs: dict[int, Path], builtin: Path) -> list[Row]:
    """A 20-question game from the built-in pack plus each big pack: first and steady calls."""
    home = work / "choose-home"  # shared: the load cache from earlier runs makes setup quick
    rows, steadies = [], {}
    for size in cfg.sizes:
        result = run_worker("choose", builtin, packs[size], 20, cfg.choose_calls, home=home)
        name = f"choose 20 questions, built-in + {_k(size)}"
        if problem := _problem(result):
            rows.append(na_row(name, problem, "< 10 ms"))
            continue
        steady = median(result["steady"])
        steadies[size] = steady
        rows.append(Row(name, fmt_seconds(steady), target="< 10 ms", passed=steady < 0.010))
        rows.append(
            Row(
                f"first choose after loading ({_k(size)}; builds any index)",
                fmt_seconds(result["first_seconds"]),
                f"{fmt_seconds(result['load_seconds'])} (loading both packs)",
            )
        )
    if len(steadies) >= 2:
        small, big = min(steadies), max(steadies)
        growth = steadies[big] / steadies[small]
        rows.append(
            Row(
                f"choose time, {_k(big)} vs {_k(small)}",
                f"{growth:.2f}x",
                ratio=growth,
                target="<= 2x (flat)",
                passed=growth <= 2,
            )
        )
    return rows


def measure_generate(cfg: Config, work: Path, builtin: Path) -> list[Row]:
    """Every built-in question from ``generate_all``; the pack's first load is the floor."""
    name = "generate every built-in question"
    home = Path(tempfile.mkdtemp(prefix="generate-home-", dir=work))  # empty: a real first load
    result = run_worker("generate", builtin, cfg.generate_calls, home=home)
    if problem := _problem(result):
        return [na_row(name, problem)]
    gen, load = median(result["times"]), result["load_seconds"]
    return [
        Row(
            f"{name} ({result['questions']} questions)",
            fmt_seconds(gen),
            f"{fmt_seconds(load)} (loading the pack)",
            gen / load,
            "report (no target)",
        )
    ]


def measure_reveal(cfg: Config, work: Path) -> list[Row]:
    """Key "1" to the reveal screen via Pilot, vs a label change in the bare app."""
    name = "key press to reveal screen (Pilot)"
    home = work / "reveal-home"
    result = run_worker("reveal", cfg.reveal_presses, cfg.reveal_rounds, home=home)
    if problem := _problem(result):
        return [na_row(name, problem)]
    subject, floor = median(result["subject"]), median(result["floor"])
    pilot, pilot_floor = median(result["subject_pilot"]), median(result["floor_pilot"])
    return [
        Row(
            name,
            fmt_seconds(subject),
            f"{fmt_seconds(floor)} (bare label change)",
            subject / floor,
            "report (no target)",
        ),
        Row(
            "same, `pilot.press` + `pilot.pause()` round trip",
            fmt_seconds(pilot),
            fmt_seconds(pilot_floor),
            pilot / pilot_floor,
            "report (no target)",
        ),
    ]


# -- everything -------------------------------------------------------------------


def builtin_pack() -> Path:
    """The built-in pack file (from a checkout or the installed package)."""
    try:
        sys.path.insert(1, str(REPO))
        from quiz.paths import builtin_packs_dir

        return builtin_packs_dir() / "wdta.yaml"
    finally:
        sys.path.remove(str(REPO))


STEPS = ("paint", "load", "choose", "generate", "keypress")


def collect(
    cfg: Config,
    work: Path,
    log: Callable[[str], None] = print,
    only: tuple[str, ...] = STEPS,
) -> list[Row]:
    """Run the measurements named in ``only`` (all by default); return the table rows."""
    log(f"writing packs of {', '.join(map(_k, cfg.sizes))} questions ...")
    packs = {size: write_pack(work / "packs", size) for size in cfg.sizes}
    builtin = builtin_pack()
    rows: list[Row] = []
    steps: dict[str, Callable[[], list[Row]]] = {
        "paint": lambda: measure_paint(cfg, work, packs[max(cfg.sizes)]),
        "load": lambda: load_rows(measure_load(cfg, work, packs)),
        "choose": lambda: measure_choose(cfg, work, packs, builtin),
        "generate": lambda: measure_generate(cfg, work, builtin),
        "keypress": lambda: measure_reveal(cfg, work),
    }
    for label in only:
        step = steps[label]
        log(f"measuring {label} ...")
        try:
            rows += step()
        except Exception as error:
            rows.append(na_row(label, f"bench error: {type(error).__name__}: {error}"))
    return rows


def report(rows: list[Row], info: dict[str, str]) -> str:
    """The Markdown a run prints: machine line and table."""
    return machine.markdown(info) + "\n\n" + table(rows)


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the benchmarks, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
    if args.keep:
        work = Path(args.keep).resolve()
        work.mkdir(parents=True, exist_ok=True)
        rows = collect(cfg, work, log=lambda line: print(line, file=sys.stderr), only=only)
    else:
        with tempfile.TemporaryDirectory(prefix="wdta-bench-") as tmp:
            rows = collect(cfg, Path(tmp), log=lambda line: print(line, file=sys.stderr), only=only)
    sys.stderr.flush()
    print(report(rows, info), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
