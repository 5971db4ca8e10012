"""Choosing a game's questions from the built-in pack plus a big pack."""

from __future__ import annotations

from pathlib import Path

from bench.report import Row
from bench.settings import Config, k
from bench.spawn import run_worker
from bench.timing import fmt_seconds, median


def measure_choose(cfg: Config, work: Path, packs: dict[int, Path], builtin: Path) -> list[Row]:
    """A 20-question game from the built-in pack plus each big pack: first and steady calls."""
    home = work / "choose-home"  # shared: the load cache from earlier runs makes setup quick
    rows, steadies = [], {}
    for size in cfg.sizes:
        result = run_worker("choose", builtin, packs[size], 20, cfg.choose_calls, home=home)
        steady = median(result["steady"])
        steadies[size] = steady
        rows.append(
            Row(
                f"choose 20 questions, built-in + {k(size)}",
                fmt_seconds(steady),
                target="< 10 ms",
                passed=steady < 0.010,
            )
        )
        rows.append(
            Row(
                f"first choose after loading ({k(size)}; builds any index)",
                fmt_seconds(result["first_seconds"]),
                f"{fmt_seconds(result['load_seconds'])} (loading both packs)",
            )
        )
    if len(steadies) >= 2:
        small, big = min(steadies), max(steadies)
        growth = steadies[big] / steadies[small]
        rows.append(
            Row(
                f"choose time, {k(big)} vs {k(small)}",
                f"{growth:.2f}x",
                ratio=growth,
                target="<= 2x (flat)",
                passed=growth <= 2,
            )
        )
    return rows
