"""What every generator shares: the slot a question comes from, the pack context,
and how a finished question is put together.

A generator never builds questions eagerly. It yields :class:`Slot` objects, made by
:meth:`Context.slot` from the fact and the question kind (the one place a slot's id,
category and fact are set), plus a ``make`` that builds the question when it is
actually wanted; :func:`question` takes the id, category, fact and kind from the
slot. Whether a slot exists depends only on the pack (never on the seed), so ids and
counts are the same for every seed; the seed only decides which wrong options appear
and in which order.

Difficulty heuristic (each generator applies it, see its docstring): true/false and
picking a well-known attribute or person are ``easy``/``medium``; anything that asks
for an exact figure (a chart position, a year-end rank, a day, a length) is ``hard``,
and so are comparisons and near-number distractors, which need real recall rather
than recognition.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

from quiz.fact_rules import YEARS
from quiz.facts import (
    Award,
    Certification,
    ChartEntry,
    Credit,
    Date,
    Fact,
    FactBase,
    Pack,
    Quote,
    kind_of,
)
from quiz.generators.distractors import arrange, norm
from quiz.question import Question, QuestionType, question_id

F = TypeVar("F", bound=Fact)
#: A typed year may be this many years before the pack's first year...
YEAR_LEAD = 5
#: ...and the range is at least this wide.
YEAR_WIDTH = 10
#: How a slot makes its question: from the slot itself (id, category, fact, kind)
#: and the seeded RNG.
Make = Callable[["Slot", random.Random], Question]


class Unaskable(ValueError):
    """A question was to be built with no wrong option that reads differently from
    its answer: it would give a free point."""


@dataclass(frozen=True, slots=True)
class Slot:
    """A question a pack can yield, not yet built.

    ``id`` (a :class:`QuestionId`'s text) never depends on the seed; ``build(rng)``
    makes the question, which takes its id, pack, category, fact, kind and (unless the
    question draws on more facts) source from here.
    """

    id: str
    pack: str
    category: str
    fact: str
    kind: str
    make: Make
    #: Where the fact came from (the pack's ``source:``), shown apart from the text.
    source: str = ""
    #: Fact ids whose value the answer is (always ``fact`` first); see ``Question.asks``.
    asks: tuple[str, ...] = ()
    #: Fact ids the question's texts state whatever the seed (always ``asks`` too).
    reveals: tuple[str, ...] = ()

    def build(self, rng: random.Random) -> Question:
        """The question, with wrong options and order drawn from ``rng``."""
        return self.make(self, rng)


@dataclass(frozen=True, slots=True)
class Placed:
    """A chart row whose position is known: the only rows a question asks about."""

    entry: ChartEntry
    position: int


@dataclass(frozen=True, slots=True)
class Generator:
    """One question generator: its name (the order it is listed in is the order of
    a fact's questions) and the slots it finds in a pack."""

    name: str
    slots: Callable[[Context], Iterator[Slot]]


class Context:
    """One pack seen the way generators need it: the song's name, resolved pools and
    the facts grouped by kind. Built once per pack and shared by every generator."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        title = pack.subject.title if pack.subject else ""
        #: How prompts name the song: its title in quotes, or "the song".
        self.song = f'"{title}"' if title else "the song"

    @cached_property
    def title_text(self) -> str:
        """The song's title and artists, normalised: what the home screen shows."""
        subject = self.pack.subject
        return norm(f"{subject.title} {subject.artist}") if subject else ""

    def on_title_screen(self, value: str) -> bool:
        """Whether ``value`` is part of :attr:`title_text`, as whole words: players read
        it before the game, so it is never a right option to find or worth typing."""
        value = norm(value)
        return bool(value) and f" {value} " in f" {self.title_text} "

    @cached_property
    def subject_words(self) -> frozenset[str]:
        """The words of the song's title and artists: every prompt names them, so they
        point at no option."""
        return frozenset(re.findall(r"\w+", self.title_text))

    def work(self, work: str) -> str:
        """How prompts name a credited work: the song by its title, others as written
        ("the official music video")."""
        return self.song if norm(work) in ("", "the song", "song") else work

    def of(self, kind: type[F]) -> list[F]:
        """Every fact of one class, in pack order."""
        return [fact for fact in self.pack.facts if isinstance(fact, kind) and type(fact) is kind]

    def slot(self, fact: FactBase, kind: str, make: Make, variant: str = "", *,
             asks: Iterable[FactBase] = (), reveals: Iterable[FactBase] = ()) -> Slot:
        """The slot of a question of ``kind`` about ``fact``: the one place a
        generated question's id, category, fact and spoiler facts are decided.

        The question asks ``fact`` and any other facts its answer depends on
        (``asks``); it reveals those (its explanation states the answer) and
        ``reveals``, the other facts its prompt or explanation state."""
        text = question_id(self.pack.id, fact.id, kind, variant)
        asked = _ids([fact, *asks])
        return Slot(text, self.pack.id, fact.category, fact.id, kind, make,
                    cite(fact.source), asked, _ids([fact, *asks, *reveals]))

    @cached_property
    def fact_ids(self) -> frozenset[str]:
        """The id of every fact of the pack (hand-written items name them)."""
        return frozenset(fact.id for fact in self.pack.facts)

    @cached_property
    def _holders(self) -> dict[str, list[Fact]]:
        """Facts by each true value they state (folded), for :meth:`holders`."""
        found: dict[str, list[Fact]] = {}
        for fact in self.pack.facts:
            truth = kind_of(fact).truth
            for value in truth(fact).values if truth is not None else ():
                found.setdefault(norm(value), []).append(fact)
        return found

    def holders(self, values: Iterable[str]) -> list[Fact]:
        """The facts that make any of ``values`` true: a statement naming one of them,
        even as a false claim, points at those facts."""
        return [fact for value in values for fact in self._holders.get(norm(value), ())]

    def mentioning(self, values: Iterable[str]) -> list[Fact]:
        """The facts whose own prompt or statement writes one of ``values`` ("May 24,
        2016"), as whole words: a question on such a fact tells a player that value."""
        wanted = [norm(value) for value in values if norm(value)]
        found: list[Fact] = []
        for fact in self.pack.facts:
            text = norm(" ".join(str(getattr(fact, key, "")) for key in ("ask", "statement")))
            if any(re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text) for value in wanted):
                found.append(fact)
        return found

    @cached_property
    def charts(self) -> list[Placed]:
        """Chart rows whose position is known (a blank position is never asked about)."""
        return [Placed(fact, fact.position) for fact in self.of(ChartEntry)
                if fact.position is not None]

    @cached_property
    def chart_groups(self) -> dict[tuple[str, int], list[Placed]]:
        """Known chart rows grouped by (type, year): the only rows comparable with
        each other."""
        groups: dict[tuple[str, int], list[Placed]] = {}
        for row in self.charts:
            groups.setdefault((row.entry.type, row.entry.year), []).append(row)
        return groups

    @cached_property
    def years(self) -> list[int]:
        """Every year a dated fact of the pack mentions (chart rows, awards, dates)."""
        years = [f.year for f in self.pack.facts if isinstance(f, ChartEntry | Award) and f.year]
        years += [int(str(f.value)[:4]) for f in self.of(Date) if str(f.value)[:4].isdigit()]
        return years

    @cached_property
    def first_year(self) -> int | None:
        """The earliest year any dated fact of the pack mentions: years before it make
        implausible wrong options."""
        return min(self.years) if self.years else None

    @cached_property
    def usual_year(self) -> int | None:
        """The year most dated facts name (the song's big year). A question whose answer
        is that bare year is a guess players win without knowing, and the spoiler net
        would have to keep it apart from most of the pack: year questions skip it."""
        counts = sorted(((self.years.count(year), year) for year in set(self.years)),
                        reverse=True)
        # A tie names no year above the others.
        if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
            return None
        return counts[0][1]

    def askable_year(self, year: int | None) -> bool:
        """Whether ``year`` may be the typed answer of a year question: inside
        :attr:`year_span` and not :attr:`usual_year`."""
        span = self.year_span
        return (year is not None and span is not None and span[0] <= year <= span[1]
                and year != self.usual_year)

    @cached_property
    def year_span(self) -> tuple[int, int] | None:
        """The years a player may type for a year question: from :data:`YEAR_LEAD`
        years before the pack's first year to its last, at least :data:`YEAR_WIDTH`
        years wide. The same for every year question of the pack, so the range never
        points at an answer."""
        if not self.years:
            return None
        low, high = min(self.years) - YEAR_LEAD, max(self.years)
        return max(low, YEARS[0]), min(max(high, low + YEAR_WIDTH), YEARS[1])

    @cached_property
    def certifications(self) -> list[Certification]:
        """Every certification fact."""
        return self.of(Certification)

    @cached_property
    def awards(self) -> list[Award]:
        """Every award fact."""
        return self.of(Award)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quote fact."""
        return self.of(Quote)

    @cached_property
    def credits(self) -> list[Credit]:
        """Every credit fact."""
        return self.of(Credit)

    def pool(self, entries: Iterable[str]) -> list[str]:
        """A fact's pool with shared pools (``@name`` or a bare pool name the loader
        left unresolved) expanded, in order."""
        entries = list(entries)
        if len(entries) == 1 and entries[0] in self.pack.pools:
            return list(self.pack.pools[entries[0]])
        values: list[str] = []
        for entry in entries:
            name = entry[1:] if entry.startswith("@") else None
            if name is not None and name in self.pack.pools:
                values.extend(self.pack.pools[name])
            else:
                values.append(entry)
        return values


def _ids(facts: Iterable[FactBase]) -> tuple[str, ...]:
    """Fact ids in order, each once."""
    return tuple(dict.fromkeys(fact.id for fact in facts))


def spoilers(slot: Slot, asks: Iterable[FactBase]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(asks, reveals) of a question built from ``slot`` whose answer also depends on
    ``asks`` (facts only the seed decides, such as the rows a comparison shows; its
    explanation states them all)."""
    asked = _ids_of((slot.asks or (slot.fact,)), asks)
    return asked, tuple(dict.fromkeys((*asked, *slot.reveals)))


def _ids_of(ids: Iterable[str], facts: Iterable[FactBase]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*ids, *(fact.id for fact in facts))))


def explain(sentence: str) -> str:
    """The text shown after answering: the fact as a plain sentence a player reads,
    as in "It peaked at number 8 on France (SNEP) in 2016.". Where the fact came from
    never goes in here: it is the question's ``source`` (see :func:`cite`)."""
    sentence = sentence.strip()
    return sentence if sentence.endswith((".", "!", "?", '"')) else sentence + "."


def cite(*sources: str) -> str:
    """Where the facts a question draws on came from, each part once and in order:
    "infobox; lead" and "lead; weekly chart table" give "infobox; lead; weekly chart
    table". Shown apart from the question (``Question.source``), never inside it."""
    # Sources are free text, often "infobox; lead": list each part once.
    parts = (part.strip() for source in sources for part in source.split(";"))
    return "; ".join(part for part in dict.fromkeys(parts) if part)


def join_names(values: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    values = list(values)
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def fill(statement: str, value: str) -> str:
    """A statement with its ``{value}`` placeholder filled. Plain replacement, not
    ``str.format``: pack text is untrusted and may hold other braces."""
    return statement.replace("{value}", value)


def question(
    slot: Slot,
    *,
    difficulty: str,
    prompt: str,
    answer: str,
    wrong: Sequence[str],
    rng: random.Random,
    explanation: str,
    order: str = "shuffle",
    key: Callable[[str], SupportsRichComparison] | None = None,
    source: str | None = None,
    asks: Iterable[FactBase] = (),
) -> Question:
    """Assemble the question of ``slot``; see :func:`distractors.arrange` for ``order``.
    ``source`` replaces the slot's when the question draws on several facts.

    Every question has at least two options that read differently: a wrong option
    that reads like the answer or like another option is left out, and with none
    left :class:`Unaskable` is raised (generators check at slot time that one will
    be left, so this is a broken generator, never a pack). ``asks``: facts the
    answer depends on beyond the slot's own, known only once built (see
    :func:`spoilers`)."""
    seen = {norm(answer)}
    apart: list[str] = []
    for option in wrong:
        if norm(option) not in seen:
            seen.add(norm(option))
            apart.append(option)
    if not apart:
        raise Unaskable(f"{slot.id}: no wrong option reads differently from {answer!r}")
    options, index = arrange(rng, answer, apart, order=order, key=key)
    return _from_slot(slot, asks, source, difficulty=difficulty, prompt=prompt,
                      options=tuple(options), answer=index, explanation=explanation,
                      value=answer)  # fmt: skip


def true_false(slot: Slot, *, difficulty: str, statement: str, truth: bool,
               explanation: str, source: str | None = None, value: str = "") -> Question:
    """A true/false item: options ("True", "False") in that order; ``source`` as for
    :func:`question`. ``value`` is the value that makes the statement true (see
    ``Question.value``)."""
    return _from_slot(slot, (), source, difficulty=difficulty,
                      prompt=f"True or false: {statement}", options=("True", "False"),
                      answer=0 if truth else 1, explanation=explanation, value=value,
                      type_="truefalse")  # fmt: skip


def _from_slot(slot: Slot, asks: Iterable[FactBase], source: str | None, *,
               difficulty: str, prompt: str, options: tuple[str, ...], answer: int,
               explanation: str, value: str,
               type_: QuestionType = "choice") -> Question:  # fmt: skip
    """The question of ``slot``: what the slot decided (id, category, fact, kind,
    source, spoiler facts) plus what its builder chose."""
    asked, revealed = spoilers(slot, asks)
    return Question(
        id=slot.id, pack=slot.pack, category=slot.category, difficulty=difficulty,
        prompt=prompt, options=options, answer=answer, explanation=explanation,
        fact=slot.fact, kind=slot.kind, source=slot.source if source is None else source,
        asks=asked, reveals=revealed, value=value, type=type_,
    )  # fmt: skip


__all__ = [
    "Context", "Generator", "Make", "Placed", "Slot", "Unaskable", "cite", "explain", "fill",
    "join_names", "norm", "question", "spoilers", "true_false",
]
