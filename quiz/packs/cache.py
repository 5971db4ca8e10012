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
import typing
from pathlib import Path
from typing import Any

from quiz import facts, paths
from quiz.facts import KINDS, Fact, HandQuestion, Pack, PackInfo, Subject, kind_of
from quiz.files import write_atomic
from quiz.packs.problems import Problem

#: Bump when loading or validation changes what a pack turns into.
LOADER_VERSION = 3


def _parts_of(cls: type) -> dict[str, type]:
    """Fields of a fact class that hold a tuple of smaller dataclasses (a chronology's
    items), by name: marshal keeps plain values only, so they are stored as tuples."""
    hints = typing.get_type_hints(cls, vars(facts))
    found: dict[str, type] = {}
    for name, hint in hints.items():
        args = typing.get_args(hint)
        inner = args[0] if typing.get_origin(hint) is tuple and args else None
        if isinstance(inner, type) and dataclasses.is_dataclass(inner):
            found[name] = inner
    return found


_PARTS = {kind: _parts_of(spec.cls) for kind, spec in KINDS.items()}
_PART_CLASSES = {cls for parts in _PARTS.values() for cls in parts.values()}
# The field layout the entries are written in: a change to quiz.facts invalidates them.
_LAYOUT = repr(
    [
        (cls.__name__, [f.name for f in dataclasses.fields(cls)])
        for cls in (*(spec.cls for spec in KINDS.values()),
                    *sorted(_PART_CLASSES, key=lambda c: c.__name__),
                    HandQuestion, PackInfo, Subject)
    ]
)
#: What an entry holds: plain values only.
Plain = tuple[Any, ...]


def _entry_path(real: str) -> Path:
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return paths.cache_dir() / "packs" / f"{digest}.marshal"


def _key(real: str, stat: os.stat_result) -> Plain:
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


def _values(obj: Any) -> Plain:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


def _encode_fact(fact: Fact) -> tuple[str, Plain]:
    kind = kind_of(fact).name
    parts = _PARTS[kind]
    values = tuple(
        tuple(_values(part) for part in value) if f.name in parts else value
        for f, value in zip(dataclasses.fields(fact), _values(fact), strict=True)
    )
    return kind, values


def _decode_fact(kind: str, values: Plain) -> Fact:
    spec = KINDS[kind]
    parts = _PARTS[kind]
    built = tuple(
        tuple(parts[f.name](*part) for part in value) if f.name in parts else value
        for f, value in zip(dataclasses.fields(spec.cls), values, strict=True)
    )
    fact: Fact = spec.cls(*built)
    return fact


def _encode(pack: Pack, warnings: list[Problem]) -> Plain:
    return (
        _values(pack.info),
        _values(pack.subject) if pack.subject else None,
        tuple(_encode_fact(fact) for fact in pack.facts),
        tuple(_values(q) for q in pack.questions),
        pack.pools,
        tuple((w.line, w.column, w.message, w.severity) for w in warnings),
    )


def _decode(data: Plain, path: str) -> tuple[Pack, list[Problem]]:
    info, subject, facts, questions, pools, warnings = data
    pack = Pack(
        PackInfo(*info),
        Subject(*subject) if subject else None,
        tuple(_decode_fact(kind, values) for kind, values in facts),
        tuple(HandQuestion(*q) for q in questions),
        dict(pools),
        path=path,
    )
    return pack, [Problem(path, line, col, msg, sev) for line, col, msg, sev in warnings]
