"""Warnings an author wants before sharing a pack (severity "warning"; the pack still loads).

- the right answer is the longest option in most hand-written questions (a giveaway:
  the game shuffles options, so the position cannot give it away, but the length can);
- near-duplicate prompts;
- a prompt or option too long for an 80-column terminal;
- a question or fact whose wrong options cannot be built (a pool with too few values,
  or a pool value that is also true);
- a text question that accepts its own answer again (a comma-split spelling);
- giveaways: a question answered by its words, lengths or places rather than by
  knowing (see :mod:`quiz.packs.giveaways`).

Repeated wrong options and options emptied by cleaning are reported by the validator.
"""

from __future__ import annotations

import operator
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from quiz.facts import HandQuestion, Pack, kind_of
from quiz.grading import normalise
from quiz.packs.giveaways import giveaways
from quiz.packs.problems import Problem
from quiz.text import cells, shorten

MAX_PROMPT = 200
MAX_OPTION = 60
LONGEST_SHARE = 0.6
LONGEST_MIN_QUESTIONS = 5
NEAR_DUPLICATE = 0.9
#: Up to this many questions every pair of prompts is compared; above it, only prompts
#: that share their first or last three words (a warning is advice: a big pack gets it
#: in linear time, and may miss a near copy edited at both ends). No exact filter could
#: replace the pairwise pass: at NEAR_DUPLICATE a 67-character prompt may be 13
#: insertions or deletions from its near copy, so what the two must share is a piece of
#: about 5 characters, which ordinary prompts share by chance (q-gram prefix and
#: positional pigeonhole filters keep 35-80% of the pairs of bench/pack_gen's prompts).
PAIRWISE_LIMIT = 300
#: Prompts up to CLOSE_LIMIT (five screens) are compared character by character (a
#: longest common subsequence), CLOSE_BUDGET characters per pack at most; longer prompts,
#: and pairs past the budget (a pack made to be slow: thousands of prompts over two
#: letters), are compared by their pieces.
CLOSE_LIMIT = 5 * MAX_PROMPT
CLOSE_BUDGET = 10_000_000
#: Longer prompts are cut into pieces from at most this many characters each.
COMPARED = 20_000
_PIECE_MIN = 2
_PIECE_MAX = 64
_CUT_BELOW = 16  # a piece ends where the rolling hash (0-127) is below this: 1 byte in 8
_COUNTED = "abcdefghijklmnopqrstuvwxyz0123456789 ?"  # and one count for all the others
_GEAR = random.Random(2016).randbytes(256)  # a fixed byte for each byte value
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
        if _over(question.prompt, MAX_PROMPT):
            size = _width(question.prompt, "characters long")
            warn(mark, f"the prompt is {size} ({_TOO_LONG.format(MAX_PROMPT)})")
        for option in _shown(question):
            if _over(option, MAX_OPTION):
                too_long = _TOO_LONG.format(MAX_OPTION)
                size = _width(option, "long")
                warn(mark, f"the option {shorten(option, 30)!r} is {size} ({too_long})")
        _check_pool(question, pack, mark, warn)
        _accepts_answer(question, mark, warn)
    # An answer that is longest in most questions is one warning for the pack, not
    # one more for each question whose answer is also far longer.
    longest = _longest_answer(questions, warn)
    _near_duplicates(questions, warn)
    giveaways(questions, pack, warn, lengths=not longest)
    for fact, mark in zip(pack.facts, marks.fact_marks, strict=True):
        truth_of = kind_of(fact).truth
        truth = truth_of(fact) if truth_of is not None else None
        if truth is not None and truth.pool:
            true = {v.casefold() for v in truth.values}
            for value in truth.pool:
                if value.casefold() in true:
                    warn(mark, f"{value!r} is in the pool but also true: it is never offered")
    return warnings


def _over(text: str, limit: int) -> bool:
    """Whether ``text`` takes more than ``limit`` cells. No character takes more than
    two, so most texts are settled by their length, without measuring each character."""
    return 2 * len(text) > limit and cells(text) > limit


def _width(text: str, plain: str) -> str:
    """How wide ``text`` is on screen: its length where every character takes one cell,
    else its cells (the limits are about the screen: a CJK character takes two)."""
    if cells(text) == len(text):
        return f"{len(text)} {plain}"
    return f"{cells(text)} cells wide ({len(text)} characters)"


def _shown(question: HandQuestion) -> tuple[str, ...]:
    """What a player reads as options: the answer and wrong ones, or the items to order
    (a number or text question has none: its answer is typed)."""
    if question.type == "choice":
        return (question.answer, *question.wrong)
    return question.items


def _accepts_answer(question: HandQuestion, mark: Mark, warn: Warn) -> None:
    """An ``accept`` entry that is the answer itself is most often one spelling with a
    comma, split in two by a YAML flow list: the other half would be accepted alone."""
    if not question.accept:
        return
    answer = normalise(question.answer)
    for spelling in question.accept:
        if normalise(spelling) == answer:
            warn(mark, f"'accept' lists the answer {spelling!r} itself: if a spelling holds a "
                       "comma, quote it (\"Anaheim, California\")")  # fmt: skip
            return


def _check_pool(question: HandQuestion, pack: Pack, mark: Mark, warn: Warn) -> None:
    if not question.pool or question.type != "choice":
        return
    answer = question.answer.casefold()
    available = {v.casefold() for v in (*question.wrong, *pack.pools.get(question.pool, ()))}
    available.discard(answer)
    if len(available) < WANTED_WRONG:
        count = len(available)
        warn(
            mark, f"pool '{question.pool}' gives only {count} wrong option(s); want {WANTED_WRONG}"
        )


def _longest_answer(questions: Sequence[tuple[HandQuestion, Mark]], warn: Warn) -> bool:
    """Warn if the answer is the longest option in most questions; whether it did."""
    asked = [(q, mark) for q, mark in questions if q.wrong and q.type == "choice"]
    if len(asked) < LONGEST_MIN_QUESTIONS:
        return False
    longest = [
        (q, mark) for q, mark in asked if len(q.answer) > max(len(option) for option in q.wrong)
    ]
    share = len(longest) / len(asked)
    if share > LONGEST_SHARE:
        counts = f"{len(longest)} of {len(asked)} questions ({share:.0%})"
        warn(asked[0][1], f"the answer is the longest option in {counts}: easy to guess")
        return True
    return False


def _normal(prompt: str) -> str:
    return _SPACES.sub(" ", prompt.casefold()).strip()


def _near_duplicates(questions: Sequence[tuple[HandQuestion, Mark]], warn: Warn) -> None:
    """Warn about a prompt that is the same as, or very like, an earlier one.

    Prompts are compared casefolded, with runs of white space made one space. The same
    text is found by hashing. "Very like" is what difflib's ratio of NEAR_DUPLICATE
    meant, computed so that it stays cheap (see :meth:`_Likeness._close_look`); prompts
    over CLOSE_LIMIT, and pairs past CLOSE_BUDGET, are judged by the share of their
    pieces instead (see :func:`_pieces`), so the work grows linearly with the length
    of the prompts and is bounded for each pair.
    """
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
    alike = _Likeness([text for text, _mark in normal])
    for i, j in candidates:
        if j in reported or i in reported:
            continue
        if alike(i, j):
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


class _Likeness:
    """Whether two normalised prompts are near-duplicates, with bounded work per pair."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.sizes = [len(text) for text in texts]
        self.budget = CLOSE_BUDGET
        self.cut: dict[int, tuple[Counter[bytes], int]] = {}
        self.counts: list[tuple[int, ...] | None] = [None] * len(texts)

    def __call__(self, i: int, j: int) -> bool:
        # Called for up to a million pairs: the cheap refusals come first, inline.
        size_i, size_j = self.sizes[i], self.sizes[j]
        size = size_i + size_j
        shorter = min(size_i, size_j)
        if 2 * shorter / (size or 1) < NEAR_DUPLICATE:
            return False
        if shorter > CLOSE_LIMIT or self.budget < size:
            return _shared(self._pieces_of(i), self._pieces_of(j)) >= NEAR_DUPLICATE
        # A longest common subsequence needs as many of each character in both texts.
        counts_i = self.counts[i] or self._count(i)
        counts_j = self.counts[j] or self._count(j)
        apart = sum(map(abs, map(operator.sub, counts_i, counts_j)))
        if 2.0 * ((size - apart) // 2) / size < NEAR_DUPLICATE:
            return False
        return self._close_look(i, j)

    def _close_look(self, i: int, j: int) -> bool:
        """Whether a longest common subsequence covers NEAR_DUPLICATE of the two texts.

        difflib's matching blocks are a common subsequence, so this ratio is never below
        difflib's: every pair difflib's ratio called alike is still alike, and the two
        agree on the prompts authors write. It costs ``len(a)`` integer operations where
        difflib took up to ``len(a) * len(b)`` (a second on two near copies over "ab").
        """
        a, b = self.texts[i], self.texts[j]
        self.budget -= len(a) + len(b)
        return 2.0 * _longest_common(a, b) / (len(a) + len(b)) >= NEAR_DUPLICATE

    def _pieces_of(self, index: int) -> tuple[Counter[bytes], int]:
        if index not in self.cut:
            self.cut[index] = _pieces(self.texts[index])
        return self.cut[index]

    def _count(self, index: int) -> tuple[int, ...]:
        text = self.texts[index]
        counts = [text.count(char) for char in _COUNTED]
        found = self.counts[index] = (*counts, len(text) - sum(counts))
        return found


def _longest_common(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``.

    Bit-parallel (Allison and Dix): one pass over ``a``, the positions of ``b`` held as
    the bits of one integer, so a pair of prompts costs ``len(a)`` integer operations.
    """
    where: dict[str, int] = {}
    for position, char in enumerate(b):
        where[char] = where.get(char, 0) | 1 << position
    full = (1 << len(b)) - 1
    row = full
    for char in a:
        matched = row & where.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(b) - row.bit_count()


def _pieces(text: str) -> tuple[Counter[bytes], int]:
    """``text`` cut into pieces where its content says, each with the bytes it covers.

    A cut depends only on the few bytes before it (a rolling hash), so an edit changes
    the pieces around it and no others: prompts that differ in a few places share
    nearly all their pieces, unrelated ones nearly none. Only COMPARED characters are
    read (half from each end), so the work per prompt is bounded. Returns the pieces
    and the number of bytes read.
    """
    if len(text) > COMPARED:
        text = text[: COMPARED // 2] + text[-(COMPARED // 2) :]
    data = text.encode("utf-8", "surrogatepass")
    pieces: Counter[bytes] = Counter()
    start = rolling = 0
    for end, byte in enumerate(data, 1):
        # Each step shifts the older bytes up: the low 7 bits depend on the last 7 bytes only.
        rolling = ((rolling << 1) + _GEAR[byte]) & 0x7F
        size = end - start
        if size >= _PIECE_MAX or (size >= _PIECE_MIN and rolling < _CUT_BELOW):
            pieces[data[start:end]] += size
            start = end
    if start < len(data):
        pieces[data[start:]] += len(data) - start
    return pieces, len(data)


def _shared(a: tuple[Counter[bytes], int], b: tuple[Counter[bytes], int]) -> float:
    """The share of two texts' bytes that lie in pieces both have (1.0: the same)."""
    (pieces_a, size_a), (pieces_b, size_b) = a, b
    both = list(pieces_a.keys() & pieces_b.keys())
    common = sum(map(min, map(pieces_a.__getitem__, both), map(pieces_b.__getitem__, both)))
    return 2 * common / (size_a + size_b or 1)
