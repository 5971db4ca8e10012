"""Reading the scores database without creating, migrating or changing it.

Previews and listings (``questions``, ``packs flags``) and the dealer's right rates
only read: a missing file means "nothing stored yet", not a database to create, and
a file that cannot be read gives nothing rather than stopping a game or a preview.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from quiz import paths

#: A reader waits this long for a writer; then it reads nothing.
PEEK_TIMEOUT_SECONDS = 1.0


@contextmanager
def peek(path: Path | None = None) -> Iterator[sqlite3.Connection | None]:
    """A read-only connection to the scores database (``paths.database_path()`` by
    default), or ``None`` when there is no such file or it cannot be opened."""
    path = Path(path) if path is not None else paths.database_path()
    if not path.is_file():
        yield None
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               timeout=PEEK_TIMEOUT_SECONDS, check_same_thread=False)
    except (sqlite3.Error, ValueError):
        yield None
        return
    try:
        yield conn
    finally:
        conn.close()
