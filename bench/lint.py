"""Pack lint on very long prompts and on a big pack, against normalising the prompts once.

The floor, timed alternately in the same run, is normalising the same prompts once
(casefold, white space made one space), which any comparison of prompts has to do.
Before the near-duplicate check was made linear, two 100,000-character prompts took
141 s to lint and five did not finish in 300 s. Run it alone with
``.venv/bin/python bench/run.py --only lint``.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from bench.pack_gen import pack_yaml
from bench.report import Row
from bench.settings import Config
from bench.timing import fmt_seconds, interleaved, median
from quiz.facts import HandQuestion, Pack, PackInfo
from quiz.packs.lint import lint

#: Lint may cost this many times the floor: a near-duplicate check that compares pieces
#: of each pair stays within it; one that compares characters pairwise does not.
TARGET = 10.0

_SPACES = re.compile(r"\s+")
_LETTERS = "abcdefghijklmnopqrstuvwxyz     "  # about one character in six a space


@dataclass
class Marks:
    """Where each question starts, as the validator gives it to lint."""

    path: str = "bench.yaml"
    question_marks: list[tuple[int, int]] = field(default_factory=list)
    fact_marks: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    """One measurement: a name and the prompts of its pack."""

    name: str
    prompts: list[str]


def long_prompts(count: int, size: int, seed: int = 2016) -> list[str]:
    """``count`` prompts of ``size`` characters: random text, every second one a near copy.

    The copies differ from the prompt before them in 0.1% of their characters (what a
    near-duplicate check must find); the others are unrelated (what it must not flag).
    """
    rng = random.Random(seed)
    prompts: list[str] = []
    for index in range(count):
        if index % 2:
            chars = list(prompts[-1])
            for _ in range(max(1, size // 1000)):
                chars[rng.randrange(size)] = rng.choice("#%&")
            prompts.append("".join(chars))
        else:
            prompts.append("".join(rng.choice(_LETTERS) for _ in range(size)))
    return prompts


def pack_prompts(count: int) -> list[str]:
    """The prompts of the generated benchmark pack of ``count`` questions."""
    data = yaml.load(pack_yaml(count), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return [str(question["prompt"]) for question in data["questions"]]


def pack_of(prompts: list[str]) -> tuple[Pack, Marks]:
    """A pack of hand-written questions with ``prompts``, and where each starts."""
    questions = tuple(
        HandQuestion(id=f"q{i}", prompt=prompt, answer=f"right {i}", wrong=("one", "two", "3"))
        for i, prompt in enumerate(prompts)
    )
    marks = Marks(question_marks=[(3 + 5 * i, 5) for i in range(len(prompts))])
    return Pack(info=PackInfo(id="bench", title="Bench"), questions=questions), marks


def timer(func: Callable[[], object]) -> Callable[[], float]:
    """A callable that runs ``func`` once and returns the seconds it took."""

    def run() -> float:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start

    return run


def measure(case: Case, reps: int) -> tuple[float, float, int]:
    """Median seconds of lint and of the floor for ``case``, and how many warnings."""
    pack, marks = pack_of(case.prompts)
    warnings = len(lint(pack, marks))

    def floor() -> None:
        for prompt in case.prompts:
            _SPACES.sub(" ", prompt.casefold()).strip()

    subject_times, floor_times = interleaved(
        timer(lambda: lint(pack, marks)), timer(floor), reps, warmup=0
    )
    return median(subject_times), median(floor_times), warnings


def cases(cfg: Config) -> list[tuple[Case, int]]:
    """What to measure, each with its repetitions."""
    quick = cfg.sizes[-1] < 10_000
    size = 10_000 if quick else 100_000
    counts = (2, 5, 10) if quick else (2, 5, 50)
    # 1,500: the most questions whose prompts are all compared pairwise (PAIRWISE_LIMIT)
    packs = (500,) if quick else (1_500, 10_000)
    chosen = [
        (Case(f"{n} prompts of {size:,} characters", long_prompts(n, size)), 3 if n > 5 else 5)
        for n in counts
    ]
    chosen += [
        (Case(f"a {big:,}-question pack, ordinary prompts", pack_prompts(big)), 3) for big in packs
    ]
    return chosen


def measure_lint(cfg: Config) -> list[Row]:
    """One row per case: lint against normalising the same prompts once."""
    rows = []
    for case, reps in cases(cfg):
        seconds, floor, warnings = measure(case, reps)
        ratio = seconds / floor if floor > 0 else float("inf")
        rows.append(
            Row(
                f"lint, {case.name} ({warnings:,} warning{'' if warnings == 1 else 's'})",
                fmt_seconds(seconds),
                f"{fmt_seconds(floor)} (normalise the prompts once)",
                ratio,
                f"<= {TARGET:.0f}x",
                ratio <= TARGET,
            )
        )
    return rows
