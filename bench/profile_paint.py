"""Profile ``wdta-quiz play`` (or the bare app) from launch to its first frame.

``python bench/profile_paint.py [play|bare] [OUT.prof]`` runs the app in a 100x30
pseudo-terminal under cProfile, stops the profiler the moment Textual hands the first
non-empty frame to the driver, prints the top functions by cumulative time and saves
the stats (for snakeviz / pstats). Imports are profiled too: cProfile starts before
``quiz`` or ``textual`` is imported.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent

_CHILD = r"""
import cProfile, os, sys, time
profiler = cProfile.Profile()
start = time.perf_counter()
profiler.enable()
import textual.app

real_display = textual.app.App._display

def display(self, screen, renderable):
    real_display(self, screen, renderable)
    if renderable is not None and profiler is not None and not getattr(self, "_bench_done", 0):
        profiler.disable()
        self._bench_done = 1
        took = time.perf_counter() - start
        profiler.dump_stats(os.environ["BENCH_PROF_OUT"])
        with open(os.environ["BENCH_PROF_OUT"] + ".txt", "w") as out:
            out.write(f"{took}\n")
        self.exit()

textual.app.App._display = display
which = sys.argv[1]
if which == "play":
    from quiz.cli import main
    main(["play"])
else:
    sys.path.insert(0, os.environ["BENCH_DIR"])
    from bare_app import BareApp
    BareApp().run()
"""


def profile(which: str, out: Path, home: Path) -> float:
    """Run the profiled launch; return seconds from start of profiling to the first frame."""
    import os

    # Run as a script, Python puts bench/ on the path, not the checkout holding `bench`.
    sys.path.insert(0, str(BENCH.parent))
    from bench.pty_paint import PaintError, first_paint

    env = dict(os.environ, WDTA_QUIZ_HOME=str(home), BENCH_PROF_OUT=str(out), BENCH_DIR=str(BENCH))
    try:
        first_paint([sys.executable, "-c", _CHILD, which], "\x00never", env=env, timeout=30)
    except PaintError:
        pass  # expected: the child exits right after its first frame
    return float(Path(f"{out}.txt").read_text())


def main(argv: list[str]) -> int:
    """Profile, print the top of the profile."""
    import pstats
    import tempfile

    which = argv[0] if argv else "play"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(argv[1]) if len(argv) > 1 else Path(tmp) / f"{which}.prof"
        profile(which, out, Path(tmp) / "home")  # warm-up: pyc, page cache, config
        took = profile(which, out, Path(tmp) / "home")
        print(f"{which}: {took * 1000:.0f} ms from profiler start to first frame (profiled)")
        stats = pstats.Stats(str(out))
        stats.sort_stats("cumulative").print_stats(45)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
