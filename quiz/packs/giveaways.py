"""Lint for giveaways: hand-written questions a player can answer without knowing it.

- an option that shares a distinctive word with the prompt or category when no other
  option does (the only option saying "Choice" in a Teen Choice Awards question);
- the right answer far longer than every wrong option;
- the right answer in the same place across the pack: choice options are shuffled
  when dealt, but true/false options are always shown True, False, so a pack whose
  statements are nearly all true (or all false) is answered by habit;
- a number question whose range is centred on the answer (a guess at the middle
  of the range scores in full).

Each is a warning at the question's line: the pack still loads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from quiz.facts import HandQuestion, Pack
from quiz.question import plain_number
from quiz.text import cells, shorten

Mark = tuple[int, int]
#: Reports a warning at a mark.
Warn = Callable[[Mark, str], None]

#: An answer this many times as long as the longest wrong option, and FAR_LONGER_BY
#: cells longer, stands out.
FAR_LONGER = 2.5
FAR_LONGER_BY = 10
#: True/false questions needed before the share of one answer means anything.
SAME_ANSWER_MIN = 4
#: The share of true/false questions with the same answer that players learn.
SAME_ANSWER_SHARE = 0.8
#: An answer this close to the middle of its range (as a share of the range) is centred.
CENTRED = 0.05
#: Words shorter than this never count as shared (articles, "of", "the").
WORD_MIN = 4
# A word of WORD_MIN letters or more that is not all digits, without a plural "s"
# (when WORD_MIN letters are left): "Awards" and "award" are one word. Found by the
# regular expression alone, since lint reads every prompt and option of a big pack.
_WORD = re.compile(rf"\b(?!\d+\b)(\w{{{WORD_MIN},}}?)s?\b")
# Question words and fillers any prompt and option may hold: sharing one gives nothing away.
_COMMON = frozenset(_WORD.findall("""
    about after also before being does from have into many more most much only over
    such than that their them then there these they this those under were what when
    where which while whom whose with would your song songs general
"""))


def giveaways(questions: Sequence[tuple[HandQuestion, Mark]], pack: Pack, warn: Warn, *,
              lengths: bool = True) -> None:  # fmt: skip
    """Warn about every giveaway among ``questions`` (each with its mark); ``lengths``:
    also about answers far longer than their wrong options."""
    subject = _words(f"{pack.subject.title} {pack.subject.artist}") if pack.subject else set()
    pools = _Pools(pack)
    for question, mark in questions:
        if question.type == "choice":
            _shared_word(question, pools, subject, mark, warn)
            if lengths:
                _far_longer(question, pools, mark, warn)
        elif question.type == "number":
            _centred(question, mark, warn)
    _same_answer([(q, mark) for q, mark in questions if q.type == "truefalse"], warn)


class _Pools:
    """What lint needs of each pool, worked out once however many questions draw on it
    (a bank of 100,000 questions may share one pool of thousands of values)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._index: dict[str, dict[str, list[str]]] = {}
        self._longest: dict[str, list[str]] = {}

    def values(self, question: HandQuestion) -> tuple[str, ...]:
        """The values the question's pool offers (none without a pool)."""
        return self.pack.pools.get(question.pool, ()) if question.pool else ()

    def sharing(self, question: HandQuestion, words: set[str]) -> list[str]:
        """The pool's values (not the answer) that hold any of ``words``."""
        if not question.pool:
            return []
        if question.pool not in self._index:
            index: dict[str, list[str]] = {}
            for value in self.values(question):
                for word in _words(value):
                    index.setdefault(word, []).append(value)
            self._index[question.pool] = index
        index = self._index[question.pool]
        found = dict.fromkeys(value for word in words for value in index.get(word, ()))
        answer = question.answer.casefold()
        return [value for value in found if value.casefold() != answer]

    def longest(self, question: HandQuestion) -> int:
        """The widest of the pool's values that is not the answer (0 for none)."""
        if not question.pool:
            return 0
        if question.pool not in self._longest:
            by_width = sorted(self.values(question), key=_width, reverse=True)
            self._longest[question.pool] = by_width[:2]
        answer = question.answer.casefold()
        widths = [_width(v) for v in self._longest[question.pool] if v.casefold() != answer]
        return max(widths, default=0)


def _width(text: str) -> int:
    """Cells ``text`` takes on screen (pack text holds no control characters, so
    plain ASCII takes one cell a character)."""
    return len(text) if text.isascii() else cells(text)


_RUNS = re.compile(r"\W+")
_MARKS = re.compile(r"[\u0300-\u036f]+")


def _words(text: str) -> set[str]:
    """The distinctive words of ``text``: folded (case, accents, a plural "s"), long
    enough, and not a number, a question word or filler."""
    return set(_WORD.findall(_fold(text))) - _COMMON


def _fold(text: str) -> str:
    """``text`` without case or accents."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _MARKS.sub("", unicodedata.normalize("NFKD", folded))


def _shared_word(question: HandQuestion, pools: _Pools, subject: set[str], mark: Mark,
                 warn: Warn) -> None:  # fmt: skip
    wrong = question.wrong  # (the validator refuses an answer among them)
    if not wrong and not pools.values(question):
        return
    told = f"{question.prompt} {question.category}"
    # Most questions share no word at all, and a shared word's first WORD_MIN letters
    # begin a run of letters in an option and stand in the prompt or category: looking
    # for them settles most questions at a sixth of the cost of finding the words.
    if not question.pool and not _may_share(_fold(told), (question.answer, *wrong)):
        return
    context = _words(told) - subject
    if not context:
        return
    pooled = pools.sharing(question, context)
    sharers = [option for option in (question.answer, *wrong) if context & _words(option)]
    sharers += [value for value in pooled if value not in sharers]
    if len(sharers) != 1:
        return
    option = sharers[0]
    word = sorted(context & _words(option))[0]
    who = "the answer" if option == question.answer else "the wrong option"
    warn(mark, f"only {who} {shorten(option, 40)!r} shares the word {word!r} with the prompt "
               "or category: it gives itself away")  # fmt: skip


def _may_share(told: str, options: Sequence[str]) -> bool:
    """Whether any option may share a word with ``told`` (folded): never False when
    one does."""
    for run in _RUNS.split(_fold(" ".join(options))):
        if len(run) >= WORD_MIN and run[:WORD_MIN] in told:
            return True
    return False


def _far_longer(question: HandQuestion, pools: _Pools, mark: Mark, warn: Warn) -> None:
    width = _width(question.answer)
    if width < FAR_LONGER_BY + 1:
        return
    # (the validator refuses an answer among the wrong options; a pool may hold it)
    longest = max([*map(_width, question.wrong), pools.longest(question)])
    if not longest:
        return
    if width >= FAR_LONGER * longest and width - longest >= FAR_LONGER_BY:
        warn(mark, f"the answer is {width} characters long, the longest wrong option "
                   f"{longest}: players pick the odd one out")  # fmt: skip


def _centred(question: HandQuestion, mark: Mark, warn: Warn) -> None:
    if question.low is None or question.high is None:
        return
    value = float(question.answer)
    middle = (question.low + question.high) / 2
    if abs(value - middle) <= CENTRED * (question.high - question.low):
        shown = _figures(question.low, question.high)
        warn(mark, f"the answer {question.answer} is the middle of the range {shown}: "
                   "a guess at the middle scores; move 'low' or 'high'")  # fmt: skip


def _figures(low: float, high: float) -> str:
    return f"{plain_number(low)}..{plain_number(high)}"


def _same_answer(questions: Iterable[tuple[HandQuestion, Mark]], warn: Warn) -> None:
    asked = list(questions)
    if len(asked) < SAME_ANSWER_MIN:
        return
    for answer in ("True", "False"):
        alike = sum(1 for q, _mark in asked if q.answer == answer)
        share = alike / len(asked)
        if share >= SAME_ANSWER_SHARE:
            counts = f"{alike} of {len(asked)} true/false questions ({share:.0%})"
            warn(asked[0][1], f"the answer is {answer} in {counts}: players learn to "
                              f"answer {answer}")  # fmt: skip
