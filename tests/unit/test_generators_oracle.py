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
    Attribute,
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
from quiz.generators.typed import SHORT
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
    'P is listed under "R" in the credits of W.', "P was the R of W." or "P was the R
    in W."."""
    if " is listed under " in text:
        return text.split(" is listed under ")[0]
    match = re.fullmatch(r"(.+?) was (?:the|an?) (.+?) (?:of|in) (.+)\.", text)
    assert match, text
    person, role, work = match.groups()
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
    if isinstance(fact, Quote):
        assert text.endswith(f'"{fact.text}".'), text
        if " said this about " in text:
            speaker = text.split(" said this about ")[0]
            return any(n(x.text) == n(fact.text) and n(x.speaker) == n(speaker)
                       for x in pack.facts if isinstance(x, Quote))
        publication = text.split(" printed this verdict on ")[0]
        return any(n(x.text) == n(fact.text) and n(x.publication) == n(publication)
                   for x in pack.facts if isinstance(x, Quote))
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
        claimed = re.search(r"VALUE (?:on )?(.+)\.$", text).group(1)
        got = option_key("date", claimed)
        parts = [int(p) for p in fact.value.split("-")]
        return [got.year, got.month, got.day][: len(parts)] == parts
    if isinstance(fact, Duration):
        claimed = re.search(r"VALUE (\d+:\d\d)", text).group(1)
        return option_key("duration", claimed) == fact.seconds
    # Attribute: the statement template is "VALUE {value}."
    claimed = re.search(r"VALUE (.+)\.$", text).group(1)
    return n(claimed) in {n(v) for v in fact.values}


# -- the typed kinds: order, number, text -----------------------------------------------


def _date_span(value: str) -> tuple[dt.date, dt.date]:
    """First and last day a written date (YYYY, YYYY-MM, YYYY-MM-DD) may be."""
    parts = [int(p) for p in value.split("-")]
    first = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    if len(parts) == 3:
        return first, first
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return first, dt.date(parts[0], 12, 31)


def _order_key(pack: Pack, q: Question, option: str):
    """What an order question's option is ordered by, found in the facts alone, as a
    (first, last) pair: two items are in a known order when one's last is before the
    other's first."""
    fact = fact_of(pack, q)
    if q.kind == "date-order":
        dates = [f for f in pack.facts if isinstance(f, Date)
                 and n(f.statement).startswith(n(option) + " ")]
        assert len(dates) == 1, (q.id, option)
        return _date_span(dates[0].value)
    if q.kind == "chart-order":
        rows = [e for e in _charts(pack) if n(e.chart) == n(option)
                and e.type == fact.type and e.year == fact.year]
        assert rows and len({e.position for e in rows}) == 1, (q.id, option)
        return rows[0].position, rows[0].position
    if q.kind == "single-order":
        titles = [n(i.title) for i in fact.items]
        assert titles.count(n(option)) == 1
        return titles.index(n(option)), titles.index(n(option))
    if q.kind == "award-order":
        years = {a.year for a in pack.facts if isinstance(a, Award)
                 and n(option).endswith(f"at the {n(a.organization)}") and n(a.award) in n(option)}
        assert len(years) == 1, (q.id, option, years)
        year = years.pop()
        return year, year
    raise AssertionError(f"unknown order kind {q.kind}")


def check_order(pack: Pack, q: Question) -> None:
    """The right order is the facts' order, strictly: no two items tie or overlap, and
    the items are not shown already in order."""
    assert q.type == "order" and 3 <= len(q.options) <= 5, q
    assert sorted(q.order) == list(range(len(q.options))), q
    assert list(q.order) != sorted(q.order), q  # never shown in the right order
    keys = [_order_key(pack, q, q.options[i]) for i in q.order]
    for before, after in zip(keys, keys[1:], strict=False):
        assert before[1] < after[0], (q.id, q.correct, keys)


def true_numbers(pack: Pack, q: Question) -> set[float]:
    """Every number that answers a number question, from the facts alone."""
    fact = fact_of(pack, q)
    if q.kind == "position":
        return {e.position for e in _charts(pack) if _same_row(e, fact)}
    if q.kind == "award-year":
        return {a.year for a in pack.facts if isinstance(a, Award)
                and n(a.organization) == n(fact.organization) and n(a.award) == n(fact.award)}
    if q.kind == "date":
        return {int(fact.value[:4])}
    if q.kind == "number":
        return {fact.value}
    if q.kind == "single-year":
        titles = [n(i.title) for i in fact.items]
        here = titles.index(n(fact.current))
        there = here - 1 if q.id.endswith(":before") else here + 1
        return {fact.items[there].year}
    raise AssertionError(f"unknown number kind {q.kind}")


def check_number(pack: Pack, q: Question) -> None:
    """One true number, the question's, inside the range a player may type."""
    assert q.type == "number" and q.options == () and q.number is not None, q
    assert true_numbers(pack, q) == {q.number}, q
    assert q.low is not None and q.high is not None and q.low <= q.number <= q.high < 10**6, q
    assert q.low < q.high, q
    if q.kind == "position":
        # A chart's own places: the range says nothing about the answer.
        assert (q.low, q.high) == (1, max(fact_of(pack, q).size, q.number)), q


def _subject_names(pack: Pack) -> str:
    return n(f"{pack.subject.title} {pack.subject.artist}") if pack.subject else ""


def true_and_false_texts(pack: Pack, q: Question) -> tuple[set[str], set[str]]:
    """(every value that answers a text question, every other value of the same kind
    in the pack), folded, from the facts alone."""
    fact = fact_of(pack, q)
    if q.kind == "attribute-text":
        every = {n(v) for f in pack.facts if isinstance(f, Attribute) for v in f.values}
        return {n(v) for v in fact.values}, every
    if q.kind == "credit-text":
        people = {n(p) for c in pack.facts if isinstance(c, Credit)
                  and n(c.work) == n(fact.work) and n(c.role) == n(fact.role) for p in c.people}
        # "Besides A and B, ___ ..." leaves out the people the prompt names.
        named = {p for p in people if p in n(q.prompt.split("___")[0])}
        every = {n(p) for c in pack.facts if isinstance(c, Credit) for p in c.people}
        return people - named, every
    if q.kind == "single-text":
        titles = [n(i.title) for i in fact.items]
        here = titles.index(n(fact.current))
        there = here - 1 if q.id.endswith(":before") else here + 1
        return {titles[there]}, set(titles)
    if q.kind == "quote-text":
        printed = {n(x.publication) for x in pack.facts
                   if isinstance(x, Quote) and n(x.text) == n(fact.text) and x.publication}
        every = {n(x.publication) for x in pack.facts if isinstance(x, Quote) and x.publication}
        return printed, every
    raise AssertionError(f"unknown text kind {q.kind}")


def check_text(pack: Pack, q: Question) -> None:
    """The answer is a true value; every spelling that counts reads like it; no other
    value of the same kind in the pack (nor anything in ``reject``) is accepted."""
    from quiz.grading import grade, normalise

    assert q.type == "text" and q.options == () and q.text, q
    right, every = true_and_false_texts(pack, q)
    assert right == {n(q.text)}, (q.id, right)  # one true answer: the question's
    assert grade(q, q.text) == 1.0
    accepted = {normalise(a) for a in (q.text, *q.accept)}
    for spelling in q.accept:
        assert grade(q, spelling) == 1.0
        # A spelling the value gives: part of it, or a name the country goes by (never a
        # new name).
        other_names = SHORT.get(normalise(q.text).removeprefix("the "), ())
        assert (normalise(spelling) in normalise(q.text) or len(spelling) <= 3
                or spelling in other_names), (q.id, spelling)
    for other in every - right:
        assert normalise(other) not in accepted, (q.id, other)
        assert grade(q, other) == 0.0, (q.id, other)
    for value in q.reject:
        assert grade(q, value) == 0.0, (q.id, value)
    assert not (right & {n(r) for r in q.reject}), q.id


def check_any(pack: Pack, q: Question) -> None:
    """Whatever its type: the answer traces back to the facts and nothing else is true."""
    if q.type == "order":
        check_order(pack, q)
    elif q.type == "number":
        check_number(pack, q)
    elif q.type == "text":
        check_text(pack, q)
    else:
        assert true_options(pack, q) == {q.answer}, q
