"""The keys a pack may use, derived from the dataclasses in ``quiz.facts``.

One table serves the validator, the JSON Schema generator and the docs, so the three
cannot disagree. A field's type comes from the dataclass annotation; which keys a
fact kind requires comes from its entry in :data:`quiz.facts.KINDS`; what neither
says (the keys of the other mappings, which hold several lines of text) is listed
here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Literal, Union

from quiz import facts
from quiz.facts import KINDS, Attribution, HandQuestion, PackInfo, Subject

#: Every hand-written question has a prompt; which other keys it needs depends on its
#: type (see :mod:`quiz.packs.question_rules`).
QUESTION_REQUIRED = frozenset({"prompt"})
#: Text fields kept on several lines (everything else is folded onto one line).
MULTILINE = frozenset({"explanation", "description", "note"})
#: Fields of the top-level mapping, in the order a pack writes them.
TOP_LEVEL = (
    "format", "pack", "title", "author", "version", "description", "attribution",
    "subject", "pools", "facts", "questions",
)  # fmt: skip
TOP_REQUIRED = frozenset({"format", "pack", "title"})

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"

#: What a field holds (see :class:`Field`); ``any`` is a top-level key read by its own rule.
FieldType = Literal[
    "text", "int", "number", "bool", "texts", "enum", "pool", "pool-name", "items", "any",
    "mapping",
]


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its name and what it holds.

    ``type`` is one of ``text``, ``int``, ``number``, ``bool``, ``texts`` (a list of
    text), ``enum``, ``pool`` (a pool name or a list of text), ``pool-name``, ``items``
    (chronology entries), ``mapping`` (a block of its own fields: ``attribution``);
    ``choices`` lists an enum's values; ``nullable`` allows null;
    ``minimum``/``maximum`` bound a number (from :func:`quiz.fact_rules.within`).
    """

    name: str
    type: FieldType
    required: bool = False
    choices: tuple[str, ...] = ()
    nullable: bool = False
    default: object = None
    minimum: int | None = None
    maximum: int | None = None


def _field_type(name: str, annotation: object) -> tuple[FieldType, tuple[str, ...], bool]:
    """Map a dataclass annotation to (type, choices, nullable)."""
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        annotation = args[0] if len(args) == 1 else annotation
        origin = typing.get_origin(annotation)
    if name == "pool":
        return "pool", (), nullable
    if origin is Literal:
        return "enum", tuple(typing.get_args(annotation)), nullable
    if dataclasses.is_dataclass(annotation):
        return "mapping", (), nullable
    if origin is tuple:
        inner = typing.get_args(annotation)[0]
        return ("items" if dataclasses.is_dataclass(inner) else "texts"), (), nullable
    simple: dict[object, FieldType] = {str: "text", int: "int", float: "number", bool: "bool"}
    return simple[annotation], (), nullable


def _fields_of(cls: type, required: frozenset[str]) -> dict[str, Field]:
    hints = typing.get_type_hints(cls, vars(facts))
    result: dict[str, Field] = {}
    for f in dataclasses.fields(cls):
        kind, choices, nullable = _field_type(f.name, hints[f.name])
        default = f.default if f.default is not dataclasses.MISSING else None
        low, high = f.metadata.get("range", (None, None))
        result[f.name] = Field(f.name, kind, f.name in required, choices, nullable, default,
                               low, high)
    return result


def _fact_fields(kind: str) -> dict[str, Field]:
    fields = {"kind": Field("kind", "enum", True, tuple(KINDS))}
    fields.update(_fields_of(KINDS[kind].cls, KINDS[kind].required))
    return fields


#: kind -> key -> Field, for every fact kind.
FACT_FIELDS: dict[str, dict[str, Field]] = {kind: _fact_fields(kind) for kind in KINDS}
_question = _fields_of(HandQuestion, QUESTION_REQUIRED)
_question["pool"] = dataclasses.replace(_question["pool"], type="pool-name")
QUESTION_FIELDS: dict[str, Field] = _question
SUBJECT_FIELDS: dict[str, Field] = _fields_of(Subject, frozenset({"title", "artist"}))
ITEM_FIELDS: dict[str, Field] = _fields_of(facts.ChronologyItem, frozenset({"title"}))
ATTRIBUTION_FIELDS: dict[str, Field] = _fields_of(Attribution, frozenset())
_info = _fields_of(PackInfo, frozenset({"id", "title"}))
_info["pack"] = dataclasses.replace(_info.pop("id"), name="pack")
#: The one-value metadata keys (``attribution``, a block of its own, is apart).
INFO_FIELDS: dict[str, Field] = {"pack": _info.pop("pack"), **_info}
ATTRIBUTION: Field = INFO_FIELDS.pop("attribution")
