"""Finished games the scores database could not take, kept in small files until it can.

When a save fails (the database locked by another process past the busy timeout,
read-only, its folder gone), the game's record is written as one JSON file in
``pending-games/`` beside the database, atomically (``quiz.files.write_atomic``), and
stored at the next chance: the next game's end, the next start of ``play`` or
``scores``. A file there may have been edited or replaced by anyone, so it is read
like any untrusted input: a regular file only, size-capped, every field checked and
its text cleaned; one that does not pass is moved aside with one line, never trusted
and never a crash.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from quiz.errors import UserError
from quiz.files import move_aside, write_atomic
from quiz.paths import PENDING_GLOB, games_waiting, pending_games_dir
from quiz.records import GameRecord
from quiz.store.pending_record import PendingError, decode

#: A 50-question game for 8 players is about 100 KB as JSON; anything far bigger
#: was not written by this program.
MAX_FILE_BYTES = 1_000_000

def keep(record: GameRecord, folder: Path) -> Path:
    """Write ``record`` to a new file in ``folder`` and return its path.

    Raises ``OSError`` if it cannot be written (nothing half-written is left).
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = "".join(c for c in record.finished_at if c.isdigit())[:14]
    path = folder / f"game-{stamp}-{os.urandom(4).hex()}.json"
    data = json.dumps(asdict(record), ensure_ascii=True, default=str, sort_keys=True)
    write_atomic(path, data)
    return path



def read(path: Path) -> GameRecord:
    """The record in ``path``, checked and cleaned; ``PendingError`` says why not."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise PendingError(f"cannot be read: {error.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise PendingError("is not a regular file")
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise PendingError(f"is larger than {MAX_FILE_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as error:  # bad UTF-8 or JSON, huge numbers
        raise PendingError(f"is not JSON ({type(error).__name__})") from None
    return decode(data)


def store_waiting(save: Callable[[GameRecord], object], folder: Path) -> list[str]:
    """Save every game waiting in ``folder`` with ``save``; return lines to show.

    A game saved is removed; a file that is not a good record is moved aside
    (``.corrupt``) with one line; if ``save`` raises ``UserError`` the database is
    still unusable and the rest wait for the next chance. Two processes never
    store the same file twice: the folder is locked while games are stored.
    """
    lines: list[str] = []
    saved = 0
    problem: UserError | None = None
    with _flush_lock(folder) as mine:
        files = sorted(folder.glob(PENDING_GLOB)) if mine else []
        for path in files:
            try:
                record = read(path)
            except PendingError as error:
                lines.append(_set_aside(path, error))
                continue
            try:
                save(record)
            except UserError as error:
                problem = error
                break
            path.unlink(missing_ok=True)
            saved += 1
    if saved:
        lines.append(_count(saved) + " saved earlier could not be stored; " + _now(saved))
    if problem is not None:
        left = sum(1 for _ in folder.glob(PENDING_GLOB))
        lines.append(
            f"{_count(left)} saved earlier could not be stored yet ({problem}); "
            f"kept in {folder} and will be saved later"
        )
    return lines


def _count(number: int) -> str:
    return f"{number} game{'' if number == 1 else 's'}"


def _now(number: int) -> str:
    return "it is saved now" if number == 1 else "they are saved now"


def _set_aside(path: Path, error: PendingError) -> str:
    """Move a bad pending file out of the way; one line saying where."""
    try:
        aside = move_aside(path, "corrupt")
    except OSError as problem:
        return f"{path} {error}, and could not be moved aside: {problem.strerror}"
    return f"{path} {error}; moved to {aside}"


@contextmanager
def _flush_lock(folder: Path) -> Iterator[bool]:
    """Hold the folder's lock file while storing; yields ``False`` if another process has it.

    ``flock`` locks go away with the process that held them, so a crash never leaves
    the games stuck. Where there is no ``fcntl`` (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        yield True
        return
    try:
        handle = open(folder / ".lock", "a+b")
    except OSError:
        yield False
        return
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True


def store_kept_games(database: Path) -> list[str]:
    """At a start (``scores``, say): store the games waiting for ``database``; lines to show.

    Costs one directory listing when nothing waits. If the database still cannot be
    opened the games stay, and the line says so.
    """
    folder = pending_games_dir(database)
    if not games_waiting(folder):
        return []
    from quiz.store.database import Store

    try:
        with Store.open(database) as store:
            return store_waiting(store.save_game, folder)
    except UserError as error:
        return [f"games saved earlier could not be stored yet ({error}); "
                f"kept in {folder} and will be saved later"]  # fmt: skip
    except OSError as error:
        return [f"games kept in {folder} could not be read: {error.strerror}"]
