"""An article in, a format-v1 pack and its review report out.

:func:`import_article` reads the file in either form, gathers facts in a fixed order
(infobox, credits, tables, then prose, which may confirm or complete a table row),
and writes the pack text an author could have written: a commented header naming the
article, the subject, the generic pools its facts use (less every value the pack
states as true), and the facts, each with the lines it was read from. A fact no
generator can ask about is moved to the review report, so every fact yields a question.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quiz.generators.base import Context
from quiz.generators.index import index_for
from quiz.importer.accolades import award_facts
from quiz.importer.article import Article
from quiz.importer.certifications import certification_facts
from quiz.importer.charts import chart_facts
from quiz.importer.harvest import FactData, Harvest
from quiz.importer.infobox import chronology, infobox_facts
from quiz.importer.people import credit_facts
from quiz.importer.plaintext import read_plaintext, song_title
from quiz.importer.pools import GENERIC, without
from quiz.importer.prose import Prose
from quiz.importer.releases import release_facts
from quiz.importer.wikitext import read_wikitext
from quiz.packs import yamlsafe
from quiz.packs.convert import dump_pack
from quiz.packs.ids import slug
from quiz.packs.specs import TOP_LEVEL
from quiz.packs.validate import PackBuilder
from quiz.packs.yields import silent_by_design

#: The input forms ``packs import --from`` reads.
Form = Literal["article", "wikitext"]


@dataclass(frozen=True, slots=True)
class Imported:
    """An import's result: the pack's id and YAML text, its facts, and the review
    report (one "line N: …" per thing left out)."""

    pack_id: str
    text: str
    facts: tuple[FactData, ...]
    review: tuple[tuple[int, str], ...]

    def review_text(self, source: str) -> str:
        """The review report as a file: a heading, then one line per item."""
        head = (f"# What the importer read in {source} but left out of the pack, by line.\n"
                "# Check each one: add what is certain to the pack by hand.\n")
        return head + "".join(f"{f'line {line}' if line else 'the article'}: {message}\n"
                              for line, message in self.review)


def read(text: str, form: Form) -> Article:
    """The article in ``text``, read as ``form``."""
    return read_plaintext(text) if form == "article" else read_wikitext(text)


def harvest_article(text: str, form: Form) -> tuple[Article, Harvest]:
    """The article in ``text`` and what the importer gathers from it: the facts, in
    pack order, and the review report's lines, sorted by line."""
    article = read(text, form)
    song_name = song_title(article.title) or "Untitled song"
    song = f'"{song_name}"'
    harvest = Harvest(subject=song_name)
    harvest.review.extend(article.skipped)
    infobox_facts(article, harvest, song)
    artists = [value for fact in harvest.facts if fact.get("id", "").endswith("-artist")
               for value in fact["values"]]
    credit_facts(article, harvest, artists)
    chart_facts(article, harvest)
    award_facts(article, harvest)
    certification_facts(article, harvest)
    release_facts(article, harvest, song)
    Prose(article, harvest, song, song_name).read()
    chronology(article, harvest)
    if article.info("artist") is None:
        harvest.skip(0, "no artist in the infobox: the pack has no subject (add one by hand)")
    harvest.review.sort(key=lambda item: item[0])
    return article, harvest


def import_article(text: str, form: Form, source: str, *, pack_id: str | None = None,
                   title: str | None = None, author: str | None = None) -> Imported:
    """The pack made from ``text`` (an article in ``form``); ``source`` names the
    file in the pack's header comment. ``pack_id``, ``title`` (the pack's, not the
    song's) and ``author`` replace the defaults when given."""
    article, harvest = harvest_article(text, form)
    song_name = harvest.subject
    pack_id = pack_id or slug(song_name)[:40].strip("-") or "imported-song"
    while True:
        data = _pack_data(article, harvest, pack_id, song_name)
        data["title"] = title or song_name
        data["author"] = author or data["author"]
        body = dump_pack(data)
        # Dropping a fact can leave another without wrong options: until none is left.
        if not _drop_unaskable(harvest, body):
            break
    harvest.review.sort(key=lambda item: item[0])
    header = _header(article, source, form)
    return Imported(pack_id, header + body, tuple(harvest.facts), tuple(harvest.review))


def _drop_unaskable(harvest: Harvest, body: str) -> bool:
    """Move the facts no generator can ask about (too few wrong options: two quoted
    critics, one award) from the pack to the review report; whether any moved."""
    try:
        pack = PackBuilder("imported").build(yamlsafe.compose("imported", body))
    except Exception:  # the command's validation of the written text reports it
        return False
    if pack is None or len(pack.facts) != len(harvest.facts):
        return False  # the command's validation reports it
    asked = {slot.fact for slot in index_for(pack).fact_slots}
    ctx = Context(pack)
    dropped = [i for i, fact in enumerate(pack.facts)
               if fact.id not in asked and not silent_by_design(fact, ctx)]
    for i in reversed(dropped):
        fact, places = harvest.facts.pop(i), harvest.places.pop(i)
        harvest.skip(places[0][0].line, f"{fact['kind']} ({_describe(fact)}) yields no "
                                        "question (too few wrong options): left out")
    return bool(dropped)


def _describe(fact: FactData) -> str:
    keys = ("id", "chart", "organization", "award", "region", "role", "speaker", "text")
    return ", ".join(str(fact[key]) for key in keys if key in fact)


def _pack_data(article: Article, harvest: Harvest, pack_id: str,
               title: str) -> dict[str, object]:
    artist = article.info("artist")
    data: dict[str, object] = {
        "format": 1, "pack": pack_id, "title": title, "author": "wdta-quiz importer",
        "version": "1",
        "description": f'Facts read from the article "{article.title}"; each names the '
                       "line it came from.",
    }
    attribution = article.attribution.as_dict()
    if attribution and "attribution" in TOP_LEVEL:
        data["attribution"] = attribution
    if artist is not None:
        # A subject names both; without an artist prompts say "the song" instead.
        data["subject"] = {"title": title, "artist": artist.value}
    true_values = [value for fact in harvest.facts
                   for value in (*fact.get("values", ()), *fact.get("people", ()))]
    pools = {name: without(GENERIC[name], true_values) for name in sorted(harvest.pools)}
    if pools:
        data["pools"] = pools
    data["facts"] = [_ordered(fact) for fact in harvest.facts]
    return data


def _ordered(fact: FactData) -> FactData:
    """A fact's keys in the order an author writes them; empty values left out."""
    first = ("kind", "id", "category", "source")
    keys = [*(k for k in first if k in fact), *(k for k in fact if k not in first)]
    return {key: fact[key] for key in keys if fact[key] not in ("", [], None)}


def _header(article: Article, source: str, form: Form) -> str:
    lines = [f"# Imported with `wdta-quiz packs import --from {form}` from {Path(source).name}.",
             "# Every fact's `source` names the section and line of the article it was read "
             "from;",
             "# what the importer left out is listed in the review report beside this file."]
    about = article.attribution.as_dict()
    if about:
        lines.append("# Content from: " + "; ".join(f"{k} {v}" for k, v in about.items()))
        lines.append("# Keep this attribution (and the article's licence) with the pack.")
    return "".join(line + "\n" for line in lines)

