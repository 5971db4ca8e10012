"""Typed facts: what a pack knows about its song, in a form generators can reason about.

Every fact kind here is general enough for any song's pack. A fact records only what
its source says; a value the source does not give is ``None`` (unknown) and no
question ever asks for it. ``source`` names where the fact came from (for the
built-in pack: the infobox, a table, or the prose section).

Distractor rules live with the generators, but the facts carry what they need:
``values``/``people`` list *every* true value (so no true value can ever be offered
as a wrong option), and ``pool`` names alternatives of the same kind that are known
to be false for this fact.

:data:`KINDS` is the registry of fact kinds: each kind's dataclass, default category,
required keys, id keys, checks, truth and generators are declared here once, and the
validator, the schema, the pack cache, lint and the generators all read them. A new
kind is a dataclass and an entry here, plus the generator that asks about it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from quiz.fact_rules import (
    CHART_SIZES,
    MAX_NUMBER,
    YEARS,
    Issue,
    check_certification,
    check_chart,
    check_chronology,
    check_date,
    check_duration,
    check_number,
    within,
)
from quiz.fact_rules import (
    Values as Values,
)
from quiz.pack_attribution import Attribution as Attribution

ChartType = Literal["weekly", "year-end"]
Precision = Literal["day", "month", "year"]
Difficulty = Literal["easy", "medium", "hard"]
#: How a hand-written question is answered: :data:`quiz.question.QuestionType`, spelt
#: out here because the pack keys are read from these annotations (a test keeps the
#: two equal).
AnswerType = Literal["choice", "truefalse", "order", "number", "text"]
DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")


_YEAR = within(*YEARS)
_FIGURE = within(-MAX_NUMBER, MAX_NUMBER)


@dataclass(frozen=True, slots=True)
class Subject:
    """The song a pack is about; prompts name it."""

    title: str
    artist: str


@dataclass(frozen=True, slots=True)
class FactBase:
    """Fields every fact shares."""

    id: str
    category: str
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Attribute(FactBase):
    """A named property with one or more text values (label, album, studio...).

    ``ask`` is the multiple-choice prompt; ``statement`` is a sentence with ``{value}``
    used for true/false items. ``values`` holds every true value; ``pool`` lists
    same-kind alternatives that are false, or names a shared pool with ``@name``.
    """

    ask: str = ""
    statement: str = ""
    values: tuple[str, ...] = ()
    pool: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Number(FactBase):
    """A count or measure. ``qualifier`` is ``exact``, ``about`` or ``more-than``.

    ``unit`` is printed after the value ("minutes", "billion views"); ``low``/``high``
    bound plausible wrong values; ``step`` is their spacing (0.1 for 3.3 billion).
    ``ordinal`` prints 46 as "46th".
    """

    ask: str = ""
    statement: str = ""
    value: float = field(default=0, metadata=_FIGURE)
    unit: str = ""
    qualifier: Literal["exact", "about", "more-than"] = "exact"
    low: float = field(default=0, metadata=_FIGURE)
    high: float = field(default=0, metadata=_FIGURE)
    step: float = field(default=1, metadata=within(None, MAX_NUMBER))
    ordinal: bool = False


@dataclass(frozen=True, slots=True)
class Date(FactBase):
    """When something happened, to the precision the source gives (``2016-05-24``,
    ``2016-05`` or ``2016``)."""

    ask: str = ""
    statement: str = ""
    value: str = ""
    precision: Precision = "day"


@dataclass(frozen=True, slots=True)
class Duration(FactBase):
    """A length in minutes and seconds, written ``m:ss``."""

    ask: str = ""
    statement: str = ""
    value: str = ""

    @property
    def seconds(self) -> int:
        minutes, seconds = self.value.split(":")
        return int(minutes) * 60 + int(seconds)


@dataclass(frozen=True, slots=True)
class ChartEntry(FactBase):
    """One row of a chart table: the exact chart name, weekly peak or year-end
    position, and the chart year. ``position`` ``None`` means the source leaves it
    blank; ``size`` is how many places the chart has (for plausible wrong positions).
    """

    chart: str = ""
    type: ChartType = "weekly"
    year: int = field(default=0, metadata=_YEAR)
    position: int | None = field(default=None, metadata=within(*CHART_SIZES))
    size: int = field(default=100, metadata=within(*CHART_SIZES))


@dataclass(frozen=True, slots=True)
class Quote(FactBase):
    """Words someone said or wrote about the song."""

    text: str = ""
    speaker: str = ""
    publication: str = ""


@dataclass(frozen=True, slots=True)
class Credit(FactBase):
    """Everyone who had ``role`` on ``work`` ("the song", "the official music video")."""

    work: str = "the song"
    role: str = ""
    people: tuple[str, ...] = ()
    pool: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChronologyItem:
    """One entry in a sequence of releases."""

    title: str
    year: int | None = field(default=None, metadata=_YEAR)


@dataclass(frozen=True, slots=True)
class Chronology(FactBase):
    """An ordered run of releases (a singles chronology) and which one is the subject."""

    series: str = ""
    items: tuple[ChronologyItem, ...] = ()
    current: str = ""
    pool: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Award(FactBase):
    """An award listing: organisation, year and category. ``result`` is ``won``,
    ``nominated`` or ``None`` when the source leaves it blank."""

    organization: str = ""
    year: int = field(default=0, metadata=_YEAR)
    award: str = ""
    result: Literal["won", "nominated"] | None = None
    work: str = "the song"
    lost_to: str = ""


@dataclass(frozen=True, slots=True)
class Certification(FactBase):
    """A sales certification: a region and its level ("5× Platinum", "Diamond")."""

    region: str = ""
    level: str = ""


Fact = (
    Attribute | Number | Date | Duration | ChartEntry | Quote | Credit | Chronology | Award
    | Certification
)
F = TypeVar("F", bound=Fact)


@dataclass(frozen=True, slots=True)
class Truth:
    """What a fact states as true on its own, and the false values its pool offers
    (a pool value that is also true is never offered; lint reports it)."""

    values: tuple[str, ...]
    pool: tuple[str, ...]


def _no_checks(values: Values) -> list[Issue]:
    return []


@dataclass(frozen=True)
class FactKind(Generic[F]):
    """Everything the game knows about one ``kind:`` of fact, declared once.

    The validator reads ``required``, ``one_of`` (at least one of these keys),
    ``category`` (the default) and ``check`` (the problems with a fact's values, each
    reported at the key it names, or at the fact; it may complete a value the written
    form implies, as a date's precision; ranges of single values are the fields'
    :func:`quiz.fact_rules.within` metadata); fact ids a pack leaves out are made from ``id_keys``
    (``trim_id`` shortens them); the pack cache and the schema read the fields of
    ``cls``; lint reads ``truth``; ``generators`` names the generators that read the
    kind (the question index runs only those; a test holds the generators to it).
    """

    name: str
    cls: type[F]
    category: str
    required: frozenset[str]
    id_keys: tuple[str, ...]
    generators: tuple[str, ...]
    one_of: tuple[str, ...] = ()
    check: Callable[[Values], list[Issue]] = _no_checks
    truth: Callable[[F], Truth] | None = None
    trim_id: Callable[[list[str], Values], list[str]] | None = None


_ASKED = ("ask", "statement")


def _quote_id(parts: list[str], values: Values) -> list[str]:
    # The publication and the first words: a whole review would make an unwieldy id.
    return parts[:1] + [" ".join(parts[-1].split()[:6])] if parts else parts


def _credit_id(parts: list[str], values: Values) -> list[str]:
    if values.get("work") in (None, "the song"):
        return [part for part in parts if part != "the song"]
    return parts


_KINDS: tuple[FactKind[Any], ...] = (
    FactKind[Attribute](
        "attribute", Attribute, "Song facts", frozenset({"id", "values"}), ("ask",),
        ("attribute", "typed", "truefalse"), _ASKED,
        truth=lambda fact: Truth(fact.values, fact.pool)),
    FactKind[Number](
        "number", Number, "Numbers", frozenset({"id", "value"}), ("ask",),
        ("numbers", "truefalse"), _ASKED, check_number),
    FactKind[Date](
        "date", Date, "Dates", frozenset({"id", "value"}), ("ask",),
        ("dates", "ordering", "truefalse"), _ASKED, check_date),
    FactKind[Duration](
        "duration", Duration, "Song facts", frozenset({"id", "value"}), ("ask",),
        ("numbers", "truefalse"), _ASKED, check_duration),
    FactKind[ChartEntry](
        "chart", ChartEntry, "Charts", frozenset({"chart", "year"}), ("type", "year", "chart"),
        ("positions", "reverse", "comparison", "ordering", "truefalse"), check=check_chart),
    FactKind[Quote](
        "quote", Quote, "Critics", frozenset({"text"}), ("publication", "speaker", "text"),
        ("quotes", "typed", "truefalse"), ("speaker", "publication"), trim_id=_quote_id),
    FactKind[Credit](
        "credit", Credit, "Credits", frozenset({"role", "people"}), ("work", "role"),
        ("credits", "typed", "truefalse"), truth=lambda fact: Truth(fact.people, fact.pool),
        trim_id=_credit_id),
    FactKind[Chronology](
        "chronology", Chronology, "Chronology", frozenset({"series", "items", "current"}),
        ("series",), ("chronology", "ordering", "typed"), check=check_chronology,
        truth=lambda fact: Truth(tuple(item.title for item in fact.items), fact.pool)),
    FactKind[Award](
        "award", Award, "Awards", frozenset({"organization", "year", "award"}),
        ("organization", "year", "award"), ("awards", "reverse", "ordering")),
    FactKind[Certification](
        "certification", Certification, "Certifications", frozenset({"region", "level"}),
        ("region", "level"), ("certification", "reverse", "truefalse"),
        check=check_certification),
)  # fmt: skip

#: Every fact kind by the ``kind:`` a pack writes, in the order the docs list them.
KINDS: dict[str, FactKind[Any]] = {kind.name: kind for kind in _KINDS}
_BY_CLASS: dict[type, FactKind[Any]] = {kind.cls: kind for kind in _KINDS}


def kind_of(fact: Fact) -> FactKind[Any]:
    """The registry entry of ``fact``'s class."""
    return _BY_CLASS[type(fact)]


@dataclass(frozen=True, slots=True)
class HandQuestion:
    """A question written out by the pack author rather than generated."""

    id: str
    prompt: str
    #: The right answer: an option (``choice``), ``True``/``False`` (``truefalse``), the
    #: number as written (``number``) or the text to type (``text``); ``""`` for ``order``.
    answer: str = ""
    wrong: tuple[str, ...] = ()
    pool: str = ""
    #: How it is answered (see :data:`quiz.question.QuestionType`); the keys below
    #: belong to one type each (see :mod:`quiz.packs.question_rules`).
    type: AnswerType = "choice"
    #: ``order``: the items in the right order (the game shuffles them).
    items: tuple[str, ...] = ()
    #: ``number``: the range a player may type, ``low`` < answer < ``high``, and its unit.
    low: float | None = field(default=None, metadata=_FIGURE)
    high: float | None = field(default=None, metadata=_FIGURE)
    unit: str = ""
    #: ``text``: other spellings that count as the answer.
    accept: tuple[str, ...] = ()
    category: str = "General"
    difficulty: Difficulty = "medium"
    explanation: str = ""
    source: str = ""
    #: Ids of the pack's facts (or other hand-written questions) whose value this
    #: question asks, besides itself: a game never deals it with a question that
    #: states one of them.
    asks: tuple[str, ...] = ()
    #: Ids of the facts (or hand-written questions) its prompt or explanation states.
    reveals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PackInfo:
    """A pack's metadata block."""

    id: str
    title: str
    author: str = ""
    version: str = "1"
    description: str = ""
    attribution: Attribution | None = None


#: Where a loaded pack comes from: shipped with the game, installed by the user, or a file.
Origin = Literal["builtin", "user", "file"]


@dataclass(slots=True)
class Pack:
    """A loaded, validated pack: metadata, facts, hand-written questions and pools."""

    info: PackInfo
    subject: Subject | None = None
    facts: tuple[Fact, ...] = ()
    questions: tuple[HandQuestion, ...] = ()
    pools: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""
    origin: Origin = "file"

    @property
    def id(self) -> str:
        return self.info.id
