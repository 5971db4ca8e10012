"""How facts read in options and explanations, for every generator that shows them.

A fact's explanation is the same whichever question asked about it (its own
multiple-choice question or a true/false item), so each kind's wording lives here
once. Chart rows have their own wording module, :mod:`charts`.
"""

from __future__ import annotations

from quiz.facts import Attribute, Certification, Credit, Date, Duration, Number
from quiz.generators.base import Context, explain, fill, join_names
from quiz.generators.truths import qualifier
from quiz.generators.values import format_date, format_duration, format_number, parse_date


def capital(text: str) -> str:
    """``text`` with its first letter upper-case (the song's name opening a sentence)."""
    return text[:1].upper() + text[1:]


# Country names read with "the" in running text ("certified Diamond in the United States").
_WITH_THE = {"uk", "us", "uae", "netherlands", "philippines", "bahamas", "czech republic",
             "dominican republic"}


def place(name: str) -> str:
    """A country name as it reads mid-sentence: "the United States", "Canada"."""
    lowered = " ".join(name.casefold().split())
    if lowered.startswith("united ") or lowered in _WITH_THE:
        return f"the {name}"
    return name


def describe_attribute(fact: Attribute) -> str:
    """An attribute as a sentence, for explanations."""
    values = join_names(fact.values)
    if fact.statement:
        return explain(fill(fact.statement, values))
    return explain(f"The answer is {values}.")


def render_number(fact: Number, value: float) -> str:
    """A value of this fact as an option: "15 minutes", "46th"."""
    return format_number(value, fact.step or 1, fact.unit, fact.ordinal)


def said(fact: Number) -> str:
    """The true figure as the source puts it: "about 15 minutes", "more than 20
    countries"."""
    prefix = {"about": "about ", "more-than": "more than "}.get(qualifier(fact), "")
    return prefix + render_number(fact, fact.value)


def describe_number(fact: Number) -> str:
    """A number fact as a sentence, for explanations."""
    if fact.statement:
        # The statement carries its own qualifier words ("about {value}").
        return explain(fill(fact.statement, render_number(fact, fact.value)))
    return explain(f"The answer is {said(fact)}.")


def describe_duration(ctx: Context, fact: Duration) -> str:
    """The length as a sentence, for explanations."""
    answer = format_duration(fact.seconds)
    if fact.statement:
        return explain(fill(fact.statement, answer))
    return explain(f"{ctx.song[0].upper()}{ctx.song[1:]} is {answer} long.")


def written_date(fact: Date) -> str:
    """The fact's date as players read it: "May 24, 2016", "May 2016", "2016"."""
    return format_date(*parse_date(fact.value))


def describe_date(fact: Date) -> str:
    """A date fact as a sentence, for explanations."""
    if fact.statement:
        return explain(fill(fact.statement, written_date(fact)))
    return explain(f"The answer is {written_date(fact)}.")


def describe_certification(cert: Certification) -> str:
    """A certification as a sentence, for explanations."""
    return explain(f"It is certified {cert.level} in {place(cert.region)}.")


def listed(ctx: Context, work: str) -> bool:
    """Whether ``work`` is the song itself, whose credits list people under roles. Any
    other work (a music video) has no credits list to point to, so its people are
    named by what they did: "In the official music video, Phil Pinto was the
    director"."""
    return ctx.work(work) == ctx.song


def a_role(role: str, people: int = 1) -> str:
    """"the director" for a role one person held, "a songwriter" for a shared one."""
    if people <= 1:
        return f"the {role}"
    return f"an {role}" if role[:1].casefold() in "aeiou" else f"a {role}"


#: Roles that belong to a work ("the director of the video"); others are played in
#: it ("the love interest in the video").
_ROLES_OF = frozenset({"director", "producer", "writer", "songwriter", "editor",
                       "choreographer", "cinematographer", "composer", "arranger"})


def role_in(role: str, work: str, people: int = 1) -> str:
    """"the director of the official music video", "the love interest in it"."""
    joint = "of" if role.casefold() in _ROLES_OF else "in"
    return f"{a_role(role, people)} {joint} {work}"


def credit_sentence(ctx: Context, credit: Credit, person: str) -> str:
    """A statement that ``person`` had ``credit``'s role, true or false."""
    work = ctx.work(credit.work)
    if listed(ctx, credit.work):
        return f'{person} is listed under "{credit.role}" in the credits of {work}.'
    return f"{person} was {role_in(credit.role, work)}."


def describe_credits(ctx: Context, credits: list[Credit]) -> str:
    """Who had which role, for explanations."""
    parts = []
    for c in credits:
        work, people = ctx.work(c.work), join_names(c.people)
        if listed(ctx, c.work):
            parts.append(f'the credits of {work} list {people} under "{c.role}"')
        else:
            verb = "were" if len(c.people) > 1 else "was"
            parts.append(f"{people} {verb} {role_in(c.role, work, len(c.people))}")
    sentence = "; ".join(parts)
    return explain(sentence[:1].upper() + sentence[1:] + ".")
