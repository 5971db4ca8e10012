"""Warnings an author wants before sharing a pack (severity "warning"; the pack still loads).

- the right answer is the longest option in most hand-written questions (a giveaway:
  the game shuffles options, so the position cannot give it away, but the length can);
- near-duplicate prompts;
- a prompt or option too long for an 80-column terminal;
- a question or fact whose wrong options cannot be built (a pool with too few values,
  or a pool value that is also true).

Repeated wrong options and options emptied by cleaning are reported by the validator.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from quiz.facts import HandQuestion, Pack, kind_of
from quiz.packs.problems import Problem
from quiz.text import shorten

MAX_PROMPT = 200
MAX_OPTION = 60
LONGEST_SHARE = 0.6
LONGEST_MIN_QUESTIONS = 5
NEAR_DUPLICATE = 0.9
#: Above this many questions, near-duplicates are looked for only among prompts that
#: share their first or last words (comparing every pair would take minutes).
PAIRWISE_LIMIT = 1500
WANTED_WRONG = 3
_SPACES = re.compile(r"\s+")
_TOO_LONG = "over {}: it will not fit an 80-column screen"

Mark = tuple[int, int]
#: Reports a warning at a mark.
Warn = Callable[[Mark, str], None]


class Marks(Protocol):
    """Where each built fact and question starts (from the validator)."""

    path: str
    question_marks: list[tuple[int, int]]
    fact_marks: list[tuple[int, int]]


def lint(pack: Pack, marks: Marks) -> list[Problem]:
    """Every lint warning for ``pack``."""
    path = marks.path
    questions = list(zip(pack.questions, marks.question_marks, strict=True))
    warnings: list[Problem] = []

    def warn(mark: Mark, message: str) -> None:
        warnings.append(Problem(path, mark[0], mark[1], message, "warning"))

    for question, mark in questions:
        if len(question.prompt) > MAX_PROMPT:
            size = len(question.prompt)
            warn(mark, f"the prompt is {size} characters long ({_TOO_LONG.format(MAX_PROMPT)})")
        for option in (question.answer, *question.wrong):
            if len(option) > MAX_OPTION:
                too_long = _TOO_LONG.format(MAX_OPTION)
                warn(mark, f"the option {shorten(option, 30)!r} is {len(option)} long ({too_long})")
        _check_pool(question, pack, mark, warn)
    _longest_answer(questions, warn)
    _near_duplicates(questions, warn)
    for fact, mark in zip(pack.facts, marks.fact_marks, strict=True):
        truth_of = kind_of(fact).truth
        truth = truth_of(fact) if truth_of is not None else None
        if truth is not None and truth.pool:
            true = {v.casefold() for v in truth.values}
            for value in truth.pool:
                if value.casefold() in true:
                    warn(mark, f"{value!r} is in the pool but also true: it is never offered")
    return warnings


def _check_pool(question: HandQuestion, pack: Pack, mark: Mark, warn: Warn) -> None:
    if not question.pool:
        return
    answer = question.answer.casefold()
    available = {v.casefold() for v in (*question.wrong, *pack.pools.get(question.pool, ()))}
    available.discard(answer)
    if len(available) < WANTED_WRONG:
        count = len(available)
        warn(
            mark, f"pool '{question.pool}' gives only {count} wrong option(s); want {WANTED_WRONG}"
        )


def _longest_answer(questions: Sequence[tuple[HandQuestion, Mark]], warn: Warn) -> None:
    asked = [(q, mark) for q, mark in questions if q.wrong]
    if len(asked) < LONGEST_MIN_QUESTIONS:
        return
    longest = [
        (q, mark) for q, mark in asked if len(q.answer) > max(len(option) for option in q.wrong)
    ]
    share = len(longest) / len(asked)
    if share > LONGEST_SHARE:
        counts = f"{len(longest)} of {len(asked)} questions ({share:.0%})"
        warn(asked[0][1], f"the answer is the longest option in {counts}: easy to guess")


def _normal(prompt: str) -> str:
    return _SPACES.sub(" ", prompt.casefold()).strip()


def _near_duplicates(questions: Sequence[tuple[HandQuestion, Mark]], warn: Warn) -> None:
    normal = [(_normal(q.prompt), mark) for q, mark in questions]
    first_of: dict[str, Mark] = {}
    reported: set[int] = set()
    for index, (text, mark) in enumerate(normal):
        if text in first_of:
            warn(mark, f"the same prompt as the question on line {first_of[text][0]}")
            reported.add(index)
        else:
            first_of[text] = mark
    if len(normal) <= PAIRWISE_LIMIT:
        candidates = _all_pairs(len(normal))
    else:
        candidates = _blocked_pairs(normal)
    matcher = difflib.SequenceMatcher(autojunk=False)
    for i, j in candidates:
        if j in reported or i in reported:
            continue
        a, b = normal[i][0], normal[j][0]
        if 2 * min(len(a), len(b)) / (len(a) + len(b) or 1) < NEAR_DUPLICATE:
            continue
        matcher.set_seqs(a, b)
        if matcher.real_quick_ratio() < NEAR_DUPLICATE or matcher.quick_ratio() < NEAR_DUPLICATE:
            continue
        if matcher.ratio() >= NEAR_DUPLICATE:
            reported.add(j)
            warn(normal[j][1], f"a prompt very like the question on line {normal[i][1][0]}")


def _all_pairs(n: int) -> Iterator[tuple[int, int]]:
    for i in range(n):
        for j in range(i + 1, n):
            yield i, j


def _blocked_pairs(normal: Sequence[tuple[str, Mark]]) -> Iterator[tuple[int, int]]:
    """Pairs of prompts that share their first three or last three words."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for index, (text, _mark) in enumerate(normal):
        words = text.split()
        blocks.setdefault(("head", " ".join(words[:3])), []).append(index)
        blocks.setdefault(("tail", " ".join(words[-3:])), []).append(index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > 200:  # a very common opening ("Which of these"): too many to compare
            members = members[:200]
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j
