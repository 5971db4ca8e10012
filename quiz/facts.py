"""Typed facts: what a pack knows about its song, in a form generators can reason about.

Every fact kind here is general enough for any song's pack. A fact records only what
its source says; a value the source does not give is ``None`` (unknown) and no
question ever asks for it. ``source`` names where the fact came from (for the
built-in pack: the infobox, a table, or the prose section).

Distractor rules live with the generators, but the facts carry what they need:
``values``/``people`` list *every* true value (so no true value can ever be offered
as a wrong option), and ``pool`` names alternatives of the same kind that are known
to be false for this fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ChartType = Literal["weekly", "year-end"]
Precision = Literal["day", "month", "year"]
Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[str, ...] = ("easy", "medium", "hard")


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
    value: float = 0
    unit: str = ""
    qualifier: Literal["exact", "about", "more-than"] = "exact"
    low: float = 0
    high: float = 0
    step: float = 1
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
    year: int = 0
    position: int | None = None
    size: int = 100


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
    year: int | None = None


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
    year: int = 0
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

#: The ``kind:`` a pack writes, mapped to the class that holds it.
FACT_KINDS: dict[str, type] = {
    "attribute": Attribute,
    "number": Number,
    "date": Date,
    "duration": Duration,
    "chart": ChartEntry,
    "quote": Quote,
    "credit": Credit,
    "chronology": Chronology,
    "award": Award,
    "certification": Certification,
}

#: Category a fact gets when the pack does not name one.
DEFAULT_CATEGORY: dict[str, str] = {
    "attribute": "Song facts",
    "number": "Numbers",
    "date": "Dates",
    "duration": "Song facts",
    "chart": "Charts",
    "quote": "Critics",
    "credit": "Credits",
    "chronology": "Chronology",
    "award": "Awards",
    "certification": "Certifications",
}


@dataclass(frozen=True, slots=True)
class HandQuestion:
    """A question written out by the pack author rather than generated."""

    id: str
    prompt: str
    answer: str
    wrong: tuple[str, ...] = ()
    pool: str = ""
    category: str = "General"
    difficulty: Difficulty = "medium"
    explanation: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class PackInfo:
    """A pack's metadata block."""

    id: str
    title: str
    author: str = ""
    version: str = "1"
    description: str = ""


@dataclass(slots=True)
class Pack:
    """A loaded, validated pack: metadata, facts, hand-written questions and pools."""

    info: PackInfo
    subject: Subject | None = None
    facts: tuple[Fact, ...] = ()
    questions: tuple[HandQuestion, ...] = ()
    pools: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: str = ""
    origin: Literal["builtin", "user", "file"] = "file"

    @property
    def id(self) -> str:
        return self.info.id
