"""`wdta-quiz scores --rename OLD NEW | --merge A B | --delete NAME [--yes]`.

Each prints one line saying what changed. A delete cannot be undone, so it asks first
(y/N on the terminal) or needs ``--yes``; with no terminal to ask on, it refuses.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from quiz import paths
from quiz.commands.output import write
from quiz.errors import UserError
from quiz.text import clean

#: Reads the answer to a question (``input`` at a terminal); replaced in tests.
Ask = Callable[[str], str]


def _games(count: int) -> str:
    return f"{count:,} game{'s' if count != 1 else ''}"


def edit_players(args: argparse.Namespace, ask: Ask | None = None) -> int:
    """Rename, merge or delete the player the arguments name; print what changed."""
    path = paths.database_path()
    if not path.exists():
        raise UserError("no scores yet, so no players to change")
    from quiz.store import Store

    with Store.open(path) as store:
        for notice in store.notices:
            print(f"wdta-quiz: {notice}", file=sys.stderr)
        if args.rename:
            old, new = args.rename
            done = store.rename_player(old, new)
            line = f"Renamed {done.old!r} to {done.new!r} ({_games(done.games)} kept)."
        elif args.merge:
            first, second = args.merge
            done = store.merge_players(first, second)
            line = (
                f"Merged {done.old!r} into {done.new!r}: {_games(done.games)} moved;"
                f" {done.old!r} is no longer a player."
            )
        else:
            name = store.find_player(args.delete)
            if name is None:
                store.history(args.delete)  # raises the UnknownPlayerError naming who is known
                return 1
            if not args.yes and not _confirmed(name, len(store.games(name)), ask):
                write("Nothing deleted.\n")
                return 1
            done = store.delete_player(name)
            alone = f" ({_games(done.gone)} only they played went too)" if done.gone else ""
            line = f"Deleted {done.old!r}: their results are gone from {_games(done.games)}{alone}."
    write(clean(line) + "\n")
    return 0


def _confirmed(name: str, games: int, ask: Ask | None) -> bool:
    """Whether the user says yes to deleting ``name``; no terminal and no ``--yes``: refuse."""
    if ask is None:
        if not sys.stdin.isatty():
            raise UserError(
                f"deleting {name!r} cannot be undone: add --yes to delete without asking"
            )
        ask = input
    try:
        reply = ask(
            f"Delete {name!r} and their results in {_games(games)}? This cannot be undone. [y/N] "
        )
    except EOFError:
        return False
    return reply.strip().lower() in ("y", "yes")
