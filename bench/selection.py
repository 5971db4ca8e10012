"""Time choosing a 20-question game from the built-in pack plus a pack of 1k, 10k and
100k hand-written questions.

Run: ``python bench/selection.py``. Packs are built in memory (the loader has its own
benchmark), so this measures selection only: the first call, which builds the
per-pack index once, and later games (median of several), with and without a
list of recently seen questions.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.facts import HandQuestion, Pack, PackInfo
from quiz.packs import load_pack
from quiz.paths import builtin_packs_dir
from quiz.selection import choose

CATEGORIES = ("Song facts", "Charts", "Music videos", "Credits", "Awards", "Critics", "Trivia")


def big_pack(size: int) -> Pack:
    """A pack of ``size`` hand-written questions over a few categories."""
    items = tuple(
        HandQuestion(
            id=f"q{i}",
            prompt=f"Question {i}?",
            answer=f"answer {i}",
            wrong=(f"wrong {i}a", f"wrong {i}b", f"wrong {i}c"),
            category=CATEGORIES[i % len(CATEGORIES)],
        )
        for i in range(size)
    )
    return Pack(info=PackInfo(id=f"big{size}", title="big"), questions=items)


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main() -> None:
    builtin = load_pack(str(builtin_packs_dir() / "wdta.yaml"))
    print(f"{'questions':>10} {'first call':>12} {'game (median)':>14} {'with 1k recent':>15}")
    for size in (1_000, 10_000, 100_000):
        packs = [builtin, big_pack(size)]
        first = timed(partial(choose, packs, 20, random.Random(0)))
        games = [timed(partial(choose, packs, 20, random.Random(s))) for s in range(1, 31)]
        recent = [f"big{size}:q:q{i}" for i in range(0, min(size, 3000), 3)]
        with_recent = [
            timed(partial(choose, packs, 20, random.Random(s), recent=recent))
            for s in range(1, 31)
        ]
        print(
            f"{size:>10,} {first * 1000:>10.2f}ms {statistics.median(games) * 1000:>12.3f}ms"
            f" {statistics.median(with_recent) * 1000:>13.3f}ms"
        )


if __name__ == "__main__":
    main()
