"""Shared fixtures: keep the developer's own data and config out of every test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point WDTA_QUIZ_HOME at a fresh folder for each test."""
    home = tmp_path / "wdta-home"
    monkeypatch.setenv("WDTA_QUIZ_HOME", str(home))
    return home
