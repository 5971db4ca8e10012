"""A cache of validated packs, so an unchanged pack is not parsed again.

Entries are keyed by the file's real path and checked against its size and mtime_ns
and the loader version. They hold plain data (tuples of field values) written with
``marshal``, which cannot run code when read back. Any problem with the cache (a
corrupt or foreign file, a read-only folder) is ignored: the pack is simply loaded
again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
from pathlib import Path

from quiz import paths
from quiz.facts import (
    FACT_KINDS,
    Chronology,
    ChronologyItem,
    HandQuestion,
    Pack,
    PackInfo,
    Subject,
)
from quiz.files import write_atomic
from quiz.packs.problems import Problem

#: Bump when loading or validation changes what a pack turns into.
LOADER_VERSION = 1
_KIND_OF = {cls: kind for kind, cls in FACT_KINDS.items()}
# The field layout the entries are written in: a change to quiz.facts invalidates them.
_LAYOUT = repr(
    [
        (cls.__name__, [f.name for f in dataclasses.fields(cls)])
        for cls in (*FACT_KINDS.values(), ChronologyItem, HandQuestion, PackInfo, Subject)
    ]
)


def _entry_path(real: str) -> Path:
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return paths.cache_dir() / "packs" / f"{digest}.marshal"


def _key(real: str, stat: os.stat_result) -> tuple:
    return (LOADER_VERSION, _LAYOUT, real, stat.st_size, stat.st_mtime_ns)


def get(path: str, stat: os.stat_result) -> tuple[Pack, list[Problem]] | None:
    """The cached pack and warnings for ``path`` if its file has not changed, else None."""
    try:
        real = os.path.realpath(path)
        with open(_entry_path(real), "rb") as handle:
            # loads() of the bytes is several times faster than load() from the file object.
            key, data = marshal.loads(handle.read())
        if key != _key(real, stat):
            return None
        return _decode(data, path)
    except Exception:
        return None


def put(path: str, stat: os.stat_result, pack: Pack, warnings: list[Problem]) -> None:
    """Remember ``pack`` (and its load warnings) for ``path``; failures are ignored."""
    try:
        real = os.path.realpath(path)
        target = _entry_path(real)
        target.parent.mkdir(parents=True, exist_ok=True)
        blob = marshal.dumps((_key(real, stat), _encode(pack, warnings)))
        write_atomic(target, blob, durable=False)  # a reader never sees half an entry
    except Exception:
        pass


def _values(obj) -> tuple:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


def _encode(pack: Pack, warnings: list[Problem]) -> tuple:
    facts = []
    for fact in pack.facts:
        values = _values(fact)
        if isinstance(fact, Chronology):
            values = tuple(
                tuple((i.title, i.year) for i in v) if f.name == "items" else v
                for f, v in zip(dataclasses.fields(fact), values, strict=True)
            )
        facts.append((_KIND_OF[type(fact)], values))
    return (
        _values(pack.info),
        _values(pack.subject) if pack.subject else None,
        tuple(facts),
        tuple(_values(q) for q in pack.questions),
        pack.pools,
        tuple((w.line, w.column, w.message, w.severity) for w in warnings),
    )


def _decode(data: tuple, path: str) -> tuple[Pack, list[Problem]]:
    info, subject, facts, questions, pools, warnings = data
    built = []
    for kind, values in facts:
        cls = FACT_KINDS[kind]
        if cls is Chronology:
            names = [f.name for f in dataclasses.fields(cls)]
            index = names.index("items")
            items = tuple(ChronologyItem(t, y) for t, y in values[index])
            values = values[:index] + (items,) + values[index + 1 :]
        built.append(cls(*values))
    pack = Pack(
        PackInfo(*info),
        Subject(*subject) if subject else None,
        tuple(built),
        tuple(HandQuestion(*q) for q in questions),
        dict(pools),
        path=path,
    )
    return pack, [Problem(path, line, col, msg, sev) for line, col, msg, sev in warnings]
