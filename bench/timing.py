"""Repeat-and-take-the-median helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence


def median(values: Sequence[float]) -> float:
    """The median of ``values`` (they must not be empty)."""
    return statistics.median(values)


def interleaved(
    subject: Callable[[], float | None],
    floor: Callable[[], float | None],
    reps: int,
    warmup: int = 1,
) -> tuple[list[float], list[float]]:
    """Run ``subject`` and ``floor`` alternately ``reps`` times each; return their samples.

    Each callable returns the seconds it measured itself (so setup stays out of the
    number). Alternating, and swapping which goes first every round, spreads machine
    drift (other processes, thermal, caches) over both sides equally. ``warmup`` rounds
    run first and are thrown away: they fill the OS page cache and ``__pycache__``.
    """
    for _ in range(warmup):
        subject()
        floor()
    subject_times: list[float] = []
    floor_times: list[float] = []
    for round_no in range(reps):
        order = ((subject, subject_times), (floor, floor_times))
        if round_no % 2:
            order = order[::-1]
        for func, bucket in order:
            seconds = func()
            if seconds is not None:
                bucket.append(seconds)
    return subject_times, floor_times


def fmt_seconds(seconds: float) -> str:
    """A duration in the unit that reads best: µs, ms or s."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_bytes(size: float) -> str:
    """A memory size in MiB."""
    return f"{size / 2**20:.1f} MiB"
