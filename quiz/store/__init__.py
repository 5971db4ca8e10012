"""The scores database: one SQLite file (``paths.database_path()``) keeps every game,
its players and every answer.

``Store`` (``quiz.store.database``) is the way in. Behind it: ``connection`` (the
connection settings and transactions), ``schema`` (tables and migrations), ``opening``
(safety settings, migration, moving a damaged file aside) and ``writes`` (saving a
game whole or not at all). The read-side queries are ``quiz.stats``.
"""

from quiz.store.connection import BUSY_TIMEOUT_SECONDS
from quiz.store.database import Store, UnknownPlayerError
from quiz.store.schema import MIGRATIONS, Migration, migrate, schema_version

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "MIGRATIONS",
    "Migration",
    "Store",
    "UnknownPlayerError",
    "migrate",
    "schema_version",
]
