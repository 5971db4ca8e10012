"""Shared fixtures: keep the developer's own data and config out of every test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point WDTA_QUIZ_HOME at a fresh folder for each test."""
    home = tmp_path / "wdta-home"
    monkeypatch.setenv("WDTA_QUIZ_HOME", str(home))
    return home


@pytest.fixture
def builtin_dir(tmp_path, monkeypatch):
    """A built-in pack folder of the test's own (the real built-in packs stay out)."""
    from quiz import paths

    folder = tmp_path / "builtin"
    folder.mkdir()
    monkeypatch.setattr(paths, "builtin_packs_dir", lambda: folder)
    return folder
