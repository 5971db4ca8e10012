"""Values as articles write them: numbers in words, dates in three spellings, lists.

Each reader returns None for anything it cannot read with certainty, and the caller
puts that line in the review report instead of guessing.
"""

from __future__ import annotations

import re

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: Number words an article spells out, 0 to 99, as "twenty-one" or "twenty one".
WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
for _tens, _ten in enumerate(_TENS):
    if _ten:
        WORDS[_ten] = _tens * 10
        for _unit in range(1, 10):
            WORDS[f"{_ten}-{_UNITS[_unit]}"] = _tens * 10 + _unit
            WORDS[f"{_ten} {_UNITS[_unit]}"] = _tens * 10 + _unit
WORDS["hundred"] = WORDS["one hundred"] = 100

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\Z")
_MDY = re.compile(r"([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\Z")
_DMY = re.compile(r"(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})\Z")
_MY = re.compile(r"([A-Za-z]+),?\s+(\d{4})\Z")
#: A month and a year, or a full date, inside a sentence.
DATE_IN_TEXT = (r"(?:(?:January|February|March|April|May|June|July|August|September|October"
                r"|November|December)\s+(?:\d{1,2},\s+)?)?\d{4}")


def number(text: str) -> int | None:
    """A whole number written in digits ("46", "1,200") or words ("nine"), or None."""
    cleaned = text.strip().casefold()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})*|\d+", cleaned):
        return int(cleaned.replace(",", ""))
    return WORDS.get(cleaned)


def date(text: str) -> tuple[str, str] | None:
    """(ISO value, precision) of a date written "2016-05-24", "May 24, 2016",
    "24 May 2016", "May 2016" or "2016"; None for anything else (a range, a season)."""
    text = " ".join(text.split())
    if match := _ISO.match(text):
        year, month, day = match.groups()
        if day:
            return _checked(int(year), int(month), int(day))
        if month:
            return _checked(int(year), int(month), None)
        return year, "year"
    for pattern, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        if match := pattern.match(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month_number = _month(parts["m"])
            if month_number is None:
                return None
            return _checked(int(parts["y"]), month_number, int(parts["d"]))
    if match := _MY.match(text):
        month_number = _month(match.group(1))
        return _checked(int(match.group(2)), month_number, None) if month_number else None
    return None


def _month(name: str) -> int | None:
    folded = name.casefold()
    return MONTHS.index(folded) + 1 if folded in MONTHS else None


def _checked(year: int, month: int, day: int | None) -> tuple[str, str] | None:
    days = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= days[month - 1]):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def split_list(text: str, *, prose: bool = False) -> list[str]:
    """A comma-separated list, never split inside brackets: "Atlantic Studios (Los
    Angeles, CA)" stays one value. In ``prose``, "A, B and C" is three values too (an
    infobox is not split at "and": "Rhythm and blues" is one genre)."""
    parts: list[str] = []
    depth, current = 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    names: list[str] = []
    for part in parts:
        part = part.strip()
        if not prose:
            names.extend([part] if part else [])
            continue
        part = re.sub(r"^and\s+", "", part)
        names.extend(p.strip() for p in re.split(r"\s+and\s+(?![^()]*\))", part) if p.strip())
    return names
