"""The chart codes of ``{{Single chart}}`` and the chart names they stand for.

The names are the ones the template prints in an article's chart table. A code not
listed here is never guessed: its row goes to the review report with the code.
"""

from __future__ import annotations

#: Lower-cased code -> chart name.
CHART_CODES: dict[str, str] = {
    "argentina": "Argentina (Argentina Hot 100)",
    "australia": "Australia (ARIA)",
    "austria": "Austria (Ö3 Austria Top 40)",
    "flanders": "Belgium (Ultratop 50 Flanders)",
    "wallonia": "Belgium (Ultratop 50 Wallonia)",
    "canada": "Canada (Canadian Hot 100)",
    "canadaac": "Canada AC (Billboard)",
    "canadachrtop40": "Canada CHR/Top 40 (Billboard)",
    "czech": "Czech Republic (Rádio Top 100)",
    "czechdigital": "Czech Republic (Singles Digitál Top 100)",
    "denmark": "Denmark (Tracklisten)",
    "finland": "Finland (Suomen virallinen lista)",
    "france": "France (SNEP)",
    "germany": "Germany (GfK)",
    "germany2": "Germany (GfK)",
    "hungary": "Hungary (Rádiós Top 40)",
    "hungarysingle": "Hungary (Single Top 40)",
    "ireland": "Ireland (IRMA)",
    "ireland2": "Ireland (IRMA)",
    "italy": "Italy (FIMI)",
    "japan": "Japan (Japan Hot 100)",
    "billboardjapanhot100": "Japan (Japan Hot 100)",
    "dutch40": "Netherlands (Dutch Top 40)",
    "dutch100": "Netherlands (Single Top 100)",
    "newzealand": "New Zealand (Recorded Music NZ)",
    "norway": "Norway (VG-lista)",
    "poland": "Poland (Polish Airplay Top 100)",
    "portugal": "Portugal (AFP)",
    "scotland": "Scotland (OCC)",
    "slovakia": "Slovakia (Rádio Top 100)",
    "spain": "Spain (PROMUSICAE)",
    "sweden": "Sweden (Sverigetopplistan)",
    "swiss": "Switzerland (Schweizer Hitparade)",
    "switzerland": "Switzerland (Schweizer Hitparade)",
    "uk": "UK Singles (OCC)",
    "uk2": "UK Singles (OCC)",
    "uksinglesbyname": "UK Singles (OCC)",
    "ukdance": "UK Dance (OCC)",
    "billboardhot100": "US Billboard Hot 100",
    "billboardadultcontemporary": "US Adult Contemporary (Billboard)",
    "billboardadultpopsongs": "US Adult Pop Airplay (Billboard)",
    "billboardpopsongs": "US Pop Airplay (Billboard)",
    "billboardrhythmic": "US Rhythmic (Billboard)",
    "billboarddanceclubplay": "US Dance Club Songs (Billboard)",
    "billboardglobal200": "Billboard Global 200",
    "billboardglobalexcl.us": "Billboard Global Excl. US",
}


def chart_name(code: str) -> str | None:
    """The chart a code stands for, or None for a code this table does not know."""
    return CHART_CODES.get("".join(code.split()).casefold())
