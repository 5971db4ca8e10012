"""People and roles: 'Who is listed under "director" in the credits of the official
music video?' and "Under which role is Jacob Kasher Hindlin listed in the credits of
the song?".

A person is right for a (work, role) if *any* credit fact with that work and role
lists them, so several songwriters never turn up as each other's wrong options.
Wrong people come from the fact's pool and the other credits; wrong roles only from
roles credited on the same work (a role from a generic list might be true but
unrecorded). Difficulty: medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Credit
from quiz.generators.base import Context, Slot, explain, join_names, question
from quiz.generators.distractors import enough, norm, pick, wrong_values

PERSON = "credit"
ROLE = "role"


def people_with(ctx: Context, work: str, role: str) -> list[str]:
    """Everyone credited with ``role`` on ``work`` anywhere in the pack."""
    return [p for c in ctx.credits
            if norm(c.work) == norm(work) and norm(c.role) == norm(role) for p in c.people]


def roles_of(ctx: Context, work: str, person: str) -> list[str]:
    """Every role ``person`` has on ``work`` in the pack."""
    return [c.role for c in ctx.credits
            if norm(c.work) == norm(work) and norm(person) in {norm(p) for p in c.people}]


def candidates(ctx: Context, credit: Credit) -> list[str]:
    """Possible wrong people for a credit: its pool, then people credited with other
    roles on the same work (someone from another work would be an easy give-away)."""
    others = [p for c in ctx.credits if norm(c.work) == norm(credit.work) for p in c.people]
    return [*ctx.pool(credit.pool), *others]


def describe(ctx: Context, credits: list[Credit]) -> str:
    """Who had which role, for explanations."""
    parts = [f'the credits of {ctx.work(c.work)} list {join_names(c.people)} under "{c.role}"'
             for c in credits]
    sentence = "; ".join(parts)
    return explain(sentence[:1].upper() + sentence[1:] + ".", *(c.source for c in credits))


def slots(ctx: Context) -> Iterator[Slot]:
    """Who-had-this-role questions per credit, then which-role questions per person."""
    for credit in ctx.credits:
        if not credit.people or not credit.role:
            continue
        right = people_with(ctx, credit.work, credit.role)
        wrong = wrong_values(candidates(ctx, credit), right)
        if enough(wrong):
            slot_id = ctx.slot_id(credit.id, PERSON)
            yield Slot(slot_id, ctx.pack.id, credit.category, credit.id, PERSON,
                       partial(_build_person, ctx, credit, right, wrong, slot_id))
    asked: set[tuple[str, str]] = set()
    for credit in ctx.credits:
        work_roles = [c.role for c in ctx.credits if norm(c.work) == norm(credit.work)]
        for person in credit.people:
            if (norm(credit.work), norm(person)) in asked:
                continue
            asked.add((norm(credit.work), norm(person)))
            held = roles_of(ctx, credit.work, person)
            wrong = wrong_values(work_roles, held)
            if enough(wrong):
                slot_id = ctx.slot_id(credit.id, ROLE, _slug(person))
                yield Slot(slot_id, ctx.pack.id, credit.category, credit.id, ROLE,
                           partial(_build_role, ctx, credit, person, wrong, slot_id))


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in norm(text)).split())


def _build_person(ctx, credit: Credit, right, wrong, slot_id: str, rng: random.Random):
    work = ctx.work(credit.work)
    if len(set(map(norm, right))) > 1:
        prompt = f'Which of these people is listed under "{credit.role}" in the credits of {work}?'
    else:
        prompt = f'Who is listed under "{credit.role}" in the credits of {work}?'
    return question(
        slot_id, ctx, category=credit.category, fact=credit.id, kind=PERSON,
        difficulty="medium", prompt=prompt, answer=rng.choice(credit.people),
        wrong=pick(rng, wrong), rng=rng, explanation=describe(ctx, [credit]),
    )


def _build_role(ctx, credit: Credit, person: str, wrong, slot_id: str, rng: random.Random):
    held = [c for c in ctx.credits if norm(c.work) == norm(credit.work)
            and norm(person) in {norm(p) for p in c.people}]
    return question(
        slot_id, ctx, category=credit.category, fact=credit.id, kind=ROLE, difficulty="medium",
        prompt=f"Under which role is {person} listed in the credits of {ctx.work(credit.work)}?",
        answer=credit.role, wrong=pick(rng, wrong), rng=rng, explanation=describe(ctx, held),
    )
