"""True/false items: a statement that is either the fact or the fact with one value
swapped for a clearly false one. Options are ("True", "False") in that order; the
seed decides whether the true or the false form is shown.

Sources: facts with a ``statement`` (attribute, number, date, duration; ``{value}``
is replaced by the value with its unit, the statement carries qualifier words such
as "about" or "over"), chart rows, certifications, credits and quotes printed by a
publication.

False forms:
- attribute, credit: a value from the pool that no fact makes true;
- exact number: a value at least a tenth of its range away ("46th" becomes "36th",
  not "48th", which was a coin flip); date, duration, weekly chart peak: a near value
  (not any true value);
- "about" number: a value at least 25% away;
- "more-than" number: the source gives only a lower bound ("over 3.3 billion"), so a
  smaller "over" figure would be *true* and a larger one is not known to be false.
  The false form turns the bound around instead: "fewer than" half the figure
  ("fewer than 1.6 billion views"), which the lower bound rules out. A statement with no
  bound wording to turn around yields no item;
- certification: a level *above* every level known for that region (a lower level
  was passed on the way, so claiming it is not false);
- quote: the publication of another quote, never one that printed the same words; for
  words no publication printed, another quote's speaker.
Difficulty: easy.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from quiz.fact_rules import check_number
from quiz.facts import (
    Attribute,
    Certification,
    ChartEntry,
    Credit,
    Date,
    Duration,
    Fact,
    Number,
    Quote,
)
from quiz.generators import charts
from quiz.generators.base import Context, Generator, Slot, fill, true_false
from quiz.generators.distractors import norm, title_rivals, wrong_values
from quiz.generators.quotes import describe
from quiz.generators.sentences import (
    capital,
    credit_sentence,
    describe_attribute,
    describe_certification,
    describe_credits,
    describe_date,
    describe_duration,
    describe_number,
    place,
    render_number,
    written_date,
)
from quiz.generators.truths import (
    LOWER_BOUND,
    credit_candidates,
    near_number,
    number_values,
    people_with,
    qualifier,
    region_ranks,
    true_positions,
)
from quiz.generators.values import (
    cert_rank,
    format_duration,
    near_dates,
    near_durations,
    near_levels,
    near_positions,
    number_bounds,
    snap,
)
from quiz.question import Question

NAME = "truefalse"

# A statement maker: (value) -> sentence.
Say = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Form:
    """How one fact becomes a true/false item: the sentence for a value, the true
    value, the values that make it false, and the explanation."""

    say: Say
    right: str
    false: list[str]
    why: str


def slots(ctx: Context) -> Iterator[Slot]:
    """True/false items from every fact that can be stated and falsified."""
    for fact in ctx.pack.facts:
        form = _FORMS[type(fact)](ctx, fact) if type(fact) in _FORMS else None
        # Without a false form the answer would always be "True".
        if form is not None and form.false:
            yield ctx.slot(fact, NAME, partial(_build, form), reveals=ctx.holders(form.false))


def _build(form: Form, slot: Slot, rng: random.Random) -> Question:
    truth = rng.random() < 0.5
    value = form.right if truth else rng.choice(form.false)
    return true_false(slot, difficulty="easy", statement=form.say(value), truth=truth,
                      explanation=form.why,
                      value=form.right)


def _attribute(ctx: Context, fact: Attribute) -> Form | None:
    if not fact.statement or not fact.values:
        return None
    false = wrong_values(ctx.pool(fact.pool), fact.values)
    if title_rivals(ctx.on_title_screen, fact.values, false) is None:
        return None  # "...is a song by Charlie Puth": the title screen says so
    return Form(partial(fill, fact.statement), fact.values[0], false, describe_attribute(fact))


def _number(ctx: Context, fact: Number) -> Form | None:
    if not fact.statement or check_number(number_values(fact)):
        return None
    right = render_number(fact, fact.value)
    say: Say = partial(fill, fact.statement)
    if qualifier(fact) == "more-than":
        reversed_bound = LOWER_BOUND.sub("fewer than {value}", fact.statement)
        values = [] if reversed_bound == fact.statement else _well_below(fact)
        say = partial(_bound_sentence, fact.statement, reversed_bound, right)
    else:
        below, above = near_number(fact)
        gap = _clear_gap(fact)
        values = ([v for v in below if fact.value - v >= gap][:2]
                  + [v for v in above if v - fact.value >= gap][:2])
    false = wrong_values((render_number(fact, v) for v in values), [right])
    return Form(say, right, false, describe_number(fact))


def _clear_gap(fact: Number) -> float:
    """How far a false figure sits from the true one at the least: a tenth of the
    range the figure takes (as a typed number's closeness is scored), and never less
    than one step. "46th" against "48th most-viewed" was a coin flip; "36th" is
    something a fan can rule out."""
    step = fact.step or 1
    if qualifier(fact) == "about":
        return step  # near_about already keeps a quarter away
    low, high = number_bounds(fact.value, step, fact.low, fact.high, False)
    return max(step, snap((high - low) / 10, step, 0))


def _date(ctx: Context, fact: Date) -> Form | None:
    if not fact.statement or not fact.value:
        return None
    below, above = near_dates(fact.value)
    return Form(partial(fill, fact.statement), written_date(fact), below[:2] + above[:2],
                describe_date(fact))


def _duration(ctx: Context, fact: Duration) -> Form | None:
    if not fact.statement:
        return None
    below, above = near_durations(fact.seconds)
    return Form(partial(fill, fact.statement), format_duration(fact.seconds),
                below[:2] + above[:2], describe_duration(ctx, fact))


def _chart(ctx: Context, fact: ChartEntry) -> Form | None:
    # Weekly peaks only: a year-end row already yields a position and a reverse
    # question, and "ranked 51st or 53rd?" as true/false is a guess, not a quiz.
    if fact.position is None or fact.type != "weekly":
        return None
    taken = true_positions(ctx, fact)
    below, above = near_positions(fact.position, fact.size, reach=3)
    false = [str(p) for p in below + above if p not in taken]
    return Form(partial(_chart_sentence, ctx, fact), str(fact.position), false,
                charts.describe([fact]))


def _certification(ctx: Context, fact: Certification) -> Form | None:
    ranks = region_ranks(ctx)[norm(fact.region)]
    known = [rank for rank in ranks if rank is not None]
    if len(known) < len(ranks) or cert_rank(fact.level) != max(known):
        return None
    false = near_levels(max(known))[1][:2]
    return Form(partial(_cert_sentence, ctx, fact), fact.level, false,
                describe_certification(fact))


def _quote(ctx: Context, fact: Quote) -> Form | None:
    same = [q for q in ctx.quotes if norm(q.text) == norm(fact.text)]
    if fact.publication:
        false = wrong_values((q.publication for q in ctx.quotes if q.publication),
                             (q.publication for q in same))
        return Form(partial(_quote_sentence, ctx, fact), fact.publication, false,
                    describe(fact))
    if not fact.speaker:
        return None
    # Words said outside a publication (the artist's own): who said them.
    false = wrong_values((q.speaker for q in ctx.quotes if q.speaker), (q.speaker for q in same))
    return Form(partial(_speaker_sentence, ctx, fact), fact.speaker, false, describe(fact))


def _credit(ctx: Context, fact: Credit) -> Form | None:
    if not fact.people or not fact.role:
        return None
    right_people = people_with(ctx, fact.work, fact.role)
    false = wrong_values(credit_candidates(ctx, fact), right_people)
    return Form(partial(credit_sentence, ctx, fact), fact.people[0], false,
                describe_credits(ctx, [fact]))


#: The fact classes true/false items are made from, and how.
_FORMS: dict[type[Fact], Callable[[Context, Any], Form | None]] = {
    Attribute: _attribute,
    Number: _number,
    Date: _date,
    Duration: _duration,
    ChartEntry: _chart,
    Certification: _certification,
    Credit: _credit,
    Quote: _quote,
}


def _well_below(fact: Number) -> list[float]:
    """Figures at most half a lower bound: "fewer than" any of them is false."""
    step = fact.step or 1
    found: list[float] = []
    for factor in (1 / 2, 1 / 3, 1 / 4):
        value = snap(fact.value * factor, step, 0)
        if 0 < value <= fact.value / 2 and value not in found:
            found.append(value)
    return found


def _bound_sentence(statement: str, reversed_bound: str, right: str, value: str) -> str:
    return fill(statement if value == right else reversed_bound, value)


def _chart_sentence(ctx: Context, entry: ChartEntry, position: str) -> str:
    return charts.statement(ctx, entry, int(position))


def _quote_sentence(ctx: Context, quote: Quote, publication: str) -> str:
    return f'{publication} printed this verdict on {ctx.song}: "{quote.text}".'


def _speaker_sentence(ctx: Context, quote: Quote, speaker: str) -> str:
    return f'{speaker} said this about {ctx.song}: "{quote.text}".'


def _cert_sentence(ctx: Context, cert: Certification, level: str) -> str:
    return f"{capital(ctx.song)} is certified {level} in {place(cert.region)}."


GENERATOR = Generator("truefalse", slots)
