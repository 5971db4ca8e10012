"""Facts that yield no question, and why (warnings, severity "warning").

A fact can be valid and still give the game nothing to ask: a quote with no other
quotes to take wrong publications from, a credit with nobody else to offer, a chart
row with no position. The pack loads, but what the author wrote never shows up in a
game, so each such fact gets a warning at its line saying what it lacks. An attribute
whose values are the song's own title or artists (the lead artist) is not asked by
design, since the home screen shows it, and gets no warning.
"""

from __future__ import annotations

from quiz.facts import (
    Attribute,
    Award,
    Certification,
    ChartEntry,
    Chronology,
    Credit,
    Fact,
    Number,
    Pack,
    Quote,
)
from quiz.generators import index_for
from quiz.generators.base import Context
from quiz.generators.distractors import MIN_OPTIONS, norm, telling_words
from quiz.generators.values import cert_rank
from quiz.packs.lint import Marks
from quiz.packs.problems import Problem

#: Wrong values a multiple-choice question needs at the least.
FEWEST_WRONG = MIN_OPTIONS - 1
_POOL_HINT = "add false values of the same kind to its 'pool'"


def asked_facts(pack: Pack) -> set[str]:
    """Ids of the facts some question of ``pack`` asks about or draws its answer from."""
    asked: set[str] = set()
    for slot in index_for(pack).fact_slots:
        asked.add(slot.fact)
        asked.update(slot.asks)
    return asked


def unasked(pack: Pack, marks: Marks) -> list[Problem]:
    """A warning at each fact of ``pack`` that yields no question, saying why."""
    try:
        asked = asked_facts(pack)
    except Exception:  # a generator that fails is reported where questions are built
        return []
    warnings = []
    ctx = Context(pack)
    for fact, (line, column) in zip(pack.facts, marks.fact_marks, strict=True):
        if fact.id not in asked and not silent_by_design(fact, ctx):
            message = f"fact '{fact.id}' yields no question: {why(fact, pack)}"
            warnings.append(Problem(marks.path, line, column, message, "warning"))
    return warnings


def silent_by_design(fact: Fact, ctx: Context) -> bool:
    """Whether ``fact`` is left unasked on purpose: the lead and featured artist, facts
    a pack states although the home screen already shows them."""
    return isinstance(fact, Attribute) and bool(fact.values) and all(
        ctx.on_title_screen(value) for value in fact.values)


def why(fact: Fact, pack: Pack) -> str:
    """What a fact that yields no question lacks, in an author's words."""
    reason = _REASONS.get(type(fact))
    said = reason(fact, pack) if reason is not None else None
    return said or (f"the pack gives fewer than {FEWEST_WRONG} false values of its kind"
                    " to offer as wrong options")  # fmt: skip


def _attribute(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, Attribute)
    if not fact.values:
        return "it has no true 'values'"
    return (f"its pool holds fewer than {FEWEST_WRONG} values that are not true"
            f" ({_POOL_HINT})")


def _number(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, Number)
    if fact.qualifier == "more-than" and not fact.statement:
        return "a 'more-than' figure is only asked as a true/false 'statement'"
    return None


def _chart(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, ChartEntry)
    if fact.position is None:
        return "it has no 'position' (unknown): a chart row is asked about its position"
    return "another row gives the same chart, type and year a different position"


def _quote(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, Quote)
    if not fact.publication and not fact.speaker:
        return "it names neither 'publication' nor 'speaker', so nothing can be asked"
    others = [q for q in pack.facts if isinstance(q, Quote) and norm(q.text) != norm(fact.text)]
    return (f"a quote's wrong options are the publications or speakers of the pack's other"
            f" quotes, and it needs {FEWEST_WRONG} of them (this pack has {len(others)}"
            " other quotes)")


def _credit(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, Credit)
    return (f"its wrong options are its 'pool' and the people credited with other roles on"
            f" {fact.work}, and it needs {FEWEST_WRONG} of them who did not have this role"
            " (add a 'pool' of people)")


def _chronology(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, Chronology)
    if norm(fact.current) not in {norm(item.title) for item in fact.items}:
        return f"'current' ({fact.current!r}) is not one of its items"
    return f"it needs other titles to offer as wrong options ({_POOL_HINT})"


def _award(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, Award)
    ctx = Context(pack)
    others = {norm(a.award) for a in ctx.awards} - {norm(fact.award)}
    shared = telling_words(fact.award, ctx.subject_words) & telling_words(
        fact.organization, ctx.subject_words)
    if len(others) < FEWEST_WRONG:
        category = (f"its category is asked among the pack's other award categories, and it"
                    f" needs {FEWEST_WRONG} of them (this pack has {len(others)})")
    elif shared:
        word = sorted(shared)[0]
        category = (f"its category shares the word {word!r} with the show's name, which would"
                    " give the answer away among the other categories")
    else:
        category = "its category is asked once per show and year, by another listing"
    if ctx.askable_year(fact.year):
        return category
    year = ("it is the pack's most named year, which year questions never ask"
            if fact.year == ctx.usual_year else "it is outside the years the pack names")
    return f"{category}; its year is not asked either: {year}"


def _certification(fact: Fact, pack: Pack) -> str | None:
    assert isinstance(fact, Certification)
    if cert_rank(fact.level) is None:
        return (f"the level {fact.level!r} is not one the game can rank"
                " (Gold, Platinum, 2× Platinum, Diamond...)")
    return None


_REASONS = {
    Attribute: _attribute, Number: _number, ChartEntry: _chart, Quote: _quote,
    Credit: _credit, Chronology: _chronology, Award: _award, Certification: _certification,
}  # fmt: skip
