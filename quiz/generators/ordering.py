"""Order questions: put 3 to 5 items in order.

- **dates**: events the pack dates ("Puth posted a second teaser of the song"), earliest
  first. An event's words are its fact's ``statement`` up to "on/in {value}"; a date
  fact whose statement does not end that way, or known only to the year, is left
  out. Two events are put in order only when their dates cannot overlap (October
  2016 and October 12, 2016 cannot be ordered), so there is one right order.
- **charts**: charts of one type and year, by the song's place on them, highest
  first. Rows sharing a place are never in one question (a tie has two right
  orders), and rows in one question are at least :data:`GAP` places apart.
- **singles**: a chronology's singles in release order.
- **awards**: one award listing per year, earliest first.

Which items share a question is decided from the pack alone (never the seed), so ids
are stable; the seed only shuffles the items. Every question asks the facts of all
its items (its explanation states each one). Difficulty: charts and dates hard,
singles and awards medium.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial

from quiz.fact_rules import check_date
from quiz.facts import Award, Chronology, Date
from quiz.generators.awards import named
from quiz.generators.base import Context, Generator, Placed, Slot, cite, explain, join_names
from quiz.generators.distractors import norm
from quiz.generators.forms import ORDER_ITEMS, ordered
from quiz.generators.sentences import describe_date, written_date
from quiz.generators.truths import true_positions
from quiz.generators.values import ordinal, parse_date
from quiz.question import Question

DATES = "date-order"
CHARTS = "chart-order"
SINGLES = "single-order"
AWARDS = "award-order"
#: Fewest places between two rows of one chart order question: telling 30th from 31st
#: is a coin toss, not knowledge.
GAP = 3

_EVENT = re.compile(r"^(?P<event>.+?)\s+(?:on|in)\s+\{value\}\W*$", re.DOTALL)


def slots(ctx: Context) -> Iterator[Slot]:
    """Order questions over dates, chart rows, chronologies and awards."""
    yield from _date_slots(ctx)
    yield from _chart_slots(ctx)
    yield from _single_slots(ctx)
    yield from _award_slots(ctx)


# -- dates ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event:
    """A dated fact as an item: its words, and the first and last day it may be."""

    fact: Date
    words: str
    first: dt.date
    last: dt.date


def event(fact: Date) -> Event | None:
    """``fact`` as an order item, or ``None`` when its statement gives no words for it
    or its date is not one the rules accept."""
    match = _EVENT.match(fact.statement.strip())
    if match is None or not fact.value or check_date({"value": fact.value}):
        return None
    year, month, day = parse_date(fact.value)
    if month is None:
        # A bare year ("2015") is written in too many other questions' texts to keep
        # out of a game with it, and orders against little.
        return None
    first = dt.date(year, month, day or 1)
    if day is not None:
        last = first
    else:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return Event(fact, match.group("event").strip(), first, last)


def apart(events: Sequence[Event]) -> bool:
    """Whether every two events are in a known order (their days cannot overlap)."""
    ranked = sorted(events, key=lambda e: (e.first, e.last))
    return all(a.last < b.first for a, b in zip(ranked, ranked[1:], strict=False))


def groupings(count: int) -> list[list[int]]:
    """Which of ``count`` items (in their order) share a question: runs of three, four
    and five, and every other item; each grouping once."""
    found: list[list[int]] = []
    for size in (3, 4, 5):
        found += [list(range(start, start + size)) for start in range(count - size + 1)]
    found += [list(range(count))[parity::2] for parity in (0, 1)]
    kept: list[list[int]] = []
    for group in found:
        if ORDER_ITEMS[0] <= len(group) <= ORDER_ITEMS[1] and group not in kept:
            kept.append(group)
    return kept


def _date_slots(ctx: Context) -> Iterator[Slot]:
    events = [e for e in map(event, ctx.of(Date)) if e is not None]
    events.sort(key=lambda e: (e.first, e.last))
    for number, group in enumerate(groupings(len(events)), 1):
        chosen = [events[i] for i in group]
        if not apart(chosen) or len({norm(e.words) for e in chosen}) < len(chosen):
            continue
        facts = [e.fact for e in chosen]
        # A question whose prompt writes one of these dates ("released on May 24, 2016")
        # would settle part of the order: never in one game with it.
        told = ctx.mentioning(written_date(f) for f in facts)
        slot = ctx.slot(facts[0], DATES, partial(_build_dates, chosen), str(number), asks=facts,
                        reveals=told)
        yield replace(slot, category=_usual([f.category for f in facts]))


def _usual(categories: list[str]) -> str:
    """The category most of the items' facts have (the first of equals)."""
    return Counter(categories).most_common(1)[0][0]


def _build_dates(chosen: list[Event], slot: Slot, rng: random.Random) -> Question:
    return ordered(
        slot, difficulty="hard", prompt="Put these in the order they happened, earliest first.",
        items=[e.words for e in chosen], rng=rng,
        explanation=" ".join(describe_date(e.fact) for e in chosen),
        source=cite(*(e.fact.source for e in chosen)),
    )


# -- charts --------------------------------------------------------------------------


def _chart_slots(ctx: Context) -> Iterator[Slot]:
    for (kind, year), group in ctx.chart_groups.items():
        rows: list[Placed] = []
        for row in group:
            # One row per place and per chart; a chart with two places (a pack error)
            # has none.
            if len(true_positions(ctx, row.entry)) == 1 and all(
                    row.position != r.position and norm(row.entry.chart) != norm(r.entry.chart)
                    for r in rows):
                rows.append(row)
        if len(rows) < ORDER_ITEMS[0]:
            continue
        best = sorted(rows, key=lambda r: r.position)
        # By place, in fives and in fours (each question spans the table), and by pack
        # order (other mixes).
        fives, fours = (math.ceil(len(rows) / size) for size in (5, 4))
        sets = [("p", best[i::fives]) for i in range(fives)]
        sets += [("t", rows[i::fives]) for i in range(fives)]
        sets += [("q", best[i::fours]) for i in range(fours)]
        seen: list[list[Placed]] = []
        for label, (tag, chosen) in enumerate(sets, 1):
            chosen = sorted(chosen, key=lambda r: r.position)
            if not fair(chosen) or chosen in seen:
                continue
            seen.append(chosen)
            make = partial(_build_charts, ctx, kind, year, chosen)
            yield ctx.slot(chosen[0].entry, CHARTS, make, f"{kind}-{year}-{tag}{label}",
                           asks=[r.entry for r in chosen])


def fair(rows: list[Placed]) -> bool:
    """Whether rows (best first) make an order question: 3 to 5 of them, each at
    least :data:`GAP` places below the one before."""
    return (ORDER_ITEMS[0] <= len(rows) <= ORDER_ITEMS[1]
            and all(b.position - a.position >= GAP for a, b in zip(rows, rows[1:], strict=False)))


def _build_charts(ctx: Context, kind: str, year: int, chosen: list[Placed], slot: Slot,
                  rng: random.Random) -> Question:
    if kind == "weekly":
        prompt = (f"Put these charts in order of where {ctx.song} peaked in {year}, "
                  "highest first.")
        said = join_names([f"number {r.position} on {r.entry.chart}" for r in chosen])
        explanation = explain(f"In {year} it peaked at {said}")
    else:
        prompt = (f"Put these {year} year-end charts in order of where {ctx.song} ranked, "
                  "highest first.")
        said = join_names([f"{ordinal(r.position)} on {r.entry.chart}" for r in chosen])
        explanation = explain(f"It ended {year} {said}")
    return ordered(slot, difficulty="hard", prompt=prompt,
                   items=[r.entry.chart for r in chosen], rng=rng, explanation=explanation,
                   source=cite(*(r.entry.source for r in chosen)))  # fmt: skip


# -- singles -------------------------------------------------------------------------


def _single_slots(ctx: Context) -> Iterator[Slot]:
    for fact in ctx.of(Chronology):
        titles = [norm(item.title) for item in fact.items]
        if norm(fact.current) not in titles or len(set(titles)) < len(titles):
            continue
        # The subject and the singles nearest it, at most five.
        here, most = titles.index(norm(fact.current)), ORDER_ITEMS[1]
        start = max(0, min(here - most // 2, len(titles) - most))
        chosen = list(range(start, min(len(titles), start + most)))
        if len(chosen) >= ORDER_ITEMS[0]:
            yield ctx.slot(fact, SINGLES, partial(_build_singles, ctx, fact, chosen))


def _build_singles(ctx: Context, fact: Chronology, chosen: list[int], slot: Slot,
                   rng: random.Random) -> Question:
    items = [fact.items[i] for i in chosen]
    series = f"the {fact.series} chronology" if fact.series else "its chronology"
    named_items = [f"{i.title} ({i.year})" if i.year else i.title for i in items]
    return ordered(
        slot, difficulty="medium",
        prompt=f"Put these singles in the order they come in {series}, earliest first.",
        items=[i.title for i in items], rng=rng,
        explanation=explain(f"In {series}: " + ", then ".join(named_items)),
    )


# -- awards --------------------------------------------------------------------------


def _award_slots(ctx: Context) -> Iterator[Slot]:
    years: dict[str, set[int]] = {}
    for award in ctx.awards:
        years.setdefault(norm(_award_words(award)), set()).add(award.year)
    firsts: dict[int, Award] = {}
    for award in ctx.awards:
        # A listing the show made in two years has no one place in the order.
        if award.year and award.award and award.organization and len(
                years[norm(_award_words(award))]) == 1:
            firsts.setdefault(award.year, award)
    chosen = [firsts[year] for year in sorted(firsts)][: ORDER_ITEMS[1]]
    words = [_award_words(a) for a in chosen]
    if len(chosen) >= ORDER_ITEMS[0] and len(set(map(norm, words))) == len(words):
        yield ctx.slot(chosen[0], AWARDS, partial(_build_awards, ctx, chosen), asks=chosen)


def _award_words(award: Award) -> str:
    return f"{named(award.award)} at the {award.organization}"


def _build_awards(ctx: Context, chosen: list[Award], slot: Slot,
                  rng: random.Random) -> Question:
    said = join_names([f"{named(a.award)} at the {a.year} {a.organization}" for a in chosen])
    return ordered(
        slot, difficulty="medium",
        prompt=f"Put these awards {ctx.song} was up for in order of year, earliest first.",
        items=[_award_words(a) for a in chosen], rng=rng,
        explanation=explain(f"It was up for {said}"),
        source=cite(*(a.source for a in chosen)),
    )


GENERATOR = Generator("ordering", slots)
