"""Installing and removing user packs: `packs add`, `packs remove`, and the install step
of `packs import`.

What is installed is exactly what was checked: the source is read once, those bytes are
validated (and every question built from them once), and those same bytes are written.
Which file an id means follows the one rule of :mod:`quiz.packs.catalog`.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import paths
from quiz.commands.output import plural, print_problems
from quiz.errors import UserError

if TYPE_CHECKING:
    from quiz.facts import Pack
    from quiz.packs.catalog import Entry
    from quiz.packs.problems import Problem
    from quiz.question import Question


def read_source(source: str) -> bytes:
    """The bytes of the pack file ``source``, read once (a regular file, not a link)."""
    from quiz.packs.yamlsafe import MAX_BYTES

    link = f"{source} is a symbolic link: give the file itself"
    if os.path.islink(source):
        raise UserError(link)
    # O_NONBLOCK: a FIFO named like a pack must not hang the open. O_NOFOLLOW: nor may a
    # link swapped in after the check above.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(source, flags)
    except FileNotFoundError:
        raise UserError(f"{source}: no such file") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UserError(link) from None
        raise UserError(f"cannot read {source}: {error.strerror or error}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise UserError(f"{source}: not a regular file")
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise UserError(f"cannot read {source}: {error.strerror or error}") from None
    return data


def check_bytes(source: str, data: bytes) -> tuple[Pack | None, list[Problem]]:
    """Validate ``data`` as the pack file ``source``: problems name ``source``."""
    from quiz.packs import check_pack

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / (Path(source).name or "pack.yaml")
        copy.write_bytes(data)
        pack, problems = check_pack(copy)
        where = str(copy)
    found = [replace(p, path=source) if p.path == where else p for p in problems]
    if pack is not None:
        pack.path = source
    return pack, found


def build_each(pack: Pack) -> tuple[list[Question], list[str]]:
    """Every question ``pack`` yields (seed 0, as ``generate_all`` builds them), and one
    line for each that could not be built: one bad fact never stops the others."""
    from random import Random

    from quiz.generators import index_for

    rng = Random(0)
    made: list[Question] = []
    failed: list[str] = []
    try:
        index = index_for(pack)
        slots = [*index.fact_slots, *index.hand_slots()]
    except Exception as error:  # the generators could not even list this pack's questions
        return [], [f"its questions cannot be listed ({type(error).__name__}: {error})"]
    for slot in slots:
        try:
            made.append(slot.build(rng))
        except Exception as error:  # a generator's failure on one fact, reported by name
            failed.append(f"question {slot.id!r} cannot be made ({type(error).__name__}: {error})")
    return made, failed


def unusable(pack: Pack) -> str | None:
    """Why the generators cannot turn ``pack`` into good questions, or None.

    Builds every question once: validation is meant to refuse such packs, and this is
    the last guard before a file goes where every later `packs list` and game reads it.
    """
    questions, failed = build_each(pack)
    if failed:
        return failed[0] + (f" (and {len(failed) - 1} more)" if len(failed) > 1 else "")
    for question in questions:
        if question.picks and len(set(question.options)) < 2:
            return f"question {question.id!r} has fewer than 2 different options"
    return None


def add(source: str, *, replace_existing: bool) -> str:
    """Check the pack file ``source`` and install the same bytes; the report line."""
    data = read_source(source)
    pack, problems = check_bytes(source, data)
    if pack is None:
        print_problems(problems)
        raise UserError(f"{source} has errors: not installed")
    reason = unusable(pack)
    if reason is not None:
        raise UserError(f"{source}: {reason}: not installed")
    from quiz.generators import count_questions

    target = install(pack.id, data, replace=replace_existing)
    return f"installed '{pack.id}' ({plural(count_questions(pack), 'question')}) as {target}"


def _user_claims(pack_id: str, *, need_folder: bool) -> tuple[list[Entry], bool]:
    """The user files holding ``pack_id`` (the one in use first), and whether a
    built-in pack has that id. ``need_folder``: an unreadable user folder is an error
    (installing reports its own, clearer one when it cannot write there)."""
    from quiz.packs.catalog import Entry, FolderError, InstalledProblem, scan_installed

    entries, problems = scan_installed()
    for problem in problems:
        if isinstance(problem, FolderError) and problem.origin == "user" and need_folder:
            raise UserError(str(problem))
        if isinstance(problem, InstalledProblem) and problem.origin == "user":
            entries.append(Entry(Path(problem.path), "user", problem.id, error=problem))
    builtin = any(e.origin == "builtin" and e.key == pack_id for e in entries)
    user = [e for e in entries if e.origin == "user" and e.key == pack_id]
    user.sort(key=lambda e: e.pack is None)  # stable: the loaded one, then by the rule
    return user, builtin


def install(pack_id: str, data: bytes, *, replace: bool) -> Path:
    """Write a validated pack's bytes into the user folder as ``<id>.yaml``.

    Refuses built-in ids, ids already installed (unless ``replace``), and any id that
    could name a file outside the folder (ids are validated; this checks again).
    """
    from quiz.packs.ids import is_pack_id

    if not is_pack_id(pack_id):
        raise UserError(f"bad pack id {pack_id!r}")
    folder = paths.user_packs_dir()
    target = folder / f"{pack_id}.yaml"
    if target.resolve().parent != folder.resolve():
        raise UserError(f"pack id {pack_id!r} would be installed outside {folder}")
    user, builtin = _user_claims(pack_id, need_folder=False)
    if builtin:
        raise UserError(f"'{pack_id}' is the id of a built-in pack: choose another id")
    if user and not replace:
        raise UserError(f"a pack with id '{pack_id}' is already installed (use --replace)")
    try:
        _write_into(folder, target, data, [e.path for e in user if e.path != target])
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(f"cannot install '{pack_id}' into {folder}: {reason}") from None
    return target


def _write_into(folder: Path, target: Path, data: bytes, stale: list[Path]) -> None:
    """Write ``data`` to ``target`` atomically, then drop ``stale`` files of the same id."""
    from quiz.files import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(target, data)
    for other in stale:
        other.unlink(missing_ok=True)  # the same id under another file name


def remove(pack_id: str) -> str:
    """Delete the one user file the game uses for ``pack_id``; the report, naming it
    and any other file still holding the id."""
    user, builtin = _user_claims(pack_id, need_folder=True)
    if not user:
        if builtin:
            raise UserError(
                f"'{pack_id}' is a built-in pack and cannot be removed (switch it off instead)"
            )
        raise UserError(f"no installed user pack with id '{pack_id}' (see: wdta-quiz packs list)")
    target = user[0].path
    try:
        target.unlink(missing_ok=True)
    except OSError as error:
        raise UserError(f"cannot remove '{pack_id}': {target}: {error.strerror or error}") from None
    lines = [f"removed '{pack_id}': deleted {target}"]
    lines += [
        f"note: {e.path} also holds pack id '{pack_id}' (run this again to remove it)"
        for e in user[1:]
    ]
    return "\n".join(lines)
