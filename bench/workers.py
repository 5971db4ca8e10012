"""The in-process halves of the benchmarks, each run in a fresh Python by the harness.

``python -m bench.workers MODE ARGS...`` (from the checkout) times one thing and prints
one JSON object on its last line: the numbers, or ``{"error": why}`` when it failed.
A fresh process per measurement means no memo, import or garbage left over from the
last one distorts the next, and a second load really is the next launch reading the
on-disk cache. Each mode imports what it measures itself, inside the timed process.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.facts import Pack

Result = dict[str, Any]


def _count(pack: Pack) -> int:
    return len(pack.questions) + len(pack.facts)


# -- modes -----------------------------------------------------------------


def mode_yaml(path: str) -> Result:
    """The floor of a pack load: read the file and ``yaml.load`` it with CSafeLoader."""
    import yaml

    start = time.perf_counter()
    text = Path(path).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "items": len(data.get("questions") or ())}


def mode_load(path: str) -> Result:
    """One ``load_pack(path)`` with whatever cache ``WDTA_QUIZ_HOME`` points at."""
    from quiz.packs import load_pack

    start = time.perf_counter()
    pack = load_pack(path)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "items": len(pack.questions)}


def mode_choose(builtin: str, path: str, count: str, calls: str) -> Result:
    """``choose(packs, count, rng)`` over the built-in pack plus ``path``: first and later calls."""
    from quiz.packs import load_pack
    from quiz.selection import choose

    start = time.perf_counter()
    packs = [load_pack(builtin), load_pack(path)]
    load_seconds = time.perf_counter() - start
    number = int(count)
    start = time.perf_counter()
    first = choose(packs, number, random.Random(0))
    first_seconds = time.perf_counter() - start
    if len(first) != number:
        return {"error": f"choose returned {len(first)} questions, not {number}"}
    steady = []
    for seed in range(1, int(calls) + 1):
        rng = random.Random(seed)
        start = time.perf_counter()
        choose(packs, number, rng)
        steady.append(time.perf_counter() - start)
    return {
        "load_seconds": load_seconds,
        "first_seconds": first_seconds,
        "steady": steady,
        "items": sum(_count(p) for p in packs),
    }


def mode_generate(builtin: str, calls: str) -> Result:
    """``generate_all([builtin pack], rng)`` several times; the pack load is the floor."""
    from quiz.generators import generate_all
    from quiz.packs import load_pack

    start = time.perf_counter()
    pack = load_pack(builtin)
    load_seconds = time.perf_counter() - start
    times = []
    made = 0
    for seed in range(int(calls)):
        start = time.perf_counter()
        made = len(list(generate_all([pack], random.Random(seed))))
        times.append(time.perf_counter() - start)
    return {"load_seconds": load_seconds, "times": times, "questions": made}


def mode_reveal(presses: str, rounds: str) -> Result:
    """Key "1" to the reveal screen in the game vs a label change in the bare app, via Pilot."""
    import asyncio

    from bench.reveal_pilot import measure_reveal

    return asyncio.run(measure_reveal(int(presses), int(rounds)))


MODES: dict[str, Callable[..., Result]] = {
    "yaml": mode_yaml,
    "load": mode_load,
    "choose": mode_choose,
    "generate": mode_generate,
    "reveal": mode_reveal,
}


def main(argv: list[str]) -> int:
    """Run one mode; print its JSON result last."""
    mode, *args = argv
    try:
        result = MODES[mode](*args)
    except Exception as error:
        traceback.print_exc(file=sys.stderr)
        result = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
