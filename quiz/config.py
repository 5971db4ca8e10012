"""The user's config file: which packs are switched off, which theme is chosen.

This module is the one place that reads or writes ``config.json``. The file belongs to
the user, so it is never a reason to fail: a missing, unreadable or broken file reads
as the defaults. Nothing the user wrote is lost either: before a save replaces a file
that is not a usable config, the old file is moved aside as
``config.json.broken-<timestamp>``, and keys this version does not know are kept.

Saves are atomic (``quiz.files.write_atomic``), so a crash or a full disk never leaves
half a config behind.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz import paths
from quiz.errors import UserError
from quiz.files import move_aside, write_atomic

#: A config file larger than this is not something we wrote: treat it as broken.
MAX_CONFIG_BYTES = 1024 * 1024

Clock = Callable[[], datetime]


class ConfigError(UserError):
    """The config file could not be saved (the message names the file and why)."""


@dataclass(frozen=True, slots=True)
class Config:
    """The user's settings. ``disabled_packs`` holds the ids of packs left out of
    games started without an explicit pack choice; ``theme`` is a Textual theme name,
    or ``None`` for the default."""

    disabled_packs: frozenset[str] = field(default_factory=frozenset)
    theme: str | None = None
    #: The last game set up (players, questions, timer, packs, ...), as saved: read back
    #: through the setup checks (:mod:`quiz.remembered_setup`), never trusted as it is.
    last_game: dict[str, Any] | None = None

    def is_enabled(self, pack_id: str) -> bool:
        """Whether the pack takes part in games started without a pack choice."""
        return pack_id not in self.disabled_packs

    def with_pack(self, pack_id: str, *, enabled: bool) -> Config:
        """A copy with ``pack_id`` switched on or off."""
        if enabled:
            return replace(self, disabled_packs=self.disabled_packs - {pack_id})
        return replace(self, disabled_packs=self.disabled_packs | {pack_id})

    def with_theme(self, theme: str | None) -> Config:
        """A copy with another theme."""
        return replace(self, theme=theme)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object this config is saved as (sorted, so diffs stay small)."""
        data: dict[str, Any] = {"disabled_packs": sorted(self.disabled_packs), "theme": self.theme}
        if self.last_game is not None:
            data["last_game"] = self.last_game
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        """A config from a parsed JSON object; a field of the wrong type is ignored
        (that field keeps its default) rather than failing the whole file."""
        disabled: Iterable[str] = ()
        raw_disabled = data.get("disabled_packs")
        if isinstance(raw_disabled, list):
            disabled = (item for item in raw_disabled if isinstance(item, str))
        theme = data.get("theme")
        last_game = data.get("last_game")
        return cls(
            disabled_packs=frozenset(disabled),
            theme=theme if isinstance(theme, str) and theme else None,
            last_game=last_game if isinstance(last_game, dict) else None,
        )


def _read_object(path: Path) -> dict[str, Any] | None:
    """The JSON object stored at ``path``, or ``None`` when the file is missing,
    unreadable, too large, not UTF-8 JSON, or not an object."""
    try:
        # Non-blocking, and regular files only: a FIFO or a device named config.json
        # would otherwise hang every start (open() of a FIFO waits for a writer).
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CONFIG_BYTES:
                return None
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError:
        return None
    if len(raw) > MAX_CONFIG_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def load_config(path: Path | None = None) -> Config:
    """The user's config; the defaults when the file is missing, unreadable or broken.

    Never raises and never changes the file (a broken file is moved aside only when a
    new config is saved over it).
    """
    data = _read_object(path or paths.config_path())
    return Config() if data is None else Config.from_dict(data)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def save_config(config: Config, path: Path | None = None, *, clock: Clock = _utc_now) -> Path:
    """Save ``config`` atomically and return the path written.

    Keys of the existing file that this version does not know are kept. An existing
    file that is not a usable config is first moved aside as
    ``config.json.broken-<timestamp>`` (``clock`` gives the time). Raises
    :class:`ConfigError` when the file cannot be written.
    """
    path = path or paths.config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        existing = _read_object(path)
        if existing is None and (path.exists() or path.is_symlink()):
            move_aside(path, f"broken-{clock():%Y%m%dT%H%M%SZ}")
        data = dict(existing or {})
        data.update(config.to_dict())
        write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(f"{path}: cannot save the config: {reason}") from error
    return path


def set_pack_enabled(pack_id: str, enabled: bool, path: Path | None = None) -> Config:
    """Switch one pack on or off in the saved config and return the new config."""
    config = load_config(path).with_pack(pack_id, enabled=enabled)
    save_config(config, path)
    return config
