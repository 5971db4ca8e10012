"""True/false items: a statement that is either the fact or the fact with one value
swapped for a clearly false one. Options are ("True", "False") in that order; the
seed decides whether the true or the false form is shown.

Sources: facts with a ``statement`` (attribute, number, date, duration; ``{value}``
is replaced by the value with its unit, the statement carries qualifier words such
as "about" or "over"), chart rows, certifications and credits.

False forms:
- attribute, credit: a value from the pool that no fact makes true;
- exact number, date, duration, weekly chart peak: a near value (not any true value);
- "about" number: a value at least 25% away;
- "more-than" number: the source gives only a lower bound ("over 3.3 billion"), so a
  smaller "over" figure would be *true* and a larger one is not known to be false.
  The false form turns the bound around instead: "fewer than" half the figure
  ("fewer than 1.6 billion views"), which the lower bound rules out. A statement with no
  bound wording to turn around yields no item;
- certification: a level *above* every level known for that region (a lower level
  was passed on the way, so claiming it is not false).
Difficulty: easy.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from functools import partial

from quiz.facts import Attribute, Certification, ChartEntry, Credit, Date, Duration, Number
from quiz.generators import attribute, charts, credits, dates, numbers
from quiz.generators.base import Context, Slot, fill, place, true_false
from quiz.generators.certification import describe as describe_certification
from quiz.generators.distractors import norm, wrong_values
from quiz.generators.positions import true_positions
from quiz.generators.reverse import region_ranks
from quiz.generators.values import (
    cert_rank,
    format_date,
    format_duration,
    near_dates,
    near_durations,
    near_levels,
    near_positions,
    parse_date,
    snap,
)

NAME = "truefalse"

# A statement maker: (value) -> sentence.
Say = Callable[[str], str]


def _slot(ctx: Context, fact, say: Say, right: str, false: list, explanation: str) -> Slot:
    slot_id = ctx.slot_id(fact.id, NAME)
    return Slot(slot_id, ctx.pack.id, fact.category, fact.id, NAME,
                partial(_build, ctx, fact, say, right, false, explanation, slot_id))


def _build(ctx, fact, say: Say, right, false, explanation, slot_id: str, rng: random.Random):
    truth = rng.random() < 0.5
    value = right if truth else rng.choice(false)
    return true_false(slot_id, ctx, category=fact.category, fact=fact.id, difficulty="easy",
                      statement=say(value), truth=truth, explanation=explanation)


def slots(ctx: Context) -> Iterator[Slot]:
    """True/false items from every fact that can be stated and falsified."""
    for fact in ctx.pack.facts:
        made = _for_fact(ctx, fact)
        if made is not None:
            yield made


def _for_fact(ctx: Context, fact) -> Slot | None:
    if isinstance(fact, Attribute) and fact.statement and fact.values:
        false = wrong_values(ctx.pool(fact.pool), fact.values)
        right = fact.values[0]
        say, why = partial(fill, fact.statement), attribute.describe(fact)
    elif isinstance(fact, Number) and fact.statement:
        right = numbers.render(fact, fact.value)
        say, why = partial(fill, fact.statement), numbers.describe(fact)
        if numbers.qualifier(fact) == "more-than":
            reversed_bound = numbers.LOWER_BOUND.sub("fewer than {value}", fact.statement)
            values = [] if reversed_bound == fact.statement else _well_below(fact)
            say = partial(_bound_sentence, fact.statement, reversed_bound, right)
        else:
            below, above = numbers.near(fact)
            values = below[:2] + above[:2]
        false = wrong_values((numbers.render(fact, v) for v in values), [right])
    elif isinstance(fact, Date) and fact.statement and fact.value:
        right = format_date(*parse_date(fact.value))
        below, above = near_dates(fact.value)
        false = below[:2] + above[:2]
        say, why = partial(fill, fact.statement), dates.describe(fact)
    elif isinstance(fact, Duration) and fact.statement:
        right = format_duration(fact.seconds)
        below, above = near_durations(fact.seconds)
        false = below[:2] + above[:2]
        say, why = partial(fill, fact.statement), numbers.describe_duration(ctx, fact)
    elif isinstance(fact, ChartEntry) and fact.position is not None and fact.type == "weekly":
        # Weekly peaks only: a year-end row already yields a position and a reverse
        # question, and "ranked 51st or 53rd?" as true/false is a guess, not a quiz.
        taken = true_positions(ctx, fact)
        below, above = near_positions(fact.position, fact.size, reach=3)
        false = [str(p) for p in below + above if p not in taken]
        right = str(fact.position)
        say = partial(_chart_sentence, ctx, fact)
        why = charts.describe([fact])
    elif isinstance(fact, Certification):
        ranks = region_ranks(ctx)[norm(fact.region)]
        if None in ranks or cert_rank(fact.level) != max(ranks):
            return None
        false = near_levels(max(ranks))[1][:2]
        right = fact.level
        say = partial(_cert_sentence, ctx, fact)
        why = describe_certification(fact)
    elif isinstance(fact, Credit) and fact.people and fact.role:
        right_people = credits.people_with(ctx, fact.work, fact.role)
        false = wrong_values(credits.candidates(ctx, fact), right_people)
        right = fact.people[0]
        say = partial(_credit_sentence, ctx, fact)
        why = credits.describe(ctx, [fact])
    else:
        return None
    if not false:
        # Without a false form the answer would always be "True".
        return None
    return _slot(ctx, fact, say, right, false, why)


def _well_below(fact: Number) -> list[float]:
    """Figures at most half a lower bound: "fewer than" any of them is false."""
    step = fact.step or 1
    found = []
    for factor in (1 / 2, 1 / 3, 1 / 4):
        value = snap(fact.value * factor, step, 0)
        if 0 < value <= fact.value / 2 and value not in found:
            found.append(value)
    return found


def _bound_sentence(statement: str, reversed_bound: str, right: str, value: str) -> str:
    return fill(statement if value == right else reversed_bound, value)


def _chart_sentence(ctx: Context, entry, position: str) -> str:
    return charts.statement(ctx, entry, int(position))


def _cert_sentence(ctx: Context, cert, level: str) -> str:
    return f"{_capital(ctx.song)} is certified {level} in {place(cert.region)}."


def _credit_sentence(ctx: Context, credit, person: str) -> str:
    return f'{person} is listed under "{credit.role}" in the credits of {ctx.work(credit.work)}.'


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]

