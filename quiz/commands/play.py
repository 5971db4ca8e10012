"""`wdta-quiz play`: the game in the terminal.

Flags are checked before Textual is even imported, so a mistake costs one line and
exit status 2. With ``--players`` the game starts at once; without, the home screen.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import paths
from quiz.commands import COMMANDS
from quiz.errors import UserError
from quiz.game_setup import (
    DEFAULT_QUESTIONS,
    DEFAULT_TIMER,
    GameSetup,
    Seating,
    SetupError,
    check_buzzer,
    parse_buzz_keys,
    parse_difficulty,
    parse_players,
    parse_questions,
    parse_seating,
    parse_seed,
    parse_timer,
)

if TYPE_CHECKING:
    from quiz.bank import CatalogBank
    from quiz.records import GameRecord
    from quiz.store import Store
    from quiz.ui.app import QuizApp

USAGE_ERROR = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `play` parser."""
    parser = sub.add_parser(
        "play",
        help=COMMANDS["play"],
        description="Play the quiz. Without --players, opens the home screen.",
    )
    parser.add_argument("--players", metavar='"ANA,BEN"', help="start at once with these players")
    parser.add_argument(
        "--questions",
        metavar="N",
        help=f"questions per player, 5 to 50 (default {DEFAULT_QUESTIONS})",
    )
    parser.add_argument(
        "--timer", metavar="SECONDS|off", help=f"seconds per question (default {DEFAULT_TIMER:g})"
    )
    parser.add_argument("--difficulty", metavar="easy|mixed|hard", default="mixed",
                        help="mostly easy questions, a spread (default) or mostly hard ones")
    parser.add_argument(
        "--pack", action="append", default=[], metavar="ID|PATH", help="play only these packs"
    )
    parser.add_argument("--seed", metavar="S", help="seed: the same seed deals the same questions")
    parser.add_argument(
        "--seating",
        metavar="same|own|buzzer",
        help="same: one question for everyone each round (default); own: each player "
        "their own question in turn; buzzer: 2-4 players, first to buzz answers",
    )
    parser.add_argument(
        "--buzz-keys",
        metavar="KEYS",
        help='buzzer: one key per player, in order (default "qpzm")',
    )
    parser.set_defaults(func=run)


def game_flags(args: argparse.Namespace) -> tuple[int, float | None, int | None]:
    """``--questions``, ``--timer`` and ``--seed``, as ``play`` and ``party`` read them.

    Raises :class:`UserError` (status 2) naming the bad flag.
    """
    flag = "--questions"
    try:
        questions = parse_questions(args.questions) if args.questions else DEFAULT_QUESTIONS
        flag = "--timer"
        timer = parse_timer(args.timer) if args.timer is not None else DEFAULT_TIMER
        flag = "--seed"
        return questions, timer, parse_seed(args.seed)
    except SetupError as error:
        raise UserError(f"{flag}: {error}", USAGE_ERROR) from None


def setup_from_args(args: argparse.Namespace) -> GameSetup | None:
    """The quick-start setup from the flags (``None`` without ``--players``).

    Raises :class:`UserError` (status 2) naming the bad flag.
    """
    questions, timer, seed = game_flags(args)
    flag = "--difficulty"
    try:
        difficulty = parse_difficulty(args.difficulty)
        flag = "--seating"
        seating = parse_seating(args.seating) if args.seating else Seating.SAME
        if args.players is None:
            return None
        flag = "--players"
        players = parse_players(args.players)
        setup = GameSetup(players, questions, timer, seed=seed, seating=seating)
        if seating is Seating.BUZZER:
            flag = "--buzz-keys"
            keys = parse_buzz_keys(args.buzz_keys or "", len(players))
            flag = "--players"
            setup = replace(setup, buzz_keys=keys)
            check_buzzer(setup)
    except SetupError as error:
        raise UserError(f"{flag}: {error}", USAGE_ERROR) from None
    return replace(setup, difficulty=difficulty)


class ScoresLink:
    """The scores database for one run of ``play``: opened when first needed, then kept.

    Opening checks the whole file (``integrity_check``), so it happens once per run, not
    once per game start and again per game end. If it cannot be opened, each use raises
    the store's ``UserError``; a game whose save fails that way is kept in the pending
    folder (:mod:`quiz.store.pending`) and stored at the next chance.
    """

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._store: Store | None = None

    @property
    def path(self) -> Path:
        """The database file (looked up when first asked: tests move the home first)."""
        if self._path is None:
            self._path = paths.database_path()
        return self._path

    @property
    def pending(self) -> Path:
        """The folder where games wait when the database cannot take them."""
        return paths.pending_games_dir(self.path)

    def _open(self) -> Store:
        if self._store is None:
            from quiz.store import Store

            self._store = Store.open(self.path)
        return self._store

    def store(self) -> Store:
        """The open database, lent to the Scores screen (which leaves it open)."""
        return self._open()

    def save(self, record: GameRecord) -> str | None:
        """Keep a finished or abandoned game; a line to show if it went anywhere else.

        If the database refuses, the game is written to the pending folder and the line
        says where; if that fails too, ``UserError`` says both. After a save that works,
        games kept earlier are stored as well.
        """
        from quiz.store import pending

        try:
            self._save(record)
        except UserError as error:
            try:
                kept = pending.keep(record, self.pending)
            except OSError as problem:
                raise UserError(f"{error}; nor could it be kept in {self.pending}: "
                                f"{problem.strerror}") from None  # fmt: skip
            return (f"Could not save this game now ({error}); "
                    f"it is kept in {kept} and will be saved later")  # fmt: skip
        return " ".join(self.store_waiting(checked=False)) or None

    def _save(self, record: GameRecord) -> None:
        try:
            self._open().save_game(record)
        except sqlite3.Error as error:  # the store wraps its own; a late one is the same
            raise UserError(f"could not save the game to {self.path}: {error}") from None

    def store_waiting(self, *, checked: bool = True) -> list[str]:
        """Store the games kept earlier, if any; lines saying what became of them.

        ``checked`` looks for waiting games before opening the database, so a start
        with nothing waiting costs one directory listing.
        """
        folder = self.pending
        if checked and not paths.games_waiting(folder):
            return []
        from quiz.store import pending

        try:
            return pending.store_waiting(self._save, folder)
        except OSError as error:
            return [f"games kept in {folder} could not be read: {error.strerror}"]

    def recent(self, players: Sequence[str]) -> Sequence[str]:
        """Question ids these players saw lately, so they come last."""
        try:
            return self._open().recent_question_ids(players)
        except sqlite3.Error as error:
            raise UserError(f"cannot read scores database {self.path}: {error}") from None

    def missed(self, player: str) -> Sequence[str]:
        """Question ids this player got wrong, for "Review my misses"."""
        return self._open().missed_question_ids(player)

    def close(self) -> None:
        """Close the database if it was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None


def check_packs(bank: CatalogBank, selectors: Sequence[str]) -> tuple[str, ...]:
    """Load the packs (those named by ``--pack``, or all) now; return the ids chosen.

    A ``--pack`` that names no installed pack and no file is a usage error (exit 2).
    Broken packs print one line each on stderr and the game goes on without them; no
    valid pack at all is an error.
    """
    try:
        library = bank.library()
    except UserError as error:
        raise UserError(str(error), USAGE_ERROR) from None
    for failure in bank.catalog.failures:
        if failure.path in selectors and not os.path.isfile(failure.path):
            reason = failure.problems[0].message if failure.problems else str(failure)
            raise UserError(f"--pack {failure.path}: {reason}", USAGE_ERROR)
    for line in library.problems:
        print(f"wdta-quiz: {line}", file=sys.stderr)
    if not library.packs:
        raise UserError("no valid packs to play with (see the problems above)")
    return tuple(pack.id for pack in library.packs) if selectors else ()


def needs_terminal(command: str = "play") -> None:
    """Refuse to start the app without a terminal to draw on and read keys from.

    Without one (``</dev/null``, output to a pipe or file) Textual would wait for keys
    that never come, forever.
    """
    streams = (("input", sys.stdin), ("output", sys.stdout))
    missing = [name for name, stream in streams if stream is None or not stream.isatty()]
    if missing:
        raise UserError(
            f"{command} needs a terminal, and its standard {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not one"
        )


def run(args: argparse.Namespace) -> int:
    """Run `play`."""
    setup = setup_from_args(args)
    # A pack file named with --pack is read again between games when it changed.
    from quiz.rereading_bank import RereadingBank

    scores = ScoresLink()
    bank = RereadingBank(args.pack)
    if setup is not None or args.pack:
        packs = check_packs(bank, args.pack)
        if setup is not None:
            setup = replace(setup, packs=packs)
    needs_terminal()
    # Games a database failure kept aside earlier are stored now, said in the app.
    saved_earlier = scores.store_waiting()

    from quiz.ui.app import QuizApp  # Textual only now: flags are fine

    app = QuizApp(
        bank,
        recorder=scores.save,
        quick_start=setup,
        missed=scores.missed,
        recent=scores.recent,
        scores=scores.store,
        scores_notices=saved_earlier,
    )
    return run_app(app, scores)


def run_app(app: QuizApp, scores: ScoresLink) -> int:
    """Run ``app`` to its end, close the scores, say what went wrong on the way out;
    the exit status (``play`` and ``party``)."""
    try:
        app.run()
    finally:
        scores.close()
    if app.exit_problem:
        print(f"wdta-quiz: {app.exit_problem}", file=sys.stderr)
    # Textual has printed the traceback of a crash and set 1: a script must see it.
    return app.return_code or 0
