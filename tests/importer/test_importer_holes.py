"""Holes are never filled: blank cells, broken rows, continuation rows, blank award
results and charts an article does not list stay unknown, and the review report says
what was left out, by line. Both input forms, from the fictional fixtures."""

from __future__ import annotations

import pytest
from importer_fixtures import FIXTURES

from quiz.importer.build import import_article


def _import(name: str):
    path, form = FIXTURES[name]
    return import_article(path.read_text(encoding="utf-8"), form, path.name)


def _facts(result, kind: str) -> list[dict]:
    return [fact for fact in result.facts if fact["kind"] == kind]


def _review(result) -> str:
    return "\n".join(f"line {line}: {message}" for line, message in result.review)


@pytest.fixture(scope="module")
def plain():
    return _import("plain")


@pytest.fixture(scope="module")
def wiki():
    return _import("wiki")


def test_plain_blank_cells_and_broken_rows_stay_out(plain):
    charts = {fact["chart"]: fact for fact in _facts(plain, "chart")}
    assert "Portugal (AFP)" not in charts  # blank peak cell
    assert "Denmark (Tracklisten)" not in charts  # a dash is not a position
    assert not any("scope" in name for name in charts)
    review = _review(plain)
    assert "line 69: Portugal (AFP) (weekly 2021): blank position: left out" in review
    assert "line 70: broken chart row (no chart name): left out" in review
    assert "line 72: Denmark (Tracklisten) (weekly 2021): position '—'" in review
    # The lead's "popular in Portugal" is not a chart position either.
    assert "line 26: prose not read: The song was also said to be popular in Portugal." in review


def test_plain_continuation_row_joins_its_organisation_never_becomes_one(plain):
    awards = _facts(plain, "award")
    organisations = {fact["organization"] for fact in awards}
    assert "Best Pop Single" not in organisations
    attached = next(fact for fact in awards if fact["award"] == "Best Pop Single")
    assert (attached["organization"], attached["year"]) == ("Northern Pop Prize", 2021)
    assert "result" not in attached
    assert "lines 45, 46" in attached["source"]
    assert "line 46: continuation row: 'Best Pop Single' attached to Northern Pop Prize" in (
        _review(plain))


def test_plain_award_results_only_where_the_article_gives_them(plain):
    results = {(f["organization"], f["award"]): f.get("result") for f in _facts(plain, "award")}
    assert results == {
        ("Lantern Music Awards", "Video of the Year"): "nominated",  # from the prose
        ("Lantern Music Awards", "Song of the Year"): "won",
        ("Northern Pop Prize", "Best Duet"): "nominated",
        ("Northern Pop Prize", "Best Pop Single"): None,
        ("Harbour City Awards", "Listeners' Choice"): None,
    }
    review = _review(plain)
    assert "line 48: broken accolades row: left out" in review
    assert "line 49: accolades row missing its organisation, year or category" in review


def test_plain_tables_without_a_year_and_blank_levels_and_formats_stay_out(plain):
    year_end = [f for f in _facts(plain, "chart") if f["type"] == "year-end"]
    assert {f["position"] for f in year_end if f["chart"] == "Norway (VG-lista)"} == {9}
    certifications = {f["region"]: f["level"] for f in _facts(plain, "certification")}
    assert "Sweden" not in certifications
    assert certifications["Norway"] == "3× Platinum"  # table and lead: one fact
    assert certifications["UK"] == "3× Platinum"
    formats = [f for f in _facts(plain, "attribute") if f["id"].startswith("release-format")]
    assert not any("Italy" in f["ask"] for f in formats)
    review = _review(plain)
    assert "line 78: chart table" in review and "gives no single year" in review
    assert "line 92: certification row with a blank region or level" in review
    assert "line 98: release row with a blank country, date or format" in review
    assert "line 11: recording date '2019–2020' not read" in review


def test_plain_prose_read_only_from_certain_shapes(plain):
    quotes = {(f["speaker"], f["publication"], f["text"]) for f in _facts(plain, "quote")}
    assert quotes == {
        ("Juniper Ashe", "Soundfold", "a lantern swinging in a storm"),
        ("Juniper Ashe", "Soundfold", "quietly enormous"),
        ("Corvin Lusk", "Metric Weekly", "built for singing along in cars"),
        ("Hanne Ruiz", "Static Bloom", "a warm coat of a pop song"),
    }
    assert 'line 32: prose not read: One listener wrote that it was "the sound of a late' in (
        _review(plain))
    number_one = next(f for f in plain.facts if f.get("id") == "number-one")
    assert number_one["values"] == ["Norway", "Iceland", "Estonia"]
    # Wrong options only from countries the tables show lower; Portugal is unknown.
    assert number_one["pool"] == ["Austria", "Germany", "Ireland", "Sweden"]


def test_wiki_chart_codes_blank_broken_and_unknown(wiki):
    charts = {(f["type"], f["year"], f["chart"]): f["position"] for f in _facts(wiki, "chart")}
    assert charts[("weekly", 2018, "Belgium (Ultratop 50 Flanders)")] == 1
    assert charts[("weekly", 2018, "Netherlands (Dutch Top 40)")] == 6
    assert charts[("weekly", 2018, "Netherlands (Single Top 100)")] == 14
    assert charts[("weekly", 2018, "UK Singles (OCC)")] == 23
    assert charts[("weekly", 2018, "Austria (Ö3 Austria Top 40)")] == 1
    assert not any("Poland" in chart for _, _, chart in charts)
    assert not any(year != 2018 and kind == "weekly" for kind, year, _ in charts)
    review = _review(wiki)
    assert "chart code 'Narnia' unknown: left out" in review
    assert "Poland (Polish Airplay Top 100) (weekly 2018): blank position" in review
    assert "broken chart row (no chart name): left out" in review
    assert "gives no single year" in review


def test_wiki_rowspan_attaches_and_blank_results_stay_unknown(wiki):
    results = {(f["organization"], f["award"]): f.get("result") for f in _facts(wiki, "award")}
    assert results == {
        ("Fogbell Awards", "Song of the Year"): "won",
        ("Fogbell Awards", "Best Collaboration"): "nominated",
        ("Coastline Music Prize", "Best Pop Song"): None,
    }
    assert "broken accolades row: left out" in _review(wiki)


def test_wiki_markup_is_read_as_text(wiki):
    by_id = {f["id"]: f for f in wiki.facts if "id" in f}
    assert by_id["lead-artist"]["values"] == ["Lio Marchetti"]
    assert by_id["featured-artist"]["values"] == ["Wren Okafor"]
    assert by_id["album"]["values"] == ["Foghorn Hymns"]
    assert by_id["genre"]["values"] == ["Dream pop", "Electropop"]
    assert by_id["label"]["values"] == ["Tidewater"]
    assert by_id["release-date"]["value"] == "2018-09-14"
    assert by_id["recorded-year"]["value"] == "2017"  # the comment after it is dropped
    assert by_id["length"]["value"] == "3:52"
    certifications = {(f["region"], f["level"]) for f in _facts(wiki, "certification")}
    assert certifications == {("Germany", "2× Platinum"), ("Denmark", "Gold"),
                              ("Belgium", "2× Platinum")}
    quotes = {(f["speaker"], f["publication"]) for f in _facts(wiki, "quote")}
    assert quotes == {("Ada Penhallow", "Weathervane Review"),
                      ("Tobin Esker", "Lowtide Magazine"), ("Mirela Vos", "Saltline")}
    people = {f["role"]: f["people"] for f in _facts(wiki, "credit")}
    assert people["songwriter"] == ["Lio Marchetti", "Wren Okafor", "Bram Soller"]
    assert people["director"] == ["Nell Arrowsmith"]
    assert not any("cite" in str(fact).casefold() or "<ref" in str(fact) for fact in wiki.facts)


@pytest.mark.parametrize("name", ["plain", "wiki"])
def test_attribution_is_taken_from_the_file(name):
    result = _import(name)
    assert "# Content from: title " in result.text
    assert "licence CC BY-SA 4.0" in result.text
    assert "https://wiki.example.org/wiki/" in result.text


def test_attribution_metadata_is_filled_where_the_pack_format_has_the_key(monkeypatch):
    import yaml

    from quiz.importer import build

    monkeypatch.setattr(build, "TOP_LEVEL", (*build.TOP_LEVEL, "attribution"))
    data = yaml.safe_load(_import("wiki").text)
    assert data["attribution"] == {
        "title": "Quiet Harbour Static",
        "url": "https://wiki.example.org/wiki/Quiet_Harbour_Static",
        "revision": "99120", "licence": "CC BY-SA 4.0"}
    monkeypatch.setattr(build, "TOP_LEVEL", tuple(k for k in build.TOP_LEVEL
                                                  if k != "attribution"))
    assert "attribution" not in yaml.safe_load(_import("wiki").text)
