"""Where wdta-quiz keeps things: built-in packs, the user's packs, config, scores.

``WDTA_QUIZ_HOME`` (or ``--data-dir``, which sets it) moves every user file into one
folder; otherwise platformdirs picks the usual per-user locations.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "wdta-quiz"
HOME_ENV = "WDTA_QUIZ_HOME"


def builtin_packs_dir() -> Path:
    """The folder of packs shipped with the game.

    An installed wheel carries them as ``quiz/builtin_packs/`` (pyproject maps
    ``questions/`` there); a source checkout has them in ``questions/`` beside ``quiz/``.
    """
    package = Path(__file__).resolve().parent
    installed = package / "builtin_packs"
    if installed.is_dir():
        return installed
    return package.parent / "questions"


def data_dir() -> Path:
    """The user data folder (scores database, installed packs)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """The folder of the config file."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The folder of caches that can be thrown away (parsed packs)."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home).expanduser() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def user_packs_dir() -> Path:
    """Where ``packs add`` installs packs."""
    return data_dir() / "packs"


def database_path() -> Path:
    """The SQLite database of games and scores."""
    return data_dir() / "scores.sqlite3"


def config_path() -> Path:
    """The JSON config file (enabled packs, theme)."""
    return config_dir() / "config.json"


#: Games a failed save kept aside wait here, beside the database, one JSON file each.
PENDING_FOLDER = "pending-games"
PENDING_GLOB = "game-*.json"


def pending_games_dir(database: Path) -> Path:
    """Where games waiting for the database at ``database`` are kept."""
    return database.parent / PENDING_FOLDER


def games_waiting(folder: Path) -> bool:
    """Whether any game waits in ``folder``: one directory listing, and (unlike the
    store) no sqlite3 to import, so ``play`` pays nothing for it at start-up."""
    try:
        return any(folder.glob(PENDING_GLOB))
    except OSError:
        return False
