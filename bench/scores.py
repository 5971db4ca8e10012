"""`scores`, `scores --format json` and the Scores screen with many players and games.

A league of 1,000 players and 5,000 games (200 and 1,000 with ``--quick``) is written
once (``bench.scores_league``). The commands run as a user runs them, a fresh process
each time, against the floor of the same command on a database of one game (start-up,
imports, opening the file: what any size pays). The screen is timed from
``push_screen`` to its first frame handed to the driver, through Pilot, against a
screen holding one label. Before this was made quick the three took 3.1 s, 5.5 s and
about 5 s. Run it alone with ``.venv/bin/python bench/run.py --only scores``.

``python -m bench.scores screen DB REPS`` is the in-process half of the screen row.
"""

from __future__ import annotations

import asyncio
import compileall
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.report import Row
from bench.settings import REPO, Config
from bench.spawn import BenchError
from bench.timing import fmt_seconds, interleaved, median

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen

#: Each of the three may take this long at the full size, whatever the floor.
TARGET_SECONDS = 0.300


def _league(work: Path, name: str, players: int, games: int) -> Path:
    """A home folder whose scores database holds a generated league."""
    from bench.scores_league import write_league

    home = work / name
    home.mkdir(parents=True, exist_ok=True)
    db = home / "scores.sqlite3"
    if not db.exists():
        write_league(db, players, games)
    return home


def _command(home: Path, *argv: str) -> float:
    """Seconds one ``wdta-quiz scores ARGV`` takes, as a new process with ``home``."""
    env = dict(os.environ, WDTA_QUIZ_HOME=str(home))
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "scores", *argv],
        cwd=REPO, env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = (done.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        raise RuntimeError(f"scores {' '.join(argv)} exited {done.returncode}: {tail}")
    return seconds


def _screen_worker(db: Path, reps: int, home: Path) -> dict[str, list[float]]:
    """Run the screen half in a fresh Python (``main`` below); its timings."""
    env = dict(os.environ, WDTA_QUIZ_HOME=str(home))
    done = subprocess.run(
        [sys.executable, "-m", "bench.scores", "screen", str(db), str(reps)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    try:
        result: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise BenchError(f"scores screen exited {done.returncode}: {tail}") from None
    return result


def _row(name: str, subject: float, floor: float, floor_name: str, full: bool) -> Row:
    return Row(
        name,
        fmt_seconds(subject),
        f"{fmt_seconds(floor)} ({floor_name})",
        subject / floor if floor > 0 else None,
        f"< {TARGET_SECONDS * 1000:.0f} ms" if full else "report (quick size)",
        subject < TARGET_SECONDS if full else None,
    )


def measure_scores(cfg: Config, work: Path) -> list[Row]:
    """One row each for `scores`, `scores --format json` and the Scores screen."""
    # As in bench.paint: an installed wheel has its bytecode (pip compiles it); a
    # checkout under PYTHONDONTWRITEBYTECODE would time the compiler at every launch.
    compileall.compile_dir(str(REPO / "quiz"), quiet=1)
    full = cfg.sizes[-1] >= 10_000
    tiny = cfg.sizes[-1] < 1_000  # the smoke test's: only that the rows come out
    players, games = (1_000, 5_000) if full else (30, 60) if tiny else (200, 1_000)
    reps = 5 if full else 1 if tiny else 3
    big = _league(work, f"scores-{players}", players, games)
    small = _league(work, "scores-1", 8, 1)
    size = f"{players:,} players, {games:,} games"
    rows = []
    for label, argv in (("`scores`", ()), ("`scores --format json`", ("--format", "json"))):
        subject, floor = interleaved(
            lambda argv=argv: _command(big, *argv), lambda argv=argv: _command(small, *argv), reps
        )
        rows.append(_row(f"{label}, {size}", median(subject), median(floor), "one game", full))
    result = _screen_worker(big / "scores.sqlite3", reps, work / "scores-screen")
    rows.append(
        _row(
            f"Scores screen to first frame (Pilot), {size}",
            median(result["subject"]),
            median(result["floor"]),
            "a screen with one label",
            full,
        )
    )
    return rows


# -- the in-process half ------------------------------------------------------------


async def _screen_times(db: Path, reps: int) -> dict[str, list[float]]:
    """Seconds from ``push_screen`` to the first frame: the Scores screen and the floor."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen as BaseScreen
    from textual.widgets import Label

    from quiz.store import Store
    from quiz.ui.screens.scores import ScoresScreen

    class Floor(BaseScreen[None]):
        def compose(self) -> ComposeResult:
            yield Label("Scores")

    app: App[None] = App()
    drawn = asyncio.Event()
    watched: list[Any] = [None, 0.0]
    original = app._display

    def display(screen: Screen[Any], renderable: RenderableType | None) -> None:
        original(screen, renderable)
        if renderable is not None and screen is watched[0]:
            watched[1] = time.perf_counter()
            watched[0] = None
            drawn.set()

    setattr(app, "_display", display)  # noqa: B010 - an instance attribute over a method
    times: dict[str, list[float]] = {"subject": [], "floor": []}
    makers = {
        "subject": lambda: ScoresScreen(
            lambda: Store.open(db, check=False), prompt_finder=lambda ids: {}
        ),
        "floor": Floor,
    }
    async with app.run_test(size=(80, 24)) as pilot:
        for round_no in range(reps + 1):  # the first round warms imports and caches
            order = ["subject", "floor"][:: -1 if round_no % 2 else 1]
            for kind in order:
                screen = makers[kind]()
                drawn.clear()
                watched[0] = screen
                start = time.perf_counter()
                app.push_screen(screen)
                await asyncio.wait_for(drawn.wait(), 60)
                if round_no:
                    times[kind].append(watched[1] - start)
                app.pop_screen()
                await pilot.pause()
    return times


def main(argv: list[str]) -> int:
    """``screen DB REPS``: print the screen timings as one JSON line."""
    mode, db, reps = argv
    if mode != "screen":
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(asyncio.run(_screen_times(Path(db), int(reps)))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
