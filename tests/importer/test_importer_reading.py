"""The importer's readers of values, sentences and wiki markup, one case at a time."""

from __future__ import annotations

import pytest

from quiz.importer.build import harvest_article, import_article
from quiz.importer.chartcodes import chart_name
from quiz.importer.plaintext import read_plaintext, song_title
from quiz.importer.prose import sentences
from quiz.importer.values import date, number, split_list
from quiz.importer.wikimarkup import Plain


@pytest.mark.parametrize(("markup", "text"), [
    ("[[Atlantic Records|Atlantic]]", "Atlantic"),
    ("[[Nine Track Mind]]", "Nine Track Mind"),
    ("Pop<ref>{{cite web|url=x|title=y}}</ref>", "Pop"),
    ('Pop<ref name="a" />', "Pop"),
    ("Pop<!-- hidden -->", "Pop"),
    ("{{hlist|[[Pop music|Pop]]|R&B}}", "Pop, R&B"),
    ("{{Start date|2016|5|24}}", "2016-05-24"),
    ("{{Start date|2016|5}}", "2016-05"),
    ("{{Duration|m=3|s=7}}", "3:07"),
    ("{{won}} / {{nom}}", "Won / Nominated"),
    ("''[[Album]]''", "Album"),
    ("Peak<br />position", "Peak position"),
    ("[[File:Cover.png|thumb|A cover]]Song", "Song"),
    ("[https://example.org Example site]", "Example site"),
    ("{{sfn|Smith|2016}}text", "text"),
])
def test_markup_becomes_what_a_reader_sees(markup, text):
    assert Plain().text(markup) == text


def test_an_unknown_template_is_dropped_and_noted():
    plain = Plain()
    assert plain.text("Pop {{mystery box|x}}") == "Pop"
    assert plain.unknown == ["mystery box"]
    result = import_article("{{Infobox song\n| name = X\n| genre = Pop {{mystery box|x}}\n}}\n",
                            "wikitext", "x.wiki")
    assert any("{{mystery box}} not read" in message for _, message in result.review)


@pytest.mark.parametrize(("code", "name"), [
    ("Flanders", "Belgium (Ultratop 50 Flanders)"), ("Dutch40", "Netherlands (Dutch Top 40)"),
    ("Dutch100", "Netherlands (Single Top 100)"), ("Germany", "Germany (GfK)"),
    ("Billboardhot100", "US Billboard Hot 100"), ("UKsinglesbyname", "UK Singles (OCC)"),
    ("Atlantis", None),
])
def test_chart_codes_map_to_chart_names_and_unknown_ones_to_none(code, name):
    assert chart_name(code) == name


@pytest.mark.parametrize(("written", "read"), [
    ("2016-05-24", ("2016-05-24", "day")), ("May 24, 2016", ("2016-05-24", "day")),
    ("24 May 2016", ("2016-05-24", "day")), ("October 2016", ("2016-10", "month")),
    ("2015", ("2015", "year")), ("2015–2016", None), ("Spring 2016", None),
    ("February 30, 2016", None),
])
def test_dates_are_read_only_when_certain(written, read):
    assert date(written) == read


def test_numbers_and_lists():
    assert [number(w) for w in ("nine", "46", "twenty-one", "1,200", "several")] == [
        9, 46, 21, 1200, None]
    assert split_list("Atlantic Studios (Los Angeles, CA)") == [
        "Atlantic Studios (Los Angeles, CA)"]
    assert split_list("Rhythm and blues, Pop") == ["Rhythm and blues", "Pop"]
    assert split_list("the US, Australia, and Italy", prose=True) == ["the US", "Australia",
                                                                      "Italy"]


def test_sentences_keep_quotations_and_initials_whole():
    text = ('He said "it works. It really does." Then J. Smith left. Dr. Who stayed. '
            'The end.')
    assert sentences(text) == ['He said "it works. It really does."', "Then J. Smith left.",
                               "Dr. Who stayed.", "The end."]


def test_plain_text_layout_pieces():
    article = read_plaintext("= Song (Band song) =\nURL: https://x.org/Song\n\nSong\n"
                             "- Artist: Band\n\nLead text.\n\n==Credits==\n- A Person – bass\n")
    assert song_title(article.title) == "Song"
    assert article.attribution.url == "https://x.org/Song"
    assert [(f.key, f.value, f.where.line) for f in article.infobox] == [("artist", "Band", 5)]
    assert [(c.name, c.roles) for c in article.credits] == [("A Person", ("bass",))]
    assert [p.text for p in article.paragraphs] == ["Lead text."]


def test_number_one_needs_countries_shown_lower():
    text = ("= S =\n\nS\n- Artist: A\n\nIt reached number one in Chile.\n\n==Charts==\n"
            "| Chart (2020) | Peak position |\n| Chile (Top 100) | 1 |\n| Peru (Top 50) | 3 |\n")
    result = import_article(text, "article", "s.txt")
    assert not any(fact.get("id") == "number-one" for fact in result.facts)
    assert (6, "number one in Chile: too few charted countries shown lower: left out") in (
        result.review)


def test_mangled_articles_never_crash_the_importer():
    """Cut and spliced copies of the fixtures (seeded): the importer reports, never raises."""
    import random

    from importer_fixtures import FIXTURES

    rng = random.Random(14)
    sources = [(path.read_text(encoding="utf-8"), form) for path, form in FIXTURES.values()]
    cases = [("{|\n{{Single chart|Flanders|3}}\n|}", "wikitext"), ("{{Duration|m=a|s=b}}",
                                                                      "wikitext")]
    for _ in range(15):
        text, form = rng.choice(sources)
        start = rng.randrange(len(text))
        cases.append((text[:start] + text[start + rng.randrange(300):], form))
        cases.append((text[:start] + rng.choice(["|", "{{", "}}", "[[", "\n", "<!--", "|-"])
                      + text[start:], form))
    for text, form in cases:
        harvest_article(text, form)


def test_facts_a_question_can_ask_stay_in_the_pack():
    # Two quoted critics once went to the review (no question could ask them); the
    # quote true/false questions ask them now, so the pack keeps them.
    text = ("= S =\n\nS\n- Artist: A\n- Length: 3:00\n\n==Critical reception==\n"
            'Writing for Paper One, Ana Lind called it "bright." '
            'Bo Kern of Paper Two said it was "dark."\n')
    result = import_article(text, "article", "s.txt")
    assert [fact["kind"] for fact in result.facts] == ["attribute", "duration", "quote", "quote"]
    assert not any("yields no question" in line for _, line in result.review)


def test_two_facts_of_one_shape_get_distinct_ids():
    text = ("= T =\n\nT\n- Artist: A\n\nIt peaked at number two on the Foo Chart in May 2020. "
            "It peaked at number three on the Bar Chart in June 2020.\n")
    result = import_article(text, "article", "t.txt")
    ids = [fact["id"] for fact in result.facts if "id" in fact]
    assert ids == ["lead-artist", "peak-month", "peak-month-2"]
