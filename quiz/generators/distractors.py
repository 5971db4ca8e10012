"""Picking wrong options and putting options in order.

The rule these helpers protect: a question has exactly one right option. Wrong
options are filtered against *every* true value (compared case- and
space-insensitively, see :func:`norm`) before any is picked, and are distinct from
each other. Generators decide what is true; these helpers make sure nothing true
slips through and that the answer is not given away by its position.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence, Sized
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

T = TypeVar("T")

#: Options a multiple-choice question normally has.
OPTIONS = 4
#: Fewest options a generated multiple-choice question may have; with fewer
#: plausible wrong values the question is skipped (a two-way pick is a coin toss
#: dressed up as a question; true/false items are their own kind).
MIN_OPTIONS = 3


def norm(text: str) -> str:
    """``text`` compared the way players read it: case and spacing ignored, and so are
    the invisible differences (composed or decomposed accents, zero-width characters
    other than the joiner emoji are built with) that would make two options look
    alike yet count as different."""
    text = str(text)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFC", text)
                       if c == "\u200d" or unicodedata.category(c) != "Cf")
    return " ".join(text.casefold().split())


def wrong_values(candidates: Iterable[str], true_values: Iterable[str]) -> list[str]:
    """``candidates`` without anything equal to a true value and without repeats
    (both compared with :func:`norm`), first occurrence kept, order kept."""
    seen = {norm(value) for value in true_values}
    kept: list[str] = []
    for candidate in candidates:
        key = norm(candidate)
        if key and key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


#: Words too common in prompts and options to point at one option.
PLAIN_WORDS = frozenset({
    "which", "what", "when", "where", "whose", "were", "with", "from", "this", "that",
    "award", "awards", "music", "song", "songs", "best", "chart", "charts", "year",
})


#: Words that point at a name they do not share a word with: "One Billion Streams
#: Award" among chart awards is the Spotify one. Each word stands for its name too.
LINKED_WORDS = {
    "stream": "spotify", "streams": "spotify", "streaming": "spotify", "streamed": "spotify",
    "video": "youtube", "videos": "youtube", "views": "youtube",
}


def telling_words(text: str, ignore: frozenset[str] = frozenset()) -> set[str]:
    """The words of ``text`` that could point at an option: four letters or more, not
    :data:`PLAIN_WORDS`, not in ``ignore`` (the song's title and artists), and the
    names :data:`LINKED_WORDS` ties them to."""
    words = {w for w in re.findall(r"\w+", norm(text))
             if len(w) >= 4 and w not in PLAIN_WORDS and w not in ignore}
    return words | {LINKED_WORDS[w] for w in words if w in LINKED_WORDS}


def gives_away(answer: str, prompt: str, wrong: Iterable[str],
               ignore: frozenset[str] = frozenset()) -> bool:
    """Whether the answer is the only option sharing a telling word with the prompt
    ("Choice" in "Teen Choice Awards" for a question about Choice Break-Up Song): a
    player picks it without knowing anything. Judged against every candidate wrong
    value, so whether a question exists never depends on the seed."""
    shared = telling_words(answer, ignore) & telling_words(prompt, ignore)
    return bool(shared) and not any(telling_words(w, ignore) & shared for w in wrong)


def title_rivals(on_screen: Callable[[str], bool], values: Iterable[str],
                 wrong: Iterable[str]) -> list[str] | None:
    """Wrong options a question must show so that a right value the title screen names
    (``on_screen``: :meth:`base.Context.on_title_screen`) is not the one famous name
    among them: ``[]`` when no value is on the title screen, one wrong value that is
    too (Puth, for whose tour the Revival Tour was) when there is one, else ``None``:
    not askable."""
    if not any(on_screen(value) for value in values):
        return []
    rivals = [w for w in wrong if on_screen(w)]
    return rivals[:1] or None


def enough(wrong: Sized, minimum: int = MIN_OPTIONS) -> bool:
    """Whether ``wrong`` gives a question at least ``minimum`` options."""
    return len(wrong) + 1 >= minimum


def pick(rng: random.Random, wrong: Sequence[T], count: int = OPTIONS - 1) -> list[T]:
    """Up to ``count`` of ``wrong`` at random (texts, or the chart rows a comparison
    offers)."""
    return rng.sample(list(wrong), min(count, len(wrong)))


#: How many candidates each side of a number :func:`pick_around` draws from.
SPREAD = 4
#: Options that cover less than this share of the range a value may take are bunched:
#: picking among them is a coin toss, so the value is typed instead.
FAIR_SPREAD = 1 / 3


def spread_enough(values: Sequence[float], low: float, high: float) -> bool:
    """Whether ``values`` (the answer and its candidate wrong values) cover enough of
    ``low``..``high`` to make picking among them a fair guess."""
    return bool(values) and max(values) - min(values) >= FAIR_SPREAD * (high - low)


def pick_around(
    rng: random.Random,
    below: Sequence[T],
    above: Sequence[T],
    count: int = OPTIONS - 1,
    spread: int = SPREAD,
) -> list[T]:
    """Wrong values near a number: ``below``/``above`` are candidates smaller/larger
    than the answer, nearest first. Only the ``spread`` nearest on each side are
    used. How many come from below is drawn uniformly first, so once the options are
    sorted the answer is equally likely to be anywhere (not usually in the middle)."""
    below, above = list(below[:spread]), list(above[:spread])
    count = min(count, len(below) + len(above))
    lowest = max(0, count - len(above))
    highest = min(count, len(below))
    from_below = rng.randint(lowest, highest)
    return rng.sample(below, from_below) + rng.sample(above, count - from_below)


def arrange(
    rng: random.Random,
    answer: str,
    wrong: Sequence[str],
    *,
    order: str = "shuffle",
    key: Callable[[str], SupportsRichComparison] | None = None,
) -> tuple[list[str], int]:
    """The options and the answer's index.

    ``order``: ``shuffle`` (seeded random order), ``sorted`` (natural ascending
    order by ``key``; numbers and dates) or ``fixed`` (as given, answer first).
    """
    options = [answer, *wrong]
    if order == "sorted":
        options.sort(key=key)
    elif order == "shuffle":
        rng.shuffle(options)
    return options, options.index(answer)
