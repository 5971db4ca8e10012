"""First paint and peak memory of ``wdta-quiz play`` against a bare Textual app.

Peak memory is read from /proc (VmHWM), so it has rows only where there is one (Linux).
"""

from __future__ import annotations

import compileall
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from bench.pty_paint import first_paint
from bench.report import Row
from bench.settings import BENCH, REPO, Config, k
from bench.timing import fmt_bytes, fmt_seconds, interleaved, median

#: What the home screen of ``wdta-quiz play`` draws; the first paint is when it shows.
HOME_MARKER = "Play"
BARE_MARKER = "Bare bench ready"
TARGET = "<= 1.2x"


def measure_paint(cfg: Config, work: Path, installed: Path | None = None) -> list[Row]:
    """First paint and peak memory of ``play`` vs the bare app, in a 100x30 pty.

    With ``installed`` (a pack file), a second set of rows has it installed in the
    user's packs folder, to show that a big pack does not delay the home screen.
    """
    # An installed wheel has its bytecode compiled by pip. A checkout does not, and with
    # PYTHONDONTWRITEBYTECODE set (as on this machine) every launch would recompile
    # quiz/ and measure the compiler, not the app. Textual's bytecode is already there.
    compileall.compile_dir(str(REPO / "quiz"), quiet=1)
    home = work / "paint-home"
    home.mkdir(exist_ok=True)
    rows = _paint_rows(cfg, home, "")
    if installed is not None:
        big = work / "paint-home-big"
        (big / "packs").mkdir(parents=True, exist_ok=True)
        shutil.copy(installed, big / "packs" / installed.name)
        size = int(installed.stem.removeprefix("bench-"))
        rows += _paint_rows(cfg, big, f" ({k(size)}-question pack installed)")
    return rows


class _Launches:
    """Launches of one command in a pty; keeps the peak memory and CPU time of each."""

    def __init__(self, cmd: list[str], marker: str, home: Path) -> None:
        self.cmd, self.marker = cmd, marker
        self.env = dict(os.environ, WDTA_QUIZ_HOME=str(home))
        self.peaks: list[int] = []
        self.cpus: list[float] = []

    def launch(self) -> float:
        """Seconds from spawn to the marker on screen."""
        paint = first_paint(self.cmd, self.marker, env=self.env, cwd=REPO)
        if paint.peak_rss is not None:
            self.peaks.append(paint.peak_rss)
        if paint.cpu_seconds is not None:
            self.cpus.append(paint.cpu_seconds)
        return paint.seconds


def _paint_rows(cfg: Config, home: Path, label: str) -> list[Row]:
    play = _Launches([sys.executable, "-m", "quiz", "play"], HOME_MARKER, home)
    bare = _Launches([sys.executable, str(BENCH / "bare_app.py")], BARE_MARKER, home)
    play_times, bare_times = interleaved(play.launch, bare.launch, cfg.paint_reps)
    name = f"first paint of `play`{label}"
    rows = [_ratio_row(name, median(play_times), median(bare_times), fmt_seconds, TARGET)]
    if play.cpus and bare.cpus:
        # Wall time on a busy machine includes waiting for a core; CPU time does not.
        cpu_name = f"{name}: CPU time used by then"
        rows.append(_ratio_row(cpu_name, median(play.cpus), median(bare.cpus), fmt_seconds, TARGET))
    if play.peaks and bare.peaks:
        mem_name = f"peak memory of `play`{label}"
        play_mem, bare_mem = median(play.peaks), median(bare.peaks)
        rows.append(_ratio_row(mem_name, play_mem, bare_mem, fmt_bytes, None))
    return rows


def _ratio_row(
    name: str, subject: float, floor: float, fmt: Callable[[float], str], target: str | None
) -> Row:
    """A row of ``subject`` against ``floor``; ``target`` ``"<= Nx"`` or ``None`` to report."""
    ratio = subject / floor
    if target is None:
        return Row(name, fmt(subject), fmt(floor), ratio, "report (no target)")
    limit = float(target.removeprefix("<= ").removesuffix("x"))
    return Row(name, fmt(subject), fmt(floor), ratio, target, ratio <= limit)
