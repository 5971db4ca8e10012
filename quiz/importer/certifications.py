"""Certification facts: from a certifications table, ``{{certification Table Entry}}``
rows (wikitext) and the lead's "certified X in A and B".

A region keeps the article's words without the certifier in brackets ("Australia
(ARIA)" is Australia); a level the game cannot rank ("Platinum+Gold") is reported
rather than guessed. The same region and level read twice is one fact citing both
places.
"""

from __future__ import annotations

import re

from quiz.generators.values import cert_rank, level_name
from quiz.importer.article import Article, Where
from quiz.importer.harvest import Harvest

_CERTIFIER = re.compile(r"\s*\([^()]*\)\s*\Z")
_NOTE = re.compile(r"\s*\[[^\]]*\]")


def region_name(written: str) -> str:
    """A region as a prompt names it: the article's words, less the certifier in
    brackets, a footnote mark and a leading "the"."""
    region = _CERTIFIER.sub("", _NOTE.sub("", written)).strip()
    return region[4:] if region.casefold().startswith("the ") else region


def add_certification(harvest: Harvest, region: str, level: str,
                      wheres: tuple[Where, ...], part: str) -> None:
    """Add one certification, or cite this place on the fact that has it already."""
    region, level = region_name(region), " ".join(level.split())
    rank = cert_rank(level)
    if not region or rank is None:
        harvest.skip(wheres[0].line, f"certification {level!r} in {region or '?'}: level or "
                                 "region not read: left out")
        return
    # "Quintuple Platinum" is written as its options are ("5× Platinum"): a level
    # spelt unlike its wrong options would give the answer away.
    try:
        level = level_name(rank)
    except KeyError:
        pass
    known = harvest.find("certification", region=region, level=level)
    if known is not None:
        for where in wheres:
            harvest.cite_also(known, where, part)
        return
    harvest.add("certification", {"region": region, "level": level},
                *((where, part) for where in wheres))


def certification_facts(article: Article, harvest: Harvest) -> None:
    """Add the certifications of every certifications table and template row."""
    for table in article.tables:
        region = table.column("region", "country")
        level = table.column("certification", "award")
        if region is None or level is None or table.column("date", "format") is not None:
            continue
        for row in table.rows:
            cells = [*row.cells, "", ""]
            if row.broken or not cells[region] or not cells[level]:
                harvest.skip(row.where.line, "certification row with a blank region or "
                                             "level: left out")
                continue
            add_certification(harvest, cells[region], cells[level], row.wheres(),
                              "certifications table")
    for entry in article.certifications:
        add_certification(harvest, entry.region, entry.level, (entry.where,), "certifications")
