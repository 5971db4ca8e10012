"""What a pack holds true, as several generators need to know it.

A value offered as wrong must be false, and a true/false item's false form too: these
helpers are the one place that decides which values a pack makes true (every
position a chart row holds, every person credited with a role, every level a region
reached, whether a figure is only a lower bound). Generators and the true/false items
read them from here rather than from each other.
"""

from __future__ import annotations

import re

from quiz.fact_rules import check_number
from quiz.facts import ChartEntry, Credit, Number
from quiz.generators.base import Context
from quiz.generators.distractors import norm
from quiz.generators.values import (
    cert_rank,
    format_number,
    near_about,
    near_exact,
    number_bounds,
)

#: Statement wording that makes a figure a lower bound ("over {value}").
LOWER_BOUND = re.compile(r"\b(?:over|more than|at least|above)\s+\{value\}", re.IGNORECASE)


def qualifier(fact: Number) -> str:
    """The fact's qualifier, or ``more-than`` when its statement words it as a lower
    bound (a pack that says ``about`` but writes "over {value}")."""
    if fact.qualifier != "more-than" and LOWER_BOUND.search(fact.statement or ""):
        return "more-than"
    return fact.qualifier


def near_number(fact: Number) -> tuple[list[float], list[float]]:
    """Values below and above the fact's value that are false for it, nearest first,
    each printed differently from the answer and from every other one (an ordinal's
    are 1st or later). A fact the number rules refuse (built in code, never
    validated) has none: its figures could not be printed exactly."""
    if check_number(number_values(fact)):
        return [], []
    step = fact.step or 1
    about = qualifier(fact) == "about"
    low, high = number_bounds(fact.value, step, fact.low, fact.high, about)
    near = near_about if about else near_exact
    below, above = near(fact.value, step, low, high)
    shown = {norm(_printed(fact, fact.value))}
    return _printed_apart(fact, below, shown), _printed_apart(fact, above, shown)


def number_values(fact: Number) -> dict[str, object]:
    """The values :func:`quiz.fact_rules.check_number` reads, from a built fact."""
    return {"value": fact.value, "step": fact.step or 1, "low": fact.low, "high": fact.high,
            "qualifier": fact.qualifier, "ordinal": fact.ordinal}


def _printed(fact: Number, value: float) -> str:
    return format_number(value, fact.step or 1, fact.unit, fact.ordinal)


def _printed_apart(fact: Number, values: list[float], shown: set[str]) -> list[float]:
    """``values`` whose printed form is new to ``shown`` (which collects them)."""
    kept: list[float] = []
    for value in values:
        text = norm(_printed(fact, value))
        if text not in shown and (value >= 1 or not fact.ordinal):
            shown.add(text)
            kept.append(value)
    return kept


def same_row(a: ChartEntry, b: ChartEntry) -> bool:
    """Whether two entries describe the same chart, type and year."""
    return (norm(a.chart), a.type, a.year) == (norm(b.chart), b.type, b.year)


def true_positions(ctx: Context, entry: ChartEntry) -> set[int]:
    """Every known position of this chart, type and year in the pack (normally one)."""
    return {row.position for row in ctx.charts if same_row(row.entry, entry)}


def region_ranks(ctx: Context) -> dict[str, list[float | None]]:
    """Every known level rank per region (normalised name)."""
    ranks: dict[str, list[float | None]] = {}
    for cert in ctx.certifications:
        ranks.setdefault(norm(cert.region), []).append(cert_rank(cert.level))
    return ranks


def people_with(ctx: Context, work: str, role: str) -> list[str]:
    """Everyone credited with ``role`` on ``work`` anywhere in the pack."""
    return [p for c in ctx.credits
            if norm(c.work) == norm(work) and norm(c.role) == norm(role) for p in c.people]


def roles_of(ctx: Context, work: str, person: str) -> list[str]:
    """Every role ``person`` has on ``work`` in the pack."""
    return [c.role for c in ctx.credits
            if norm(c.work) == norm(work) and norm(person) in {norm(p) for p in c.people}]


def credit_candidates(ctx: Context, credit: Credit) -> list[str]:
    """Possible wrong people for a credit: its pool, then people credited with other
    roles on the same work (someone from another work would be an easy give-away)."""
    others = [p for c in ctx.credits if norm(c.work) == norm(credit.work) for p in c.people]
    return [*ctx.pool(credit.pool), *others]
