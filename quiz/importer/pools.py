"""The importer's generic pools: wrong answers that fit any song's article.

An imported fact's pool is first the values of the same kind that the article itself
shows to be false for it (another row's format, a credited person without the role),
then one of these lists. Each list holds names of one kind that are far apart from
each other, so none is a near-synonym of a value an article gives (no "Dance-pop"
beside "Pop"). The generators drop every value a fact or another fact of the pack
makes true, and the importer drops the song's own people and titles before writing.
"""

from __future__ import annotations

from collections.abc import Iterable

from quiz.generators.distractors import norm

#: Generic pools by name; a pack gets the ones its facts use, under these names.
GENERIC: dict[str, tuple[str, ...]] = {
    "labels": ("Columbia", "Interscope", "Republic", "RCA", "Capitol", "Island", "Epic",
               "Def Jam", "Warner", "Parlophone"),
    # Genres a popular song could have, far from each other and from pop's own variants:
    # an absurd one (heavy metal for a ballad) gives the answer away.
    "genres": ("Country", "Folk", "Hip hop", "Indie rock", "Jazz", "Reggae", "Gospel",
               "Soul"),
    "albums": ("Thriller", "Rumours", "Back in Black", "The Joshua Tree", "Nevermind",
               "Purple Rain", "Abbey Road"),
    "studios": ("Capitol Studios (Los Angeles, CA)", "Electric Lady Studios (New York, NY)",
                "Abbey Road Studios (London)", "Sunset Sound (Los Angeles, CA)",
                "Muscle Shoals Sound Studio (Alabama)"),
    "singers": ("Shawn Mendes", "Ed Sheeran", "Sam Smith", "Dua Lipa", "Camila Cabello",
                "Bebe Rexha", "Lorde", "Khalid"),
    "songwriters": ("Max Martin", "Benny Blanco", "Ryan Tedder", "Julia Michaels",
                    "Justin Tranter", "Savan Kotecha", "Diane Warren"),
    "producers": ("Max Martin", "Benny Blanco", "Ryan Tedder", "Mark Ronson", "Greg Kurstin",
                  "Jack Antonoff", "Timbaland"),
    "directors": ("Dave Meyers", "Colin Tilley", "Hannah Lux Davis", "Joseph Kahn",
                  "Director X", "Spike Jonze"),
    "formats": ("Digital download", "Streaming", "CD single", "7-inch vinyl",
                "Contemporary hit radio", "Adult contemporary radio", "Rhythmic contemporary radio",
                "Cassette single"),
    "countries": ("the United States", "the United Kingdom", "Canada", "Australia", "Japan",
                  "Germany", "France", "Brazil"),
    "video-sites": ("MTV", "Apple Music", "TIDAL", "Entertainment Weekly", "Vevo"),
}

#: Which generic pool a credited role draws on, when it has one.
ROLE_POOLS = {"songwriter": "songwriters", "writer": "songwriters", "producer": "producers",
              "director": "directors", "lead vocals": "singers", "vocals": "singers",
              "featured vocals": "singers"}


def without(names: Iterable[str], taken: Iterable[str]) -> list[str]:
    """``names`` in order, less those in ``taken`` and repeats (compared as players
    read them), so a pool never lists someone the article credits on the song."""
    seen = {norm(name) for name in taken}
    kept: list[str] = []
    for name in names:
        if norm(name) not in seen:
            seen.add(norm(name))
            kept.append(name)
    return kept
