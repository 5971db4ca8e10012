"""An independent judge of generated questions, for the generator tests (helpers, no tests).

It decides from the pack's facts alone (never calling generator code) which options
of a question are true, so a generator that lets a true value in as a wrong option
fails the tests. Only what a question's ``kind`` and ``fact`` say is used.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from quiz.facts import (
    Award,
    Certification,
    ChartEntry,
    Chronology,
    Credit,
    Date,
    Duration,
    Number,
    Pack,
    Quote,
)
from quiz.question import Question

#: Kinds whose options are in natural ascending order.
SORTED_KINDS = {"position", "number", "duration", "date", "award-year", "certification"}


def n(text) -> str:
    return " ".join(str(text).casefold().split())


_WORD_TIMES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}


def rank(level: str) -> float | None:
    """Certification rank, written independently of the generators."""
    text = n(level)
    base = {"gold": 0.5, "platinum": 1, "diamond": 10}
    for word, value in base.items():
        if text == word:
            return value
        match = re.fullmatch(rf"(\d+)× {word}", text)
        if match:
            return int(match.group(1)) * value
        for times_word, times in _WORD_TIMES.items():
            if text == f"{times_word} {word}":
                return times * value
    return None


def option_key(kind: str, option: str):
    """Sort key of an option of a sorted kind."""
    if kind == "duration":
        minutes, seconds = option.split(":")
        return int(minutes) * 60 + int(seconds)
    if kind == "date":
        for form in ("%B %d, %Y", "%B %Y", "%Y"):
            try:
                return dt.datetime.strptime(option, form)
            except ValueError:
                pass
        raise AssertionError(f"not a date: {option!r}")
    if kind == "certification":
        return rank(option)
    return float(re.match(r"-?[\d,]+(?:\.\d+)?", option).group(0).replace(",", ""))


def fact_of(pack: Pack, question: Question):
    return next(f for f in pack.facts if f.id == question.fact)


def true_options(pack: Pack, question: Question) -> set[int]:
    """Indexes of the options that are true for the question, judged from facts."""
    fact = fact_of(pack, question) if not question.fact.startswith("q:") else None
    truths = [_is_true(pack, question, fact, option) for option in question.options]
    return {i for i, ok in enumerate(truths) if ok}


def _same_row(a: ChartEntry, b: ChartEntry) -> bool:
    return (n(a.chart), a.type, a.year) == (n(b.chart), b.type, b.year)


def _charts(pack: Pack) -> list[ChartEntry]:
    return [f for f in pack.facts if isinstance(f, ChartEntry) and f.position is not None]


def _is_true(pack: Pack, q: Question, fact, option: str) -> bool:
    check = _CHECKS.get(q.kind)
    if check is None:
        raise AssertionError(f"unknown kind {q.kind}")
    return check(pack, q, fact, option)


def _hand(pack: Pack, q: Question, fact, option: str) -> bool:
    item = next(i for i in pack.questions if f"q:{i.id}" == q.fact)
    return n(option) == n(item.answer)


def _attribute(pack: Pack, q: Question, fact, option: str) -> bool:
    return n(option) in {n(v) for v in fact.values}


def _position(pack: Pack, q: Question, fact, option: str) -> bool:
    return int(option) in {e.position for e in _charts(pack) if _same_row(e, fact)}


def _reverse(pack: Pack, q: Question, fact, option: str) -> bool:
    if isinstance(fact, ChartEntry):
        return any(n(e.chart) == n(option) and e.type == fact.type and e.year == fact.year
                   and e.position == fact.position for e in _charts(pack))
    if isinstance(fact, Certification):
        asked = rank(fact.level)
        return any(n(c.region) == n(option) and (rank(c.level) is None or rank(c.level) >= asked)
                   for c in pack.facts if isinstance(c, Certification))
    if isinstance(fact, Award):
        return any(n(a.organization) == n(option) and n(a.award) == n(fact.award)
                   and a.year == fact.year for a in pack.facts if isinstance(a, Award))
    raise AssertionError("unknown kind reverse")


def _certification(pack: Pack, q: Question, fact, option: str) -> bool:
    levels = [rank(c.level) for c in pack.facts
              if isinstance(c, Certification) and n(c.region) == n(fact.region)]
    return rank(option) == max(levels)


def _number(pack: Pack, q: Question, fact, option: str) -> bool:
    assert isinstance(fact, Number)
    value = option_key("number", option)
    if fact.qualifier == "about":
        return abs(value - fact.value) < 0.2 * abs(fact.value) or value == fact.value
    return value == fact.value


def _duration(pack: Pack, q: Question, fact, option: str) -> bool:
    assert isinstance(fact, Duration)
    return option_key("duration", option) == fact.seconds


def _date(pack: Pack, q: Question, fact, option: str) -> bool:
    assert isinstance(fact, Date)
    parts = [int(p) for p in fact.value.split("-")]
    got = option_key("date", option)
    return [got.year, got.month, got.day][: len(parts)] == parts


def _quote(pack: Pack, q: Question, fact, option: str) -> bool:
    return any(n(x.text) == n(fact.text) and n(x.publication) == n(option)
               for x in pack.facts if isinstance(x, Quote))


def _critic(pack: Pack, q: Question, fact, option: str) -> bool:
    return any(n(x.text) == n(fact.text) and n(x.speaker) == n(option)
               for x in pack.facts if isinstance(x, Quote))


def _credit(pack: Pack, q: Question, fact, option: str) -> bool:
    return any(n(c.work) == n(fact.work) and n(c.role) == n(fact.role)
               and n(option) in {n(p) for p in c.people}
               for c in pack.facts if isinstance(c, Credit))


def _role(pack: Pack, q: Question, fact, option: str) -> bool:
    person = _person_in_prompt(pack, q, fact)
    return any(n(c.work) == n(fact.work) and n(c.role) == n(option)
               and n(person) in {n(p) for p in c.people}
               for c in pack.facts if isinstance(c, Credit))


def _chronology(pack: Pack, q: Question, fact, option: str) -> bool:
    assert isinstance(fact, Chronology)
    titles = [n(i.title) for i in fact.items]
    here = titles.index(n(fact.current))
    there = here - 1 if q.id.endswith(":before") else here + 1
    return n(option) == titles[there]


def _comparison(pack: Pack, q: Question, fact, option: str) -> bool:
    positions = {n(o): min(e.position for e in _charts(pack) if n(e.chart) == n(o)
                           and e.type == fact.type and e.year == fact.year)
                 for o in q.options}
    best = min(positions.values())
    return positions[n(option)] == best


def _award(pack: Pack, q: Question, fact, option: str) -> bool:
    return any(n(a.organization) == n(fact.organization) and a.year == fact.year
               and n(a.award) == n(option) for a in pack.facts if isinstance(a, Award))


def _award_year(pack: Pack, q: Question, fact, option: str) -> bool:
    return any(n(a.organization) == n(fact.organization) and n(a.award) == n(fact.award)
               and str(a.year) == option for a in pack.facts if isinstance(a, Award))


def _truefalse(pack: Pack, q: Question, fact, option: str) -> bool:
    return (option == "True") == statement_is_true(pack, q, fact)


#: Per question kind: whether an option is true, judged from the facts alone.
_CHECKS: dict[str, Callable[[Pack, Question, object, str], bool]] = {
    "hand": _hand,
    "attribute": _attribute,
    "position": _position,
    "reverse": _reverse,
    "certification": _certification,
    "number": _number,
    "duration": _duration,
    "date": _date,
    "quote": _quote,
    "critic": _critic,
    "credit": _credit,
    "role": _role,
    "chronology": _chronology,
    "comparison": _comparison,
    "award": _award,
    "award-year": _award_year,
    "truefalse": _truefalse,
}


def _person_in_prompt(pack: Pack, q: Question, fact: Credit) -> str:
    people = {p for c in pack.facts if isinstance(c, Credit) for p in c.people}
    # The song's credits: "Under which role is P listed in the credits of ...?"; any
    # other work (a video has no credits list): "What was P's role in ...?".
    found = [p for p in people if f" {p} listed" in q.prompt or f" {p}'s role" in q.prompt]
    assert len(found) == 1, (q.prompt, found)
    return found[0]


def _credited_person(text: str, fact: Credit) -> str:
    """Who a credit statement names, with its work and role checked against the fact:
    'P is listed under "R" in the credits of W.' or "In W, P was the R."."""
    if " is listed under " in text:
        return text.split(" is listed under ")[0]
    match = re.fullmatch(r"In (.+?), (.+) was (?:the|an?) (.+)\.", text)
    assert match, text
    work, person, role = match.groups()
    assert n(role) == n(fact.role), text
    assert n(work) == n(fact.work), text
    return person


def statement_is_true(pack: Pack, q: Question, fact) -> bool:
    """Whether a true/false statement is true, judged from the facts."""
    text = q.prompt.removeprefix("True or false: ")
    if isinstance(fact, ChartEntry):
        claimed = int(re.search(r"number (\d+) on", text).group(1))
        return claimed in {e.position for e in _charts(pack) if _same_row(e, fact)}
    if isinstance(fact, Certification):
        claimed = rank(re.search(r"certified (.+) in ", text).group(1))
        top = max(rank(c.level) for c in pack.facts
                  if isinstance(c, Certification) and n(c.region) == n(fact.region))
        # A claim below the top level is ambiguous (certifications add up): never made.
        assert claimed >= top, text
        return claimed == top
    if isinstance(fact, Credit):
        person = _credited_person(text, fact)
        return any(n(c.work) == n(fact.work) and n(c.role) == n(fact.role)
                   and n(person) in {n(p) for p in c.people}
                   for c in pack.facts if isinstance(c, Credit))
    if isinstance(fact, Number):
        claimed = float(re.search(r"VALUE (-?[\d,.]+)", text).group(1).replace(",", ""))
        if fact.qualifier == "more-than":
            # A lower bound: only a claim at or below it is known true, and a false
            # claim must be clearly out of reach.
            assert claimed == fact.value or claimed >= 2 * fact.value, text
            return claimed <= fact.value
        if fact.qualifier == "about":
            assert claimed == fact.value or abs(claimed - fact.value) >= 0.2 * fact.value
        return claimed == fact.value
    if isinstance(fact, Date):
        claimed = re.search(r"VALUE (.+)\.$", text).group(1)
        got = option_key("date", claimed)
        parts = [int(p) for p in fact.value.split("-")]
        return [got.year, got.month, got.day][: len(parts)] == parts
    if isinstance(fact, Duration):
        claimed = re.search(r"VALUE (\d+:\d\d)", text).group(1)
        return option_key("duration", claimed) == fact.seconds
    # Attribute: the statement template is "VALUE {value}."
    claimed = re.search(r"VALUE (.+)\.$", text).group(1)
    return n(claimed) in {n(v) for v in fact.values}
