"""Pack loading speed against a bare ``yaml.load(text, Loader=CSafeLoader)`` of the same file.

Run: ``.venv/bin/python bench/packs_load.py [SIZES...]`` (default 1000 10000 100000).
For each size it writes a pack of that many hand-written questions, then prints the
best-of-N time of the bare YAML load (the floor), of ``load_pack`` with no cache
(load + validate), and of a second ``load_pack`` served by the cache, with the ratios.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.packs import load_pack


def write_pack(path: Path, count: int) -> None:
    """A pack of ``count`` questions that look like real ones (quotes, apostrophes, lists)."""
    lines = [
        "format: 1",
        "pack: bench",
        "title: Benchmark pack",
        "author: bench",
        "pools:",
        "  labels: [Atlantic, Columbia, Interscope, Republic]",
        "questions:",
    ]
    for i in range(count):
        lines += [
            f"  - prompt: Which single did Charlie Puth release in week {i} of his career?",
            f"    answer: Song number {i}",
            f'    wrong: [Don\'t Go {i}, "Quoted {i}", Other song {i}]',
            f"    category: Category {i % 9}",
            "    difficulty: medium",
            f"    explanation: Because {i} comes after {i - 1}, and that's that.",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(sizes: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WDTA_QUIZ_HOME"] = str(Path(tmp) / "home")
        print(
            f"{'questions':>10} {'MiB':>6} {'yaml.load':>10} {'load_pack':>10} {'ratio':>6}"
            f" {'(no gc)':>8} {'ratio':>6} {'cached':>8} {'ratio':>6}"
        )
        for size in sizes:
            path = Path(tmp) / f"pack-{size}.yaml"
            write_pack(path, size)
            text = path.read_text(encoding="utf-8")
            repeat = 5 if size <= 10_000 else 2
            floor = best(partial(yaml.load, text, Loader=yaml.CSafeLoader), repeat)
            gc.disable()  # the loader turns the cyclic GC off while it works: the same for yaml
            try:
                floor_nogc = best(partial(yaml.load, text, Loader=yaml.CSafeLoader), repeat)
            finally:
                gc.enable()

            def uncached(p: Path = path) -> float:
                cache = Path(os.environ["WDTA_QUIZ_HOME"]) / "cache"
                for entry in cache.glob("packs/*"):
                    entry.unlink()
                start = time.perf_counter()
                load_pack(p)
                return time.perf_counter() - start

            full = min(uncached() for _ in range(repeat))
            cached = best(partial(load_pack, path), repeat)
            mib = path.stat().st_size / 2**20
            print(
                f"{size:>10} {mib:>6.1f} {floor:>9.3f}s {full:>9.3f}s {full / floor:>6.2f}"
                f" {floor_nogc:>7.3f}s {full / floor_nogc:>6.2f}"
                f" {cached:>7.3f}s {cached / full:>6.2f}"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10_000, 100_000])
