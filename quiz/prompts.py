"""What a stored question id asked: its prompt, rebuilt from the packs installed now.

The scores database keeps question ids (``pack:fact:generator[:variant]`` or
``pack:q:item``), which mean nothing to a player. Ids are stable across runs and
seeds, so the slot with that id in the pack's index (:mod:`quiz.generators.index`)
builds the same question again: no game is chosen, only the asked-for slots are built.

The seed decides the wrong options and their order, and for every kind but one
nothing in the prompt. True/false items are the exception: the seed picks the true
statement or a false one, so the sentence a player saw cannot be told from the id.
They are described by their true form instead, which reads the same for every seed
and as the true item reads in a game: ``True or false: <the true fact>`` (the first
fixed seed that builds it; the explanation if none does). ``SEED_DEPENDENT`` lists
such kinds; a test checks that every other kind's prompt is the same for every seed.

An id whose pack is not installed, or whose fact or item the pack no longer has,
gets no entry: callers show the id itself.

Core code: never imports Textual.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TYPE_CHECKING

from quiz.packs.ids import is_pack_id
from quiz.question import QuestionId

if TYPE_CHECKING:
    from quiz.facts import Pack
    from quiz.generators.base import Slot
    from quiz.generators.index import PackIndex

#: Question kinds whose prompt depends on the seed, so a stable description is shown.
SEED_DEPENDENT = frozenset({"truefalse"})
#: How a true/false item is described: this, then the fact it states or denies (the
#: words the item itself starts with, so it reads as the question did).
TRUE_FALSE_LEAD = "True or false: "
#: Seeds tried for a true/false item's true form (each is one at even odds).
TRUE_FORM_SEEDS = 32


def pack_of(question_id: str) -> str:
    """The pack id a question id starts with (``wdta`` for ``wdta:label:attribute``)."""
    return QuestionId.parse(question_id).pack


def describe(slot: Slot) -> str:
    """The text that tells a player which question ``slot`` is, the same for any seed."""
    # Any fixed seed will do: it only moves options around for the kinds shown as prompts.
    question = slot.build(random.Random(0))
    if slot.kind in SEED_DEPENDENT:
        # The true form's own words: the explanation is not always a statement of the
        # fact ("Those are Mike Wass's words..." under a claim about Vulture.com).
        for seed in range(TRUE_FORM_SEEDS):
            built = question if seed == 0 else slot.build(random.Random(seed))
            if built.correct == "True":
                return built.prompt
        return TRUE_FALSE_LEAD + question.explanation
    return question.prompt


def prompts_for(ids: Iterable[str], packs: Iterable[Pack]) -> dict[str, str]:
    """The prompt (or stable description) of each id that ``packs`` can still build.

    Ids whose pack is not among ``packs``, or whose question the pack no longer yields,
    are left out. The first pack with a given id wins, as in a game.
    """
    indexes: dict[str, PackIndex] = {}
    for pack in packs:
        # The generators only when a pack can rebuild questions: `scores` on a file
        # whose packs are not installed never imports them.
        from quiz.generators.index import index_for

        indexes.setdefault(pack.id, index_for(pack))
    found: dict[str, str] = {}
    for question_id in ids:
        if question_id in found:
            continue
        index = indexes.get(pack_of(question_id))
        slot = index.find(question_id) if index is not None else None
        if slot is not None:
            found[question_id] = describe(slot)
    return found


def installed_prompts(ids: Iterable[str]) -> dict[str, str]:
    """:func:`prompts_for` over the installed packs the ids name (loaded only if any).

    Only those packs are read, disabled ones included: switching a pack off for games
    does not make its questions unreadable in the scores. A pack that fails to load
    leaves its ids out.
    """
    ids = list(dict.fromkeys(ids))
    # Anything but a pack id must never reach load_catalog, which reads a selector
    # with a "/" as a file path.
    wanted = sorted({pack for pack in map(pack_of, ids) if is_pack_id(pack)})
    if not wanted:
        return {}
    from quiz.packs import load_catalog  # loading packs is the slow part: only on demand

    return prompts_for(ids, load_catalog(wanted).packs)
