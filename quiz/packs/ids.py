"""Stable ids for facts and questions that a pack does not name."""

from __future__ import annotations

import re
import unicodedata
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


# Latin letters that NFKD does not split into a base letter and a mark.
_OWN_LETTERS = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l",
    "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
})  # fmt: skip


def transliterate(text: str) -> str:
    """``text`` in ASCII letters where a Latin letter has an obvious one ("Ünïcödé" gives
    "Unicode", "Straße" "Strasse"); other characters are dropped."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_OWN_LETTERS))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def pack_id_from(name: str) -> str:
    """A pack id made from a title or file name: its words, accents taken off the
    letters rather than the letters dropped ("Ünïcödé bank" gives ``unicode-bank``).
    A name with no Latin letters gets the short hash :func:`slug` gives it."""
    # An apostrophe joins a word ("Don't" is "dont", not "don-t").
    ascii_name = transliterate(name.replace("'", "").replace("\u2019", ""))
    plain = slug(ascii_name) if any(char.isalnum() for char in ascii_name) else ""
    if any(char.isalnum() and not transliterate(char) for char in name):
        # Letters of another script have no ASCII form: a hash of the whole name keeps
        # "日本語 bank" and "中文 bank" apart.
        digest = f"{zlib.crc32(name.encode('utf-8', 'surrogatepass')):08x}"
        return f"{plain[:31].rstrip('-')}-{digest}".lstrip("-")
    return plain[:40].strip("-")


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
