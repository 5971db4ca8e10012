"""Facts from the infobox: artist, album, label, studio, genre, dates, length, people.

Each infobox key the importer knows becomes the fact an author would write for it,
with its prompt and true/false sentence; a key it knows with a value it cannot read
with certainty (a recording year given as a range) goes to the review report.
Writers and producers are kept apart here and merged with the credits list by
:mod:`quiz.importer.people`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.importer.article import Article, InfoboxField
from quiz.importer.harvest import Harvest
from quiz.importer.values import date, split_list

_FEATURING = re.compile(r"\s+(?:featuring|feat\.|ft\.)\s+", re.I)
_DURATION = re.compile(r"\d{1,3}:[0-5]\d\Z")


@dataclass(frozen=True, slots=True)
class Named:
    """How one infobox key becomes an attribute: its id, category, prompt, sentence
    and generic pool (``{song}`` is the quoted title)."""

    id: str
    category: str
    ask: str
    statement: str
    pool: str
    split: bool = False


NAMED: dict[str, Named] = {
    "album": Named("album", "Song facts", "Which album is {song} from?",
                   "{song} is from the album {{value}}.", "albums"),
    "label": Named("label", "Song facts", "Which record label released {song}?",
                   "{song} was released by {{value}}.", "labels", split=True),
    "studio": Named("studio", "Making of", "In which studio was {song} recorded?",
                    "{song} was recorded at {{value}}.", "studios"),
    "genre": Named("genre", "Song facts", "Which genre does {song} belong to?",
                   "The genre of {song} is {{value}}.", "genres", split=True),
}


def infobox_facts(article: Article, harvest: Harvest, song: str) -> None:
    """Add the infobox's facts to ``harvest``; ``song`` is the quoted title."""
    artist = article.info("artist")
    if artist is not None:
        _artists(artist, harvest, song)
    for key, named in NAMED.items():
        item = article.info(key)
        if item is not None:
            values = split_list(item.value) if named.split else [item.value]
            harvest.add("attribute", {
                "id": named.id, "category": named.category,
                "ask": named.ask.format(song=song), "statement": named.statement.format(song=song),
                "values": values, "pool": named.pool}, (item.where, "infobox"))
            harvest.pools.add(named.pool)
    _dates(article, harvest, song)
    length = article.info("length")
    if length is not None:
        if _DURATION.match(length.value):
            harvest.add("duration", {
                "id": "length", "category": "Song facts", "ask": f"How long is {song}?",
                "statement": f"{song} runs {{value}}.", "value": length.value},
                (length.where, "infobox"))
        else:
            harvest.skip(length.where.line, f"length {length.value!r} is not m:ss: left out")


def _artists(item: InfoboxField, harvest: Harvest, song: str) -> None:
    parts = _FEATURING.split(item.value, maxsplit=1)
    lead = split_list(parts[0])
    harvest.add("attribute", {
        "id": "lead-artist", "category": "Song facts",
        "ask": f"Who is the lead artist on {song}?",
        "statement": f"{song} is a song by {{value}}.", "values": lead,
        "pool": "singers"}, (item.where, "infobox"))
    harvest.pools.add("singers")
    if len(parts) == 2:
        harvest.add("attribute", {
            "id": "featured-artist", "category": "Song facts",
            "ask": f"Which singer is featured on {song}?",
            "statement": f"{song} features vocals from {{value}}.",
            "values": split_list(parts[1]), "pool": "singers"}, (item.where, "infobox"))


def _dates(article: Article, harvest: Harvest, song: str) -> None:
    released = article.info("released")
    if released is not None:
        read = date(released.value)
        if read is None:
            harvest.skip(released.where.line, f"release date {released.value!r} not read")
        else:
            harvest.add("date", {
                "id": "release-date", "category": "Release",
                "ask": f"When was {song} released as a single?",
                "statement": f"{song} was released on {{value}}.",
                "value": read[0], "precision": read[1]}, (released.where, "infobox"))
    recorded = article.info("recorded")
    if recorded is not None:
        read = date(recorded.value)
        if read is None:
            harvest.skip(recorded.where.line,
                         f"recording date {recorded.value!r} not read (a range or a place?)")
        else:
            word = {"year": "year", "month": "month"}.get(read[1], "day")
            harvest.add("date", {
                "id": "recorded-" + word, "category": "Making of",
                "ask": f"In which {word} was {song} recorded?",
                "statement": f"{song} was recorded in {{value}}.",
                "value": read[0], "precision": read[1]}, (recorded.where, "infobox"))


def chronology(article: Article, harvest: Harvest) -> None:
    """The singles chronology goes to the review report: the infobox names only the
    single before and after, so each question would have one wrong option."""
    series = article.info("chronology")
    if series is None:
        return
    titles = [item.value for item in (article.info("prev title", "prev single"),
                                      article.info("next title", "next single")) if item]
    harvest.skip(series.where.line,
                 f"chronology {series.value!r} (the singles before and after: "
                 f"{', '.join(titles) or 'none given'}) not used: too few titles for wrong "
                 "options; add a pool of the artist's other singles by hand")
