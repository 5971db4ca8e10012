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
# Question words and fillers any prompt and option may hold: sharing one gives nothing away.
_COMMON = frozenset("""
    about after also before being does from have into many more most much only over
    such than that their them then there these they this those under were what when
    where which while whom whose with would your song songs general
""".split())
_WORD = re.compile(r"\w+")


def giveaways(questions: Sequence[tuple[HandQuestion, Mark]], pack: Pack, warn: Warn, *,
              lengths: bool = True) -> None:  # fmt: skip
    """Warn about every giveaway among ``questions`` (each with its mark); ``lengths``:
    also about answers far longer than their wrong options."""
    subject = _words(f"{pack.subject.title} {pack.subject.artist}") if pack.subject else set()
    for question, mark in questions:
        if question.type == "choice":
            candidates = _wrong_candidates(question, pack)
            _shared_word(question, candidates, subject, mark, warn)
            if lengths:
                _far_longer(question, candidates, mark, warn)
        elif question.type == "number":
            _centred(question, mark, warn)
    _same_answer([(q, mark) for q, mark in questions if q.type == "truefalse"], warn)


def _wrong_candidates(question: HandQuestion, pack: Pack) -> list[str]:
    """Every wrong option the question may be dealt with (its own, then its pool's)."""
    answer = question.answer.casefold()
    pooled = pack.pools.get(question.pool, ()) if question.pool else ()
    seen: dict[str, str] = {}
    for option in (*question.wrong, *pooled):
        if option.casefold() != answer:
            seen.setdefault(option.casefold(), option)
    return list(seen.values())


def _words(text: str) -> set[str]:
    """The distinctive words of ``text``: folded (case, accents, a plural "s"), long
    enough, and not a question word or filler."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(ch))  # fmt: skip
    words = set()
    for word in _WORD.findall(bare):
        if len(word) >= WORD_MIN and word not in _COMMON and not word.isdigit():
            words.add(word[:-1] if word.endswith("s") and len(word) > WORD_MIN else word)
    return words


def _shared_word(question: HandQuestion, wrong: list[str], subject: set[str], mark: Mark,
                 warn: Warn) -> None:  # fmt: skip
    context = (_words(question.prompt) | _words(question.category)) - subject
    sharers = [(option, context & _words(option)) for option in (question.answer, *wrong)]
    sharers = [(option, shared) for option, shared in sharers if shared]
    if len(sharers) != 1 or not wrong:
        return
    option, shared = sharers[0]
    word = sorted(shared)[0]
    who = "the answer" if option == question.answer else "the wrong option"
    warn(mark, f"only {who} {shorten(option, 40)!r} shares the word {word!r} with the prompt "
               "or category: it gives itself away")  # fmt: skip


def _far_longer(question: HandQuestion, wrong: list[str], mark: Mark, warn: Warn) -> None:
    if not wrong:
        return
    answer, longest = cells(question.answer), max(cells(option) for option in wrong)
    if answer >= FAR_LONGER * longest and answer - longest >= FAR_LONGER_BY:
        warn(mark, f"the answer is {answer} characters long, the longest wrong option "
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
