"""Credit facts: the infobox's writers and producers merged with the credits list.

One credit fact per role, naming everyone the article gives that role (from either
place, each place cited). Wrong people for a role are everyone else the article
credits on the song (the credits list gives each person's roles, so they are shown
not to have it; the generators add them) and a generic pool for the common roles,
less anyone the article names on the song.
"""

from __future__ import annotations

from quiz.generators.distractors import norm
from quiz.importer.article import Article, Where
from quiz.importer.harvest import Harvest
from quiz.importer.pools import GENERIC, ROLE_POOLS, without
from quiz.importer.values import split_list

#: Infobox keys that credit a role on the song, and the role's name in the pack.
INFOBOX_ROLES = {"writer": "songwriter", "writers": "songwriter", "producer": "producer",
                 "producers": "producer"}
_SAME_ROLE = {"writer": "songwriter", "written by": "songwriter", "songwriting": "songwriter",
              "production": "producer", "produced by": "producer"}


def credit_facts(article: Article, harvest: Harvest, song_people: list[str]) -> None:
    """Add one credit fact per role of the song; ``song_people`` are the artists, kept
    out of every generic pool."""
    roles: dict[str, tuple[str, list[str], list[tuple[Where, str]]]] = {}

    def credit(role: str, person: str, where: Where, part: str) -> None:
        role = _SAME_ROLE.get(norm(role), role.strip())
        name, people, places = roles.setdefault(norm(role), (role, [], []))
        if norm(person) not in {norm(p) for p in people}:
            people.append(person)
        if (where, part) not in places:
            places.append((where, part))

    for key, role in INFOBOX_ROLES.items():
        item = article.info(key)
        if item is None:
            continue
        for person in split_list(item.value):
            credit(role, person, item.where, "infobox")
    for line in article.credits:
        for role in line.roles:
            credit(role, line.name, line.where, "credits")
    everyone = [*song_people, *(p for _, people, _ in roles.values() for p in people)]
    for name, people, places in roles.values():
        generic = ROLE_POOLS.get(norm(name))
        data = {"category": "Credits", "work": "the song", "role": name, "people": people}
        if generic:
            data["pool"] = without(GENERIC[generic], everyone)
        harvest.add("credit", data, *places)
