"""Facts from prose, only from sentence shapes read with certainty.

The shapes: the peak sentence ("peaked at number nine on the US Billboard Hot 100 in
October 2016"), "reached number one in A, B and C", "certified X in A and B, as well
as Y in C", a critic's quote (:mod:`quiz.importer.critics`), "the music video …
directed by P", "the music video premiered on DATE on SITE", and "nominated for C at
YEAR ORG" when the accolades table lists that nomination with a blank result. Every
other sentence goes to the review report with its line: the importer never guesses
what a sentence means.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quiz.generators.distractors import norm
from quiz.importer.article import Article, Paragraph
from quiz.importer.certifications import add_certification
from quiz.importer.charts import size_for
from quiz.importer.critics import NAME, critic_quotes
from quiz.importer.harvest import Harvest
from quiz.importer.pools import GENERIC, without
from quiz.importer.values import DATE_IN_TEXT, date, number, split_list

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
_PEAK = re.compile(r"peaked at number (?P<n>[\w-]+) on the (?P<chart>[A-Z][^,.;]*?) in "
                   rf"(?P<when>(?:{_MONTH} )?\d{{4}})\b")
_NUMBER_ONE = re.compile(r"(?:reached|peaked at|hit) number one in (?P<list>[A-Z][^.;]*)")
_LEVEL = (r"(?:\d+×\s*|(?:[Dd]ouble|[Tt]riple|[Qq]uadruple|[Qq]uintuple|[Ss]extuple|"
          r"[Ss]eptuple|[Oo]ctuple|[Nn]onuple|[Dd]ecuple)\s+)?(?:Gold|Platinum|Diamond)")
_CERTIFIED = re.compile(r"\bcertified (?P<rest>.+?)\.?\Z")
_CERT_PART = re.compile(rf"(?P<level>{_LEVEL}) in (?P<list>.+)\Z")
_WORK = r"(?P<work>[Tt]he (?:official )?(?:music |lyric |live performance )?video)"
_DIRECTED = re.compile(rf"{_WORK}\b[^.]*?\bdirected by (?P<people>{NAME}(?: and {NAME})?)")
_PREMIERED = re.compile(rf"{_WORK} premiered on (?P<date>{DATE_IN_TEXT}),? on "
                        r"(?P<site>[A-Z][\w.]*(?: [A-Z][\w.]*)*)")
_NOMINATED = re.compile(r"\b(?P<verb>nominated for|won) (?P<award>[A-Z][^.]*?) at (?:the )?"
                        r"(?P<year>\d{4}) (?P<org>[A-Z][^.,]*?)(?: but lost to (?P<lost>[^.]+?))?"
                        r"\.?\Z")
_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[\"“A-Z])")
_NOT_ENDS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "no", "feat", "ft"}


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (not split after an initial or "Dr.", nor inside
    a quotation)."""
    parts: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        words = text[start:match.start()].split()
        last = words[-1].rstrip(".").casefold() if words else ""
        inside = text[start:match.end()].count('"') % 2 == 1
        if len(last) <= 1 or last in _NOT_ENDS or inside:
            continue
        parts.append(text[start:match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


class Prose:
    """Reads an article's paragraphs after its tables (a peak confirms a table row)."""

    def __init__(self, article: Article, harvest: Harvest, song: str, title: str) -> None:
        self.article, self.harvest, self.song, self.title = article, harvest, song, title
        self.readers: tuple[Callable[[str, Paragraph], bool], ...] = (
            self.peak, self.number_one, self.certified, self.quotes, self.premiered,
            self.directed, self.nominated)

    def read(self) -> None:
        """Read every paragraph; report each sentence no shape reads."""
        for paragraph in self.article.paragraphs:
            for sentence in sentences(paragraph.text):
                used = [reader(sentence, paragraph) for reader in self.readers]
                if not any(used):
                    shown = sentence if len(sentence) <= 110 else sentence[:109] + "…"
                    self.harvest.skip(paragraph.where.line, f"prose not read: {shown}")

    def peak(self, sentence: str, paragraph: Paragraph) -> bool:
        """The peak sentence: a weekly chart row, and the month when given."""
        match = _PEAK.search(sentence)
        position = number(match["n"]) if match else None
        when = date(match["when"]) if match else None
        if match is None or position is None or when is None:
            return False
        chart, year = match["chart"], int(when[0][:4])
        known = self.harvest.find("chart", chart=chart, type="weekly", year=year)
        if known is not None and known["position"] != position:
            self.harvest.skip(paragraph.where.line, f"the lead's peak on {chart} ({position}) "
                                                    "differs from its table: left out")
            return True
        if known is not None:
            self.harvest.cite_also(known, paragraph.where)
        else:
            self.harvest.add("chart", {"chart": chart, "type": "weekly", "year": year,
                                       "position": position, "size": size_for(chart, position)},
                             (paragraph.where, ""))
        if when[1] == "month":
            self.harvest.add("date", {
                "id": "peak-month", "category": "Charts",
                "ask": f"In which month did {self.song} reach its peak on the {chart}?",
                "statement": f"{self.song} reached its peak on the {chart} in {{value}}.",
                "value": when[0], "precision": "month"}, (paragraph.where, ""))
        return True

    def number_one(self, sentence: str, paragraph: Paragraph) -> bool:
        """"reached number one in A, B and C": the countries, when enough are shown lower."""
        match = _NUMBER_ONE.search(sentence)
        if match is None:
            return False
        places = split_list(match["list"], prose=True)
        if not places or any(len(place.split()) > 3 for place in places):
            return False
        pool = _not_number_one(self.harvest, places)
        if len(pool) < 2:
            self.harvest.skip(paragraph.where.line, f"number one in {', '.join(places)}: too "
                                                    "few charted countries shown lower: left out")
            return True
        self.harvest.add("attribute", {
            "id": "number-one", "category": "Charts",
            "ask": f"In which of these countries did {self.song} reach number one?",
            "statement": f"{self.song} reached number one in {{value}}.",
            "values": places, "pool": pool}, (paragraph.where, ""))
        return True

    def certified(self, sentence: str, paragraph: Paragraph) -> bool:
        """"certified X in A and B, as well as Y in C": a certification per region."""
        match = _CERTIFIED.search(sentence)
        if match is None:
            return False
        parts = [_CERT_PART.match(part.strip())
                 for part in re.split(r",?\s+as well as\s+|;\s*", match["rest"])]
        if not parts or any(part is None for part in parts):
            return False
        for part in parts:
            assert part is not None
            for region in split_list(part["list"], prose=True):
                add_certification(self.harvest, region, part["level"], (paragraph.where,), "")
        return True

    def quotes(self, sentence: str, paragraph: Paragraph) -> bool:
        """A critic's sentence: its quotes (see :mod:`quiz.importer.critics`)."""
        return critic_quotes(sentence, paragraph, self.harvest, self.title)

    def directed(self, sentence: str, paragraph: Paragraph) -> bool:
        """"The music video … directed by P": the video's director."""
        match = _DIRECTED.search(sentence)
        if match is None:
            return False
        people = split_list(match["people"], prose=True)
        self.harvest.add("credit", {
            "category": "Music videos", "work": match["work"].casefold(), "role": "director",
            "people": people, "pool": without(GENERIC["directors"], people)},
            (paragraph.where, ""))
        return True

    def premiered(self, sentence: str, paragraph: Paragraph) -> bool:
        """"The music video premiered on DATE, on SITE": its date and site."""
        match = _PREMIERED.search(sentence)
        when = date(match["date"]) if match else None
        if match is None or when is None:
            return False
        work = match["work"].casefold()
        key = "-".join(work.split()[1:])
        self.harvest.add("date", {
            "id": f"{key}-premiere", "category": "Music videos",
            "ask": f"When did {work} for {self.song} premiere?",
            "statement": f"{work.capitalize()} for {self.song} premiered on {{value}}.",
            "value": when[0], "precision": when[1]}, (paragraph.where, ""))
        self.harvest.add("attribute", {
            "id": f"{key}-platform", "category": "Music videos",
            "ask": f"On which site did {work} for {self.song} premiere?",
            "statement": f"{work.capitalize()} for {self.song} premiered on {{value}}.",
            "values": [match["site"]], "pool": without(GENERIC["video-sites"], [match["site"]])},
            (paragraph.where, ""))
        return True

    def nominated(self, sentence: str, paragraph: Paragraph) -> bool:
        """"nominated for C at YEAR ORG": the result of that accolades row."""
        match = _NOMINATED.search(sentence)
        if match is None:
            return False
        award = self.harvest.find("award", organization=match["org"], year=int(match["year"]),
                                  award=match["award"])
        result = "won" if match["verb"] == "won" else "nominated"
        if award is None or award.get("result") not in (None, result):
            self.harvest.skip(paragraph.where.line, f"{match['verb']} {match['award']} at "
                                                    f"{match['year']} {match['org']}: not in the "
                                                    "accolades table as written: left out")
            return True
        award["result"] = result
        if "video" in paragraph.where.section.casefold() and sentence.startswith("It "):
            # "It" in a music video's section is the video: the accolade is the video's.
            award["work"] = "the music video"
        if match["lost"] and result == "nominated":
            award["lost_to"] = match["lost"].strip()
        self.harvest.cite_also(award, paragraph.where)
        return True


def _not_number_one(harvest: Harvest, places: list[str]) -> list[str]:
    """Countries shown not to have reached number one: every weekly row of theirs peaks
    lower, in a weekly table (same year) that lists one of ``places`` at number one.
    A country with no such row is unknown, and stays out."""
    taken = {norm(place) for place in places}
    rows = [(country, fact) for fact in harvest.facts
            if fact["kind"] == "chart" and fact["type"] == "weekly"
            and (country := _country(fact["chart"])) is not None]
    years = {fact["year"] for country, fact in rows
             if norm(country) in taken and fact["position"] == 1}
    best: dict[str, int] = {}
    for country, fact in rows:
        best[country] = min(best.get(country, fact["position"]), fact["position"])
    shown = {country for country, fact in rows if fact["year"] in years}
    return [country for country in best
            if country in shown and best[country] > 1 and norm(country) not in taken]


def _country(chart: str) -> str | None:
    """The country a chart is named after ("France (SNEP)"), or None when the name is
    not a plain country ("Greece Airplay Chart (IFPI)", "Global Excl. US")."""
    if " (" not in chart:
        return None
    country = chart.split(" (")[0]
    words = country.split()
    if len(words) > 2 or any(not word[:1].isupper() for word in words):
        return None
    if any(word in country.casefold() for word in ("airplay", "chart", "excl", "top", "global",
                                                    "hot", "digital", "radio", "singles")):
        return None
    return country
