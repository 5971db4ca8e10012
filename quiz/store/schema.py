"""The scores database's tables, and the migrations that build and upgrade them.

The schema version lives in ``PRAGMA user_version``; each migration and its version bump
commit together or not at all, so a file is always at exactly one known version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.store.connection import rollback, user_version
from quiz.text import player_key


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: the statements that take the database to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]
    #: Rebuilds a table others refer to: foreign keys are off while it runs and checked
    #: after (SQLite's own procedure for a table change ALTER TABLE cannot make).
    rebuilds: bool = False


#: The games that count in rankings (as ``quiz.stats.COUNTED``, on a table named ``g``).
_COUNTED = "g.status = 'finished' AND g.mode != 'practice'"

# Ordered; append new steps at the end and never edit one that has shipped.
MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "games, players, game players, answers",
        (
            """CREATE TABLE players (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL COLLATE NOCASE UNIQUE,   -- first spelling, shown
                key TEXT NOT NULL UNIQUE                    -- casefolded, for non-ASCII too
            )""",
            """CREATE TABLE games (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                mode TEXT NOT NULL CHECK (mode IN ('solo', 'hotseat', 'practice')),
                status TEXT NOT NULL CHECK (status IN ('finished', 'abandoned')),
                packs TEXT NOT NULL,            -- JSON list of pack ids
                seed INTEGER,
                settings TEXT NOT NULL,         -- JSON object
                player_count INTEGER NOT NULL
            )""",
            """CREATE TABLE game_players (
                game_id INTEGER NOT NULL REFERENCES games(id) ON DELETE CASCADE,
                seat INTEGER NOT NULL,          -- turn order, from 0
                player_id INTEGER NOT NULL REFERENCES players(id),
                score INTEGER NOT NULL,
                rank INTEGER NOT NULL,          -- 1 = first; ties share a place
                correct INTEGER NOT NULL,
                answered INTEGER NOT NULL,
                PRIMARY KEY (game_id, seat)
            )""",
            """CREATE TABLE answers (
                id INTEGER PRIMARY KEY,         -- insertion order = answer order
                game_id INTEGER NOT NULL REFERENCES games(id) ON DELETE CASCADE,
                player_id INTEGER NOT NULL REFERENCES players(id),
                question_id TEXT NOT NULL,
                pack TEXT NOT NULL,
                category TEXT NOT NULL,
                chosen INTEGER,                 -- NULL on a time-out
                correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                seconds REAL NOT NULL,
                points INTEGER NOT NULL
            )""",
            "CREATE INDEX answers_player ON answers(player_id)",
            "CREATE INDEX answers_question ON answers(question_id)",
            "CREATE INDEX answers_game ON answers(game_id)",
            "CREATE INDEX game_players_player ON game_players(player_id)",
        ),
    ),
    Migration(
        2,
        "each player's best streak in a game, as the game computed it",
        (
            "ALTER TABLE game_players ADD COLUMN best_streak INTEGER NOT NULL DEFAULT 0",
            # Games stored before: the longest run of right answers, from their answers
            # (row number minus right answers so far is constant along such a run).
            """UPDATE game_players SET best_streak = COALESCE((
                SELECT MAX(run) FROM (
                    SELECT COUNT(*) AS run FROM (
                        SELECT a.correct, ROW_NUMBER() OVER (ORDER BY a.id)
                            - SUM(a.correct) OVER (ORDER BY a.id) AS island
                        FROM answers a
                        WHERE a.game_id = game_players.game_id
                          AND a.player_id = game_players.player_id
                    ) WHERE correct = 1 GROUP BY island
                )
            ), 0)""",
        ),
    ),
    Migration(
        3,
        "player keys in the one form quiz.text.player_key gives (NFC, nothing invisible)",
        # OR IGNORE: two players whose names now meet keep apart (the second keeps its
        # old key) rather than the file failing to open.
        ("UPDATE OR IGNORE players SET key = player_key(name)",),
    ),
    Migration(
        4,
        "buzzer and party modes; typed and ordered responses; flagged questions",
        (
            """CREATE TABLE games_v4 (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                finished_at TEXT NOT NULL,
                mode TEXT NOT NULL
                    CHECK (mode IN ('solo', 'hotseat', 'practice', 'buzzer', 'party')),
                status TEXT NOT NULL CHECK (status IN ('finished', 'abandoned')),
                packs TEXT NOT NULL,            -- JSON list of pack ids
                seed INTEGER,
                settings TEXT NOT NULL,         -- JSON object
                player_count INTEGER NOT NULL
            )""",
            """INSERT INTO games_v4 (id, started_at, finished_at, mode, status, packs, seed,
                settings, player_count)
               SELECT id, started_at, finished_at, mode, status, packs, seed, settings,
                player_count FROM games""",
            "DROP TABLE games",
            "ALTER TABLE games_v4 RENAME TO games",
            # JSON of an order, number or text response; NULL for a pick or a time-out.
            "ALTER TABLE answers ADD COLUMN response TEXT",
            """CREATE TABLE flags (
                id INTEGER PRIMARY KEY,
                question_id TEXT NOT NULL,
                pack TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                flagged_at TEXT NOT NULL,
                player_id INTEGER REFERENCES players(id) ON DELETE SET NULL
            )""",
            "CREATE INDEX flags_pack ON flags(pack)",
        ),
        rebuilds=True,
    ),
    Migration(
        5,
        "question tallies and indexes that keep the scores quick with thousands of games",
        (
            # How often each question was asked and missed in counted games, kept up to
            # date by triggers: "most missed" then reads a few rows, not every answer.
            """CREATE TABLE question_tallies (
                question_id TEXT PRIMARY KEY,
                pack TEXT NOT NULL,
                category TEXT NOT NULL,
                asked INTEGER NOT NULL,
                missed INTEGER NOT NULL
            ) WITHOUT ROWID""",
            "CREATE INDEX question_tallies_missed ON question_tallies(missed, asked)",
            f"""INSERT INTO question_tallies
               SELECT a.question_id, MAX(a.pack), MAX(a.category), COUNT(*), SUM(1 - a.correct)
               FROM answers a JOIN games g ON g.id = a.game_id
               WHERE {_COUNTED} GROUP BY a.question_id""",
            # A game is written before its answers and never changes status after.
            f"""CREATE TRIGGER answers_tally_added AFTER INSERT ON answers
               WHEN EXISTS (SELECT 1 FROM games g WHERE g.id = NEW.game_id AND {_COUNTED})
               BEGIN
                   INSERT INTO question_tallies
                   VALUES (NEW.question_id, NEW.pack, NEW.category, 1, 1 - NEW.correct)
                   ON CONFLICT (question_id) DO UPDATE SET
                       asked = asked + 1, missed = missed + excluded.missed,
                       pack = MAX(pack, excluded.pack),
                       category = MAX(category, excluded.category);
               END""",
            # Answers go before their game (a player deleted): the game still says
            # whether they counted.
            f"""CREATE TRIGGER answers_tally_removed AFTER DELETE ON answers
               WHEN EXISTS (SELECT 1 FROM games g WHERE g.id = OLD.game_id AND {_COUNTED})
               BEGIN
                   UPDATE question_tallies
                   SET asked = asked - 1, missed = missed - (1 - OLD.correct)
                   WHERE question_id = OLD.question_id;
               END""",
            # The latest games first: the champion, their streak, this week, this month.
            "CREATE INDEX games_finished ON games(finished_at)",
        ),
    ),
]


def schema_version() -> int:
    """The schema version this code writes."""
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] | None = None) -> int:
    """Apply the pending ``migrations`` (default ``MIGRATIONS``), each in its own transaction.

    The version is re-read after taking the write lock, so two processes opening a new
    file at once do not both apply a step. Returns the version reached.
    """
    steps = MIGRATIONS if migrations is None else migrations
    # Steps may compare names the way the game does.
    conn.create_function("player_key", 1, player_key, deterministic=True)
    version = user_version(conn)
    for step in steps:
        if step.version <= version:
            continue
        version = _apply(conn, step)
    return version


def _apply(conn: sqlite3.Connection, step: Migration) -> int:
    """Run one step in its own transaction; return the version the file is at after it."""
    keys_on = conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    if step.rebuilds and keys_on:
        conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)
            if step.version > version:
                for statement in step.statements:
                    conn.execute(statement)
                if step.rebuilds and conn.execute("PRAGMA foreign_key_check").fetchone():
                    raise sqlite3.IntegrityError(f"schema step {step.version} broke a reference")
                conn.execute(f"PRAGMA user_version = {int(step.version)}")
                version = step.version
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
    finally:
        if step.rebuilds and keys_on:
            conn.execute("PRAGMA foreign_keys = ON")
    return version
