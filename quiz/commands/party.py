"""`wdta-quiz party`: friends answer on their phones; this terminal is the big screen.

Flags are checked before Textual is imported, so a mistake costs one line (status 2).
The web server runs inside the app, on its own asyncio loop, for as long as the party.
"""

from __future__ import annotations

import argparse
import errno
import ipaddress
import socket

from quiz.commands import COMMANDS
from quiz.commands.play import (
    USAGE_ERROR,
    ScoresLink,
    check_packs,
    game_flags,
    needs_terminal,
    run_app,
)
from quiz.errors import UserError
from quiz.game_setup import (
    DEFAULT_QUESTIONS,
    DEFAULT_TIMER,
)
from quiz.party.options import PartyOptions
from quiz.party.room import DEFAULT_MAX_PLAYERS, HARD_MAX_PLAYERS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `party` parser."""
    parser = sub.add_parser(
        "party",
        help=COMMANDS["party"],
        description=(
            "Host a party: phones on the same network join by scanning the QR code (or "
            "opening the address and typing the room code) and answer the same question "
            "at the same time; this terminal shows the questions, the reveal and the "
            "standings. Guest networks that keep devices apart will not work."
        ),
    )
    parser.add_argument("--host", metavar="ADDR",
                        help="address to listen on (default: this machine's LAN address; "
                             "127.0.0.1 for this machine only)")  # fmt: skip
    parser.add_argument("--port", metavar="P", help="port (default: any free port)")
    parser.add_argument("--questions", metavar="N",
                        help=f"questions, 5 to 50 (default {DEFAULT_QUESTIONS})")  # fmt: skip
    parser.add_argument("--timer", metavar="SECONDS|off",
                        help=f"seconds per question (default {DEFAULT_TIMER:g})")  # fmt: skip
    parser.add_argument("--pack", action="append", default=[], metavar="ID|PATH",
                        help="play only these packs")  # fmt: skip
    parser.add_argument("--seed", metavar="S", help="the same seed deals the same questions")
    parser.add_argument("--max-players", metavar="N",
                        help=f"most phones that may join (default {DEFAULT_MAX_PLAYERS}, "
                             f"at most {HARD_MAX_PLAYERS})")  # fmt: skip
    parser.set_defaults(func=run)


def options_from_args(args: argparse.Namespace) -> PartyOptions:
    """The party's options from the flags; :class:`UserError` (status 2) names a bad one."""
    questions, timer, seed = game_flags(args)
    return PartyOptions(
        address=_address(args.host), port=_port(args.port), questions=questions, timer=timer,
        seed=seed, max_players=_max_players(args.max_players),
    )  # fmt: skip


def _address(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        raise UserError(f"--host: {text!r} is not an IP address (e.g. 192.168.1.20 or "
                        "127.0.0.1)", USAGE_ERROR) from None  # fmt: skip


def _port(text: str | None) -> int:
    if text is None:
        return 0
    if not text.strip().isdigit() or not 1 <= int(text) <= 65535:
        raise UserError(f"--port: {text!r} is not a port (1 to 65535)", USAGE_ERROR)
    return int(text)


def _max_players(text: str | None) -> int:
    if text is None:
        return DEFAULT_MAX_PLAYERS
    if not text.strip().isdigit() or not 1 <= int(text) <= HARD_MAX_PLAYERS:
        raise UserError(f"--max-players: {text!r} is not a number from 1 to {HARD_MAX_PLAYERS}",
                        USAGE_ERROR)  # fmt: skip
    return int(text)


def check_listen(options: PartyOptions) -> None:
    """Refuse, before the app starts, an address or port this machine cannot listen on."""
    from quiz.party.server import lan_address

    address = options.address or lan_address()
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, options.port))
        except OSError as error:
            flag = "--port" if options.port and error.errno == errno.EADDRINUSE else "--host"
            raise UserError(f"{flag}: cannot listen on {address}:{options.port or 'any port'}"
                            f" ({error.strerror or error})", USAGE_ERROR) from None  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Run `party`."""
    options = options_from_args(args)
    check_listen(options)
    from dataclasses import replace

    from quiz.bank import CatalogBank

    bank = CatalogBank(args.pack)
    if args.pack:
        options = replace(options, packs=check_packs(bank, args.pack))
    needs_terminal("party")
    scores = ScoresLink()
    saved_earlier = scores.store_waiting()

    from quiz.ui.app import QuizApp  # Textual only now: flags are fine

    app = QuizApp(bank, recorder=scores.save, missed=scores.missed, recent=scores.recent,
                  scores=scores.store, scores_notices=saved_earlier, party=options)  # fmt: skip
    return run_app(app, scores)
