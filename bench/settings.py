"""How much a benchmark run measures, and where it runs from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
#: The checkout: workers and the app under test run from here, so they measure its code.
REPO = BENCH.parent


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


def k(size: int) -> str:
    """A pack size as it reads in a row name: ``10k``, ``200``."""
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)
