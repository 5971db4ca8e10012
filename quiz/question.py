"""The multiple-choice item every part of the game passes around, and its stable id."""

from __future__ import annotations

from dataclasses import dataclass

#: The fact part of a hand-written item's id starts with this (``pack:q:item``).
HAND = "q"


@dataclass(frozen=True, slots=True)
class QuestionId:
    """The parts of a question id: ``pack:fact:generator[:variant]`` for a generated
    question, ``pack:q:item`` for a hand-written one.

    Stored scores refer to questions by this text, so :func:`question_id` (the one
    place an id is written) and :meth:`parse` (the one place it is read) must never
    change what an id looks like. No part holds a colon: pack, fact and item ids and
    variants are all restricted to letters, digits, ``.``, ``_`` and ``-``.
    """

    pack: str
    #: The fact id, or ``q:<item>`` for a hand-written item (what ``Question.fact`` holds).
    fact: str = ""
    generator: str = ""
    variant: str = ""

    @classmethod
    def hand(cls, pack: str, item: str) -> QuestionId:
        """The id of hand-written item ``item`` of ``pack``."""
        return cls(pack, hand_fact(item))

    @property
    def text(self) -> str:
        """The id as stored and shown."""
        return question_id(self.pack, self.fact, self.generator, self.variant)

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> QuestionId:
        """The parts of ``text``; any text parses (a text with no colon is all pack)."""
        pack, _, rest = text.partition(":")
        head, _, tail = rest.partition(":")
        if head == HAND and tail and ":" not in tail:
            return cls(pack, hand_fact(tail))
        generator, _, variant = tail.partition(":")
        return cls(pack, head, generator, variant)


def question_id(pack: str, fact: str, generator: str = "", variant: str = "") -> str:
    """The text of a question id from its parts (see :class:`QuestionId`): the one
    place an id is written. A plain function, not a dataclass, because a pack's
    100,000 hand-written items are all named when their ids are first looked up."""
    if not fact:
        return pack
    if not generator:
        return f"{pack}:{fact}"
    return f"{pack}:{fact}:{generator}:{variant}" if variant else f"{pack}:{fact}:{generator}"


def hand_id(pack: str, item: str) -> str:
    """The id text of hand-written item ``item`` of ``pack`` (``pack:q:item``)."""
    return question_id(pack, hand_fact(item))


def hand_fact(item: str) -> str:
    """What ``Question.fact`` holds for hand-written item ``item`` (never a fact id)."""
    return f"{HAND}:{item}"


@dataclass(frozen=True, slots=True)
class Question:
    """One multiple-choice question, ready to ask.

    ``id`` is stable across runs and seeds (see :class:`QuestionId`); ``options`` are
    shown in order and ``answer`` indexes the one right option. ``fact`` names the
    fact (or hand-written question) it came from; ``source`` says where that fact
    came from, kept apart from the text players read (prompts and explanations never
    cite it) so screens and JSON can show it on its own.

    ``asks`` and ``reveals`` are what keeps a game free of spoilers (see
    :mod:`quiz.selection`): no question is dealt with another whose ``reveals`` holds
    a fact it ``asks``. Both always hold ``fact``: its explanation states it.
    """

    id: str
    pack: str
    category: str
    difficulty: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    fact: str
    kind: str
    source: str = ""
    #: Facts (``Question.fact`` style ids, of this pack) whose value is the answer.
    asks: tuple[str, ...] = ()
    #: Facts whose values the prompt, the right option or the explanation state.
    reveals: tuple[str, ...] = ()
    #: The asked value in words: the right option, or for true/false the value that
    #: makes the statement true ("" when unknown); other questions' texts must not hold it.
    value: str = ""

    @property
    def correct(self) -> str:
        """The text of the right option."""
        return self.options[self.answer]

    def to_dict(self) -> dict[str, object]:
        """A plain dict for JSON output and storage."""
        return {
            "id": self.id,
            "pack": self.pack,
            "category": self.category,
            "difficulty": self.difficulty,
            "kind": self.kind,
            "prompt": self.prompt,
            "options": list(self.options),
            "answer": self.answer,
            "explanation": self.explanation,
            "fact": self.fact,
            "source": self.source,
        }
