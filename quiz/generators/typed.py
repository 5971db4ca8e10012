"""Text questions: the player types the answer ("In which city...?" -> Anaheim).

Typing is asked for only where it is fair: the answer is one name a fan could spell,
and nothing else true would fit the prompt.

- **attribute**: a fact with exactly one value, written as a name (see
  :func:`nameable`) that the song's subject does not already give away;
- **credit**: the one person with a role on a work, or the one such person the
  subject does not name ("Besides Charlie Puth and Selena Gomez, who...?");
- **chronology**: the single directly before or after the subject;
- **quote**: the publication that printed a verdict (where only one printed it).

``accept`` holds only spellings the value itself gives: the name before a comma
("Anaheim" for "Anaheim, California"), a site's name without ".com" and
:data:`SHORT` forms; case, accents,
punctuation, a leading "the" and small typos are forgiven by the grading anyway.
``reject`` holds the values of the pack's other facts of the same kind (and the
fact's own pool of wrong values), which are never accepted however close the typing.
An attribute is asked with its own ``ask`` (a blank in its statement could be
filled with a date as well as a site: "premiered on ___"); people, singles and
publications with the fact as a sentence and a blank where the answer goes ("Fill
in the blank: In the official music video, ___ was the director."), which only a
name fills. Difficulty: hard (recall, not recognition).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Attribute, Chronology, Credit, Quote
from quiz.generators.base import Context, Generator, Slot, explain, join_names
from quiz.generators.distractors import norm
from quiz.generators.forms import typed
from quiz.generators.quotes import describe
from quiz.generators.sentences import describe_attribute, describe_credits, listed, role_in
from quiz.question import Question

ATTRIBUTE = "attribute-text"
CREDIT = "credit-text"
SINGLE = "single-text"
QUOTE = "quote-text"
#: Words a name may hold in lower case.
_JOINING = frozenset({"the", "of", "and", "a", "an", "de", "la", "del", "von", "van"})
#: The most words and characters of a name worth typing.
NAME_WORDS, NAME_LENGTH = 4, 30
#: Short forms players type for long names, as the song's own sources write them.
#: (Played: "USA", "America" and "United States of America" were marked wrong.)
SHORT: dict[str, tuple[str, ...]] = {
    "united states": ("US", "USA", "U.S.", "United States of America", "America"),
    "united kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
}


def nameable(value: str) -> bool:
    """Whether ``value`` reads as a name to type: a few capitalised words ("Nine Track
    Mind", "the Philippines", "Anaheim, California"), no brackets or quotes, not a
    phrase ("a former couple who...")."""
    words = value.replace(",", " ").split()
    if not 0 < len(words) <= NAME_WORDS or len(value) > NAME_LENGTH:
        return False
    if any(mark in value for mark in "()[]{}\"“”"):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _JOINING for w in words)


def spellings(value: str) -> list[str]:
    """Other spellings of ``value`` that count: the part before a comma, short forms."""
    found = [value.split(",")[0].strip()] if "," in value else []
    if value.casefold().endswith(".com") and len(value) > len(".com"):
        found.append(value[: -len(".com")])
    bare = norm(value).removeprefix("the ")
    return found + list(SHORT.get(bare, ()))


def person_spellings(person: str, others: list[str]) -> list[str]:
    """The shorter form of a three-word name that players type and credits print: its
    first two words ("Jacob Kasher Hindlin" is often credited as Jacob Kasher). Not
    when that is, or is part of, another person's name."""
    words = person.split()
    if len(words) != 3 or not nameable(person) or any(w.casefold() in _JOINING for w in words):
        return []
    taken = {norm(o) for o in others if norm(o) != norm(person)}
    shorter = [f"{words[0]} {words[1]}"]
    return [s for s in shorter
            if not any(f" {norm(s)} " in f" {name} " for name in taken)]


#: What the blank in a prompt looks like.
BLANK = "___"


def blank(sentence: str) -> str:
    """A prompt from a sentence with :data:`BLANK` where the answer goes."""
    return f"Fill in the blank: {explain(sentence)}"


def slots(ctx: Context) -> Iterator[Slot]:
    """Typed questions from attributes, credits and chronologies."""
    yield from _attribute_slots(ctx)
    yield from _credit_slots(ctx)
    yield from _single_slots(ctx)
    yield from _quote_slots(ctx)


def _attribute_slots(ctx: Context) -> Iterator[Slot]:
    others = {fact.id: fact.values for fact in ctx.of(Attribute)}
    for fact in ctx.of(Attribute):
        if not fact.ask or len(fact.values) != 1:
            continue
        value = fact.values[0]
        if not nameable(value) or ctx.on_title_screen(value):
            continue
        reject = [v for fid, vs in others.items() if fid != fact.id for v in vs]
        reject += ctx.pool(fact.pool)
        yield ctx.slot(fact, ATTRIBUTE, partial(_build_attribute, fact, reject))


def _build_attribute(fact: Attribute, reject: list[str], slot: Slot,
                     rng: random.Random) -> Question:
    value = fact.values[0]
    return typed(slot, difficulty="hard", prompt=fact.ask, text=value,
                 accept=spellings(value), reject=reject,
                 explanation=describe_attribute(fact))  # fmt: skip


def _credit_slots(ctx: Context) -> Iterator[Slot]:
    done: set[tuple[str, str]] = set()
    everyone = [p for c in ctx.credits for p in [*c.people, *ctx.pool(c.pool)]]
    for credit in ctx.credits:
        key = (norm(credit.work), norm(credit.role))
        if not credit.role or key in done:
            continue
        done.add(key)
        held = [c for c in ctx.credits if (norm(c.work), norm(c.role)) == key]
        people = list(dict.fromkeys(p for c in held for p in c.people))
        outside = [p for p in people if not ctx.on_title_screen(p)]
        if len(outside) != 1 or len({norm(p) for p in people}) != len(people):
            continue
        make = partial(_build_credit, ctx, held, people, outside[0], everyone)
        yield ctx.slot(credit, CREDIT, make, asks=held)


def _build_credit(ctx: Context, held: list[Credit], people: list[str], answer: str,
                  everyone: list[str], slot: Slot, rng: random.Random) -> Question:
    credit = held[0]
    work = ctx.work(credit.work)
    others = join_names([p for p in people if p != answer])
    besides = f"Besides {others}, " if others else ""
    if listed(ctx, credit.work):
        said = f'{besides}{BLANK} is listed under "{credit.role}" in the credits of {work}.'
    else:
        said = f"{besides}{BLANK} was {role_in(credit.role, work, len(people))}."
    prompt = blank(said)
    return typed(slot, difficulty="hard", prompt=prompt, text=answer,
                 accept=spellings(answer) + person_spellings(answer, everyone), reject=everyone,
                 explanation=describe_credits(ctx, held))  # fmt: skip


def _single_slots(ctx: Context) -> Iterator[Slot]:
    for fact in ctx.of(Chronology):
        titles = [norm(item.title) for item in fact.items]
        if norm(fact.current) not in titles or len(set(titles)) < len(titles):
            continue
        here = titles.index(norm(fact.current))
        for variant, there in (("before", here - 1), ("after", here + 1)):
            if 0 <= there < len(fact.items) and nameable(fact.items[there].title):
                yield ctx.slot(fact, SINGLE, partial(_build_single, ctx, fact, here, there),
                               variant)


def _build_single(ctx: Context, fact: Chronology, here: int, there: int, slot: Slot,
                  rng: random.Random) -> Question:
    series = f"the {fact.series} chronology" if fact.series else "its chronology"
    which = "directly before" if there < here else "directly after"
    current, answer = f'"{fact.items[here].title}"', fact.items[there]
    year = f" ({answer.year})" if answer.year else ""
    reject = [item.title for item in fact.items] + ctx.pool(fact.pool)
    return typed(slot, difficulty="hard",
                 prompt=blank(f"In {series}, {BLANK} came {which} {current}."),
                 text=answer.title, accept=spellings(answer.title), reject=reject,
                 explanation=explain(f"{answer.title}{year} came {which} {current}."))  # fmt: skip


def _quote_slots(ctx: Context) -> Iterator[Slot]:
    for quote in ctx.quotes:
        printed = {norm(q.publication) for q in ctx.quotes
                   if norm(q.text) == norm(quote.text) and q.publication}
        if len(printed) == 1 and nameable(quote.publication):
            others = [q.publication for q in ctx.quotes if norm(q.publication) not in printed]
            yield ctx.slot(quote, QUOTE, partial(_build_quote, ctx, quote, others))


def _build_quote(ctx: Context, quote: Quote, others: list[str], slot: Slot,
                 rng: random.Random) -> Question:
    return typed(slot, difficulty="hard",
                 prompt=blank(f'{BLANK} printed this verdict on {ctx.song}: "{quote.text}".'),
                 text=quote.publication, accept=spellings(quote.publication), reject=others,
                 explanation=describe(quote))  # fmt: skip


GENERATOR = Generator("typed", slots)
