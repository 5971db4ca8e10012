"""Stable ids for facts and questions that a pack does not name."""

from __future__ import annotations

import re
import zlib

from quiz.facts import KINDS, Values

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60
#: A pack id: it names the installed file, so it can never leave the pack folder.
PACK_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,39}$"
_PACK_ID = re.compile(PACK_ID_PATTERN)


def is_pack_id(text: str) -> bool:
    """Whether ``text`` is a valid pack id (lower-case letters, digits, ``-``; 1-40)."""
    return bool(_PACK_ID.match(text))


def slug(text: str) -> str:
    """Lower-case words joined by ``-``; long or non-ASCII text gets a short hash to stay unique."""
    result = _NOT_SLUG.sub("-", text.lower()).strip("-")
    if len(result) > MAX_SLUG or not result:
        digest = f"{zlib.crc32(text.encode('utf-8')):08x}"
        result = f"{result[: MAX_SLUG - 9].rstrip('-')}-{digest}".lstrip("-")
    return result


def fact_id(kind: str, values: Values) -> str:
    """The derived id of a fact: its kind and key fields, e.g. ``chart-weekly-2016-france-snep``."""
    spec = KINDS[kind]
    parts = [str(values[name]) for name in spec.id_keys if values.get(name) not in (None, "")]
    if spec.trim_id is not None:
        parts = spec.trim_id(parts, values)
    return f"{kind}-{slug(' '.join(parts))}"


def unique(candidate: str, taken: set[str]) -> str:
    """``candidate``, or ``candidate-2``, ``-3``... if already taken."""
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"
