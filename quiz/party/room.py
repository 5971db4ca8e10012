"""Who is in a party: the room code, the players' seats, names and secret tokens.

Any device on the network can reach the party's port, so nothing here trusts a phone:
joining needs the room code (random, from :mod:`secrets`); each player gets an
unguessable token that is the only way to act as them (and to rejoin after a reload or
a locked screen); names are cleaned like pack text and capped. A name already in the
room (any case) is refused, so the phone asks for another one, as party games do,
rather than becoming "Bo 2" unawares. A player who leaves stays in the room as away
(their score is kept, their name stays theirs).

A kicked player's token is refused for good, with :data:`KICKED` as the reason, so a
reload or "try again" in that browser never gets them back in; their name stays taken.
Someone the host removed could still join from another browser under another name (a
party has no accounts, and addresses are shared behind a router): the host then removes
that player too.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from quiz.game_setup import MAX_NAME_LENGTH, clean_name
from quiz.text import player_key

#: Room codes use letters that cannot be mistaken for each other or for digits.
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY"
CODE_LENGTH = 4
DEFAULT_MAX_PLAYERS = 50
HARD_MAX_PLAYERS = 200
#: What a kicked player's phone is told, whenever it comes back.
KICKED = "The host removed you from this party"


class JoinRefused(Exception):
    """A phone could not join; the message is safe to show on the phone."""


@dataclass(slots=True)
class PartyPlayer:
    """One phone's player: their seat in the game, name, token and whether they are here."""

    seat: int
    name: str
    token: str = field(repr=False)
    connected: bool = True
    kicked: bool = False


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A short room code players type or scan (``K7``-free: no 0/O, 1/I/L, 2/Z, 5/S)."""
    return "".join(choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    """An unguessable player token (128 bits)."""
    return secrets.token_urlsafe(16)


def same_code(given: str, code: str) -> bool:
    """Whether ``given`` is the room code (any case; compared in constant time)."""
    return hmac.compare_digest(given.strip().upper().encode(), code.encode())


class Room:
    """The players of one party, by seat (join order) and by token.

    Args:
        code: the room code phones must give to join.
        max_players: the most players that may join (capped at :data:`HARD_MAX_PLAYERS`).
    """

    def __init__(self, code: str | None = None, max_players: int = DEFAULT_MAX_PLAYERS) -> None:
        self.code = code or new_code()
        self.max_players = max(1, min(max_players, HARD_MAX_PLAYERS))
        self.players: list[PartyPlayer] = []
        self._by_token: dict[str, PartyPlayer] = {}

    def __len__(self) -> int:
        return len(self.players)

    @property
    def present(self) -> list[PartyPlayer]:
        """Players connected now (not away, not kicked)."""
        return [p for p in self.players if p.connected and not p.kicked]

    def join(self, code: str, name: str) -> PartyPlayer:
        """A new player named ``name``; :class:`JoinRefused` says why not."""
        if not same_code(code, self.code):
            raise JoinRefused("wrong room code")
        if len(self.players) >= self.max_players:
            raise JoinRefused(f"the party is full ({self.max_players} players)")
        shown = clean_name(name)
        if not shown:
            raise JoinRefused("type a name")
        if len(shown) > MAX_NAME_LENGTH:
            raise JoinRefused(f"names are at most {MAX_NAME_LENGTH} characters")
        if any(player_key(p.name) == player_key(shown) for p in self.players):
            raise JoinRefused(f"'{shown}' is taken: pick another name")
        player = PartyPlayer(len(self.players), shown, new_token())
        self.players.append(player)
        self._by_token[player.token] = player
        return player

    def by_token(self, token: str) -> PartyPlayer | None:
        """The player holding ``token`` (``None``: unknown, or kicked)."""
        player = self._by_token.get(token) if isinstance(token, str) else None
        if player is None or player.kicked:
            return None
        return player

    def was_kicked(self, token: str) -> bool:
        """Whether ``token`` is the token of a player the host removed."""
        player = self._by_token.get(token) if isinstance(token, str) else None
        return player is not None and player.kicked

    def seat(self, seat: int) -> PartyPlayer | None:
        """The player in ``seat`` (``None`` if there is none)."""
        return self.players[seat] if 0 <= seat < len(self.players) else None

    def kick(self, seat: int) -> PartyPlayer | None:
        """Remove ``seat`` from play: their token stops working; their score stays."""
        player = self.seat(seat)
        if player is not None:
            player.kicked = True
            player.connected = False
        return player
