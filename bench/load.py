"""Pack load and validation against a bare ``yaml.load`` of the same file, and the cache."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench.report import Row
from bench.settings import Config, k
from bench.spawn import BenchError, run_worker
from bench.timing import fmt_seconds, median


@dataclass
class LoadResult:
    """Medians of one pack size: bare YAML, first load, cached load (seconds)."""

    size: int
    floor: float
    first: float
    cached: float


def measure_load(cfg: Config, work: Path, packs: dict[int, Path]) -> list[LoadResult]:
    """For each size: yaml floor, ``load_pack`` on an empty cache, then on the warm cache."""
    return [_measure_size(cfg.reps_for(size), work, size, packs[size]) for size in cfg.sizes]


def _measure_size(reps: int, work: Path, size: int, path: Path) -> LoadResult:
    floors: list[float] = []
    firsts: list[float] = []
    cacheds: list[float] = []
    for rep in range(reps + 1):  # round 0 is a warm-up, thrown away
        home = Path(tempfile.mkdtemp(prefix=f"home-{size}-", dir=work))
        order = ["yaml", "load"] if rep % 2 else ["load", "yaml"]
        for mode in order:
            result = run_worker(mode, path, home=home)
            if mode == "load" and result["items"] != size:
                raise BenchError(f"loaded {result['items']} questions of {size}")
            if rep:
                (floors if mode == "yaml" else firsts).append(result["seconds"])
        cached = run_worker("load", path, home=home)  # the same home: the cache is warm
        if rep:
            cacheds.append(cached["seconds"])
        shutil.rmtree(home, ignore_errors=True)
    return LoadResult(size, median(floors), median(firsts), median(cacheds))


def load_rows(results: list[LoadResult]) -> list[Row]:
    """First-load, cached-load and growth rows from the load results."""
    rows = []
    for res in results:
        per_k = 1000 / res.size
        ratio = res.first / res.floor
        rows.append(
            Row(
                f"load+validate {k(res.size)} questions",
                f"{fmt_seconds(res.first)} ({fmt_seconds(res.first * per_k)}/1k)",
                f"{fmt_seconds(res.floor)} ({fmt_seconds(res.floor * per_k)}/1k)",
                ratio,
                "<= 1.3x",
                ratio <= 1.3,
            )
        )
        cached_ratio = res.cached / res.first
        rows.append(
            Row(
                f"second load {k(res.size)} (cache hit)",
                fmt_seconds(res.cached),
                f"{fmt_seconds(res.first)} (first load)",
                cached_ratio,
                "<= 0.2x",
                cached_ratio <= 0.2,
            )
        )
    if len(results) >= 2:
        small, big = results[0], results[-1]
        growth = (big.first / big.size) / (small.first / small.size)
        floor_growth = (big.floor / big.size) / (small.floor / small.size)
        rows.append(
            Row(
                f"load time per question, {k(big.size)} vs {k(small.size)}",
                f"{growth:.2f}x",
                f"{floor_growth:.2f}x (bare YAML)",
                growth,
                "<= 1.5x (linear)",
                growth <= 1.5,
            )
        )
    return rows
