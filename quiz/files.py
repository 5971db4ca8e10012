"""Writing and setting aside the user's files without ever leaving half of one behind.

Every file this program writes in place of another (the config, pack cache entries,
installed packs) goes through ``write_atomic``; every file found broken is renamed by
``move_aside``, never deleted, so nothing the user had is lost.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new one.

    The data goes to a temporary file beside ``path`` that is then renamed over it.
    ``durable`` flushes it to disk first, so a power cut cannot leave an empty file
    behind the rename; caches that can be rebuilt skip it for speed. ``str`` data is
    written as UTF-8. The new file gets the permissions of any new file (the umask
    applies); errors are ``OSError`` and leave no temporary file behind.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    temp, fd = _create_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _create_beside(path: Path) -> tuple[Path, int]:
    """A new, empty temporary file in ``path``'s folder and its open descriptor.

    Made with ``os.open`` rather than ``tempfile.mkstemp``: mkstemp's owner-only mode
    would stick to the renamed file, and reading the umask to undo it is not thread-safe.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue


def move_aside(path: Path, tag: str, *, companions: Sequence[str] = ()) -> Path:
    """Rename ``path`` to ``<name>.<tag>`` and return the new path.

    A name already taken gets ``-1``, ``-2``... appended, so nothing is ever renamed
    over. Each existing ``<name><suffix>`` for ``suffix`` in ``companions`` (an
    SQLite ``-wal``, say) moves along to ``<new name><suffix>``. Errors are ``OSError``.
    """
    base = f"{path.name}.{tag}"
    target = path.with_name(base)
    number = 0
    while any(path.with_name(target.name + s).exists() for s in ("", *companions)):
        number += 1
        target = path.with_name(f"{base}-{number}")
    path.rename(target)
    for suffix in companions:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target
