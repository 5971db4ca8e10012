"""The multiple-choice item every part of the game passes around, and its stable id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: The fact part of a hand-written item's id starts with this (``pack:q:item``).
HAND = "q"

QuestionType = Literal["choice", "truefalse", "order", "number", "text"]
"""How a question is answered: pick one option (``choice``, ``truefalse``), put the
options in order (``order``), type a number (``number``) or type words (``text``)."""

QUESTION_TYPES: tuple[QuestionType, ...] = ("choice", "truefalse", "order", "number", "text")


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
    """One question, ready to ask, of any :data:`QuestionType`.

    ``id`` is stable across runs and seeds (see :class:`QuestionId`). What the right
    answer is depends on ``type``:

    * ``choice`` / ``truefalse``: ``options`` are shown in order and ``answer`` indexes
      the one right option;
    * ``order``: ``options`` are the items as shown and ``order`` lists their indices in
      the right order (``answer`` is unused, 0);
    * ``number``: ``number`` is the answer, ``low``..``high`` the range a player may type,
      ``unit`` its unit ("" for none); ``options`` is empty;
    * ``text``: ``text`` is the canonical answer and ``accept`` other spellings that count
      (see :mod:`quiz.grading`), never a value in ``reject``; ``options`` is empty.
 ``fact`` names the
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
    type: QuestionType = "choice"
    #: ``order``: option indices in the right order.
    order: tuple[int, ...] = ()
    #: ``number``: the answer, the range a player may type, and its unit.
    number: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    #: ``text``: the canonical answer, and other spellings that count.
    text: str = ""
    accept: tuple[str, ...] = ()
    #: ``text``: values of other facts of the same kind, never accepted as this answer.
    reject: tuple[str, ...] = ()
    #: The share of stored answers that were right, once there are enough to go by
    #: (:mod:`quiz.difficulty`); ``None`` before.
    right_rate: float | None = None

    @property
    def picks(self) -> bool:
        """Whether it is answered by picking one option (``choice``, ``truefalse``)."""
        return self.type in ("choice", "truefalse")

    @property
    def correct(self) -> str:
        """The right answer in words, whatever the type."""
        if self.type == "order":
            return " → ".join(self.options[i] for i in self.order)
        if self.type == "number":
            return number_text(self.number, self.unit)
        if self.type == "text":
            return self.text
        return self.options[self.answer]

    def to_dict(self) -> dict[str, object]:
        """A plain dict for JSON output and storage (see docs/packs.md for each type)."""
        data: dict[str, object] = {
            "id": self.id,
            "pack": self.pack,
            "type": self.type,
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
        if self.type == "order":
            data["answer"] = list(self.order)
        elif self.type == "number":
            data["answer"] = plain_number(self.number)
            data["low"] = plain_number(self.low)
            data["high"] = plain_number(self.high)
            if self.unit:
                data["unit"] = self.unit
        elif self.type == "text":
            data["answer"] = self.text
            data["accept"] = list(self.accept)
        if self.right_rate is not None:
            data["right_rate"] = self.right_rate
        return data


def plain_number(value: float | None) -> int | float | None:
    """``value`` as an int when it is whole (years and positions print as ``2016``)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def number_text(value: float | None, unit: str = "") -> str:
    """A number answer in words for players: ``2016``, ``3.5 minutes``."""
    shown = plain_number(value)
    text = "?" if shown is None else str(shown)
    return f"{text} {unit}" if unit else text
