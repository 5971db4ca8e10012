"""Every value of every imported fact appears in the article lines its source cites.

The check reads only the fact as written in the pack and the article file's lines:
a fact that states something its cited lines do not say fails, whichever part of
the importer made it. Numbers may be written in words, dates with month names,
levels with a multiplier word, chart names as the wikitext chart code they map from.
"""

from __future__ import annotations

import re

import pytest
from importer_fixtures import FIXTURES

from quiz.importer.build import import_article
from quiz.importer.values import MONTHS, WORDS
from quiz.importer.wikimarkup import Plain

_LINES = re.compile(r"lines? (\d+(?:, \d+)*)")
_NUMBER_WORDS = {value: word for word, value in WORDS.items() if " " not in word}
_TIMES = {2: "double", 3: "triple", 4: "quadruple", 5: "quintuple", 6: "sextuple"}


def _cited(fact: dict, lines: list[str]) -> str:
    """The cited lines as written and as a reader sees them (wiki markup rendered)."""
    numbers = [int(n) for group in _LINES.findall(fact["source"]) for n in group.split(", ")]
    assert numbers, f"no line cited: {fact}"
    raw = [lines[n - 1] for n in numbers]
    return "\n".join([*raw, *(Plain().text(line) for line in raw)]).casefold()


def _has(text: str, *forms: object) -> bool:
    return any(str(form).casefold() in text for form in forms if str(form))


def _number_forms(value: int) -> tuple[object, ...]:
    return (value, _NUMBER_WORDS.get(value, ""))


def _required(fact: dict) -> list[tuple[object, ...]]:
    """What the cited lines must hold: each entry is alternatives, one of which must."""
    kind = fact["kind"]
    if kind == "attribute":
        return [(value, value.removeprefix("the ")) for value in fact["values"]]
    if kind == "credit":
        return [(person,) for person in fact["people"]]
    if kind == "duration":
        return [(fact["value"],)]
    if kind == "date":
        return _date_forms(fact["value"])
    if kind == "chart":
        code = fact.get("note", "").removeprefix("chart code ")
        return [(code or fact["chart"],), _number_forms(fact["position"]), (fact["year"],)]
    if kind == "quote":
        return [(fact["text"],), (fact["speaker"],), (fact["publication"],)]
    if kind == "award":
        required = [(fact["organization"],), (fact["award"],), (fact["year"],)]
        if "result" in fact:
            required.append(("won",) if fact["result"] == "won" else ("nom",))
        return required
    if kind == "certification":
        return [(fact["region"],), *_level_forms(fact["level"])]
    raise AssertionError(f"no evidence rule for {kind}")


def _date_forms(value: str) -> list[tuple[object, ...]]:
    parts = [int(part) for part in value.split("-")]
    forms: list[tuple[object, ...]] = [(parts[0],)]
    if len(parts) > 1:
        forms.append((MONTHS[parts[1] - 1], f"-{parts[1]:02d}", f"|{parts[1]}|"))
    if len(parts) > 2:
        forms.append((parts[2],))
    return forms


def _level_forms(level: str) -> list[tuple[object, ...]]:
    match = re.fullmatch(r"(\d+)× (\w+)", level)
    if match is None:
        return [(level,)]
    times, base = int(match.group(1)), match.group(2)
    return [(base,), (times, _TIMES.get(times, ""))]


def imports() -> list[tuple[str, str, str]]:
    return [(name, path.read_text(encoding="utf-8"), form)
            for name, (path, form) in FIXTURES.items()]


@pytest.mark.parametrize(("name", "text", "form"), imports(), ids=[n for n, *_ in imports()])
def test_every_fixture_fact_is_in_the_lines_it_cites(name, text, form):
    result = import_article(text, form, name)
    assert len(result.facts) >= 30
    lines = text.splitlines()
    for fact in result.facts:
        cited = _cited(fact, lines)
        for forms in _required(fact):
            assert _has(cited, *forms), f"{forms} not in the lines cited by {fact}"


def test_every_seed_fact_is_in_the_lines_it_cites(seed_text):
    result = import_article(seed_text, "article", "seed.txt")
    lines = seed_text.splitlines()
    for fact in result.facts:
        cited = _cited(fact, lines)
        for forms in _required(fact):
            assert _has(cited, *forms), f"{forms} not in the lines cited by {fact}"


def test_a_value_the_cited_line_does_not_hold_is_caught():
    """The check itself: a fact moved to a wrong line fails it."""
    text, form = FIXTURES["plain"][0].read_text(encoding="utf-8"), "article"
    result = import_article(text, form, "x")
    fact = dict(next(f for f in result.facts if f["kind"] == "chart"))
    fact["source"] = "lead, line 1"
    cited = _cited(fact, text.splitlines())
    assert not all(_has(cited, *forms) for forms in _required(fact))
