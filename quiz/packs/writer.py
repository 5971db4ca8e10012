"""A loaded pack written back as format-v1 YAML (``packs export --to yaml``).

What the pack says survives: facts stay facts (never the questions they yield), ids are
written out so every question keeps its id (and so its place in the scores), and
loading the text gives back an equal pack. What the loader does not keep cannot be
written: comments, the order of keys, and which named pool a fact drew its values from
when a pool is given inline (pools are matched back to their names where they are equal).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from quiz.facts import Fact, HandQuestion, Pack, kind_of
from quiz.packs.convert import dump_pack


def _changed(obj: Any, keep: tuple[str, ...] = ()) -> dict[str, object]:
    """The fields of dataclass ``obj`` that differ from their defaults (``keep``: always)."""
    values: dict[str, object] = {}
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if field.default is dataclasses.MISSING:
            # No default (a fact's ``source``, a question's ``answer``): left out when empty.
            wanted = value not in ("", (), None)
        else:
            wanted = value != field.default
        if wanted or field.name in keep:
            values[field.name] = _plain(value)
    return values


def _plain(value: object) -> object:
    """Tuples as lists and nested dataclasses (chronology items) as mappings."""
    if isinstance(value, tuple):
        return [_item(entry) for entry in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _changed(value)  # the attribution block
    return value


def _item(entry: object) -> object:
    if dataclasses.is_dataclass(entry) and not isinstance(entry, type):
        values = _changed(entry)
        return values["title"] if list(values) == ["title"] else values
    return entry


def _fact(fact: Fact, pools: dict[tuple[str, ...], str]) -> dict[str, object]:
    kind = kind_of(fact)
    values: dict[str, object] = {"kind": kind.name}
    values.update(_changed(fact, keep=("id",)))
    if values.get("category") == kind.category:
        del values["category"]  # the kind's default: a changed default follows the kind
    pool = getattr(fact, "pool", ())
    if pool and tuple(pool) in pools:
        values["pool"] = pools[tuple(pool)]
    return values


def _question(item: HandQuestion) -> dict[str, object]:
    values = _changed(item, keep=("id", "prompt"))
    if values.get("category") == "General":
        del values["category"]
    return values


def pack_text(pack: Pack) -> str:
    """The YAML text of ``pack``; :func:`quiz.packs.load_pack` reads it back equal."""
    info = pack.info
    data: dict[str, object] = {"format": 1, "pack": info.id}
    data.update({k: v for k, v in _changed(info, keep=("title",)).items() if k != "id"})
    if pack.subject is not None:
        data["subject"] = _changed(pack.subject, keep=("title", "artist"))
    if pack.pools:
        data["pools"] = {name: list(values) for name, values in pack.pools.items()}
    by_values = {values: name for name, values in reversed(pack.pools.items())}
    if pack.facts:
        data["facts"] = [_fact(fact, by_values) for fact in pack.facts]
    if pack.questions:
        data["questions"] = [_question(item) for item in pack.questions]
    return dump_pack(data)
