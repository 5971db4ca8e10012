"""Words for players: what the built-in pack shows reads like a quiz, not like notes.

Every built-in question (every generator, every kind, every hand-written item, over
several seeds so both forms of each true/false item are seen) is scanned: no prompt,
option or explanation points at where its fact came from (the infobox, the article,
a table, the lead, a section, the sources), and no explanation ends in a source tag
such as "(weekly chart table)". Where a fact came from is the question's ``source``,
which every built-in question has and which is shown on its own.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from quiz.commands.questions import render_json, render_text
from quiz.facts import Pack
from quiz.generators import generate_all
from quiz.question import Question

SEEDS = range(8)

#: Editor's words. "lead" is banned as the article's lead section, never as in "lead
#: artist" or "lead vocals" (a credit role players know).
BANNED = re.compile(
    r"\b(?:infobox(?:es)?|articles?|tables?|sources?|sections?|according\s+to)\b"
    r"|\blead\b(?!\s+(?:artist|vocals))",
    re.IGNORECASE,
)
#: A parenthesised tail holding a list ("(infobox; lead)") or a label ("(lead: ...)").
TAG_LIST = re.compile(r"\([^()]*[;:][^()]*\)\W*$")


@pytest.fixture(scope="module")
def builtin() -> Pack:
    from quiz.packs import load_pack
    from quiz.paths import builtin_packs_dir

    return load_pack(str(builtin_packs_dir() / "wdta.yaml"))


@pytest.fixture(scope="module")
def shown(builtin: Pack) -> list[Question]:
    """Every built-in question as built with each seed."""
    return [q for seed in SEEDS for q in generate_all([builtin], random.Random(seed))]


def _source_parts(pack: Pack) -> set[str]:
    """Every source the pack names, whole and split at ";" (what a tag would quote)."""
    sources = [f.source for f in pack.facts] + [q.source for q in pack.questions]
    parts = {p.strip().casefold() for s in sources for p in [s, *s.split(";")]}
    return {p for p in parts if p}


def test_the_scan_covers_every_generator_kind_and_hand_question(builtin, shown):
    from quiz.generators import index_for

    index = index_for(builtin)
    ids = {slot.id for slot in [*index.fact_slots, *index.hand_slots()]}
    assert {q.id for q in shown} == ids
    assert {f"wdta:q:{item.id}" for item in builtin.questions} <= ids
    assert {slot.kind for slot in index.fact_slots} == {q.kind for q in shown} - {"hand"}
    # Both forms of the true/false items are seen.
    assert {q.correct for q in shown if q.kind == "truefalse"} == {"True", "False"}


def test_no_prompt_option_or_explanation_uses_editors_words(shown):
    found = []
    for q in shown:
        for part, text in [("prompt", q.prompt), ("explanation", q.explanation),
                           *(("option", o) for o in q.options)]:
            match = BANNED.search(text)
            if match:
                found.append((q.id, part, match.group(0), text))
    assert not found, found[:10]


def test_no_explanation_ends_in_a_source_tag(builtin, shown):
    sources = _source_parts(builtin)
    found = []
    for q in shown:
        tail = re.search(r"\(([^()]*)\)\W*$", q.explanation)
        if TAG_LIST.search(q.explanation) or (tail and tail.group(1).strip().casefold()
                                              in sources):
            found.append((q.id, q.explanation))
    assert not found, found[:10]


def test_every_builtin_question_has_a_source_taken_from_its_facts(builtin, shown):
    sources = _source_parts(builtin)
    for q in shown:
        assert q.source.strip(), q.id
        parts = [p.strip().casefold() for p in q.source.split(";")]
        assert all(p in sources for p in parts), (q.id, q.source)
        # Each part once.
        assert len(parts) == len(set(parts)), q.source


def test_a_question_on_several_facts_cites_each_of_them(builtin, shown):
    # The countries certified Diamond come from one source; the comparison of weekly
    # peaks reads several chart rows; the singles' order comes from its own fact.
    chronology = next(q for q in shown if q.kind == "chronology")
    assert chronology.source == "infobox: singles chronology"
    comparison = [q for q in shown if q.kind == "comparison"]
    assert comparison and all("chart table" in q.source for q in comparison)


def test_source_is_shown_apart_in_json_and_text(shown):
    some = shown[:5]
    rows = [json.loads(line) for line in render_json(some).splitlines()]
    assert [row["source"] for row in rows] == [q.source for q in some]
    text = render_text(some)
    for q in some:
        assert f"\n     Source: {q.source}\n" in text
        assert q.source not in q.explanation


def test_a_question_without_a_source_prints_no_source_line():
    q = Question(id="p:q:x", pack="p", category="General", difficulty="easy",
                 prompt="Why?", options=("A", "B"), answer=0, explanation="Because.",
                 fact="q:x", kind="hand")
    assert "Source:" not in render_text([q])
    assert json.loads(render_json([q]))["source"] == ""


# -- the slips the fact-checks found ---------------------------------------------------


def _prompts(shown: list[Question]) -> set[str]:
    return {q.prompt for q in shown}


def test_video_people_are_not_said_to_be_in_credits_the_video_has_not(shown):
    for q in shown:
        if "official music video" in q.prompt or "official music video" in q.explanation:
            assert "credits" not in q.prompt + q.explanation, q
    prompts = _prompts(shown)
    assert "Who was the director of the official music video?" in prompts
    assert "Who was the love interest in the official music video?" in prompts
    assert "True or false: Phil Pinto was the director of the official music video." in prompts


def test_a_show_listing_two_categories_is_asked_which_of_these(shown):
    radio_disney = [q for q in shown if q.kind == "award"
                    and "Radio Disney Music Awards" in q.prompt]
    assert radio_disney
    for q in radio_disney:
        assert q.prompt.startswith("Which of these categories"), q.prompt
    # A show with one category keeps "In which category".
    assert any(q.prompt.startswith("In which category") for q in shown if q.kind == "award")


def test_an_award_named_award_reads_with_its_article(shown):
    texts = [t for q in shown for t in (q.prompt, q.explanation)]
    assert not [t for t in texts if "up for One Billion" in t]
    assert any("up for the One Billion Streams Award" in t for t in texts)


def test_no_them_without_someone_named_before_it(shown):
    for q in shown:
        for text in (q.prompt, q.explanation):
            head = text.split(" them ")[0] if " them " in text else None
            if head is not None:
                assert re.search(r"\band\b", head), text


def test_quotes_are_said_never_wrote(shown):
    quotes = [q for q in shown if q.kind in ("quote", "critic", "quote-text", "truefalse")
              and q.fact.startswith("quote-")]
    assert quotes
    for q in quotes:
        said = q.prompt + " " + q.explanation
        assert not re.search(r"\bwrote\b|\bsaid it\b", said), q
    puth = [q for q in quotes if "charlie-puth" in q.fact]
    # The artist's own words are never asked among critics: he is the one famous name.
    assert puth and all(q.kind == "truefalse" for q in puth)
    assert all("Charlie Puth's own words" in q.explanation for q in puth)
