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
from quiz.generators.base import Context, Generator, Slot, cite, question
from quiz.generators.distractors import enough, norm, pick, wrong_values
from quiz.generators.sentences import describe_credits, listed, role_in
from quiz.generators.truths import credit_candidates, people_with, roles_of
from quiz.question import Question

PERSON = "credit"
ROLE = "role"


def slots(ctx: Context) -> Iterator[Slot]:
    """Who-had-this-role questions per credit, then which-role questions per person."""
    for credit in ctx.credits:
        if not credit.people or not credit.role:
            continue
        right = people_with(ctx, credit.work, credit.role)
        wrong = wrong_values(credit_candidates(ctx, credit), right)
        # The song's own artists are on the title screen: among session names they
        # are the answer anyone picks. Only someone else is asked.
        if enough(wrong) and _askable(ctx, credit):
            yield ctx.slot(credit, PERSON, partial(_build_person, ctx, credit, right, wrong),
                           asks=[c for c in ctx.credits if norm(c.work) == norm(credit.work)
                                 and norm(c.role) == norm(credit.role)])
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
                make = partial(_build_role, ctx, credit, person, wrong)
                yield ctx.slot(credit, ROLE, make, _slug(person), asks=[
                    c for c in ctx.credits if norm(c.work) == norm(credit.work)
                    and norm(person) in {norm(p) for p in c.people}])


def _askable(ctx: Context, credit: Credit) -> list[str]:
    """The people of ``credit`` a who-question may answer with: not the song's artists."""
    return [person for person in credit.people if not ctx.on_title_screen(person)]


def _slug(text: str) -> str:
    # Part of a question id, which stored scores refer to: folded on its own rather
    # than by norm(), so a change to how options compare never renames a question.
    folded = text.casefold()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def _build_person(ctx: Context, credit: Credit, right: list[str], wrong: list[str], slot: Slot,
                  rng: random.Random) -> Question:
    work = ctx.work(credit.work)
    several = len(set(map(norm, right))) > 1
    if not listed(ctx, credit.work):
        who = "which of these people" if several else "who"
        prompt = f"{who[:1].upper()}{who[1:]} was {role_in(credit.role, work, len(right))}?"
    elif several:
        prompt = f'Which of these people is listed under "{credit.role}" in the credits of {work}?'
    else:
        prompt = f'Who is listed under "{credit.role}" in the credits of {work}?'
    return question(
        slot, difficulty="medium", prompt=prompt, answer=rng.choice(_askable(ctx, credit)),
        wrong=pick(rng, wrong), rng=rng, explanation=describe_credits(ctx, [credit]),
    )


def _build_role(ctx: Context, credit: Credit, person: str, wrong: list[str], slot: Slot,
                rng: random.Random) -> Question:
    held = [c for c in ctx.credits if norm(c.work) == norm(credit.work)
            and norm(person) in {norm(p) for p in c.people}]
    work = ctx.work(credit.work)
    if listed(ctx, credit.work):
        prompt = f"Under which role is {person} listed in the credits of {work}?"
    else:
        prompt = f"What was {person}'s role in {work}?"
    return question(
        slot, difficulty="medium", prompt=prompt,
        answer=credit.role, wrong=pick(rng, wrong), rng=rng,
        explanation=describe_credits(ctx, held),
        source=cite(*(c.source for c in held)),
    )


GENERATOR = Generator("credits", slots)
