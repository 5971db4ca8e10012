"""`wdta-quiz play` exits with the app's status: a crash is not a success."""

from __future__ import annotations

import pytest

from quiz.cli import main
from quiz.ui.app import QuizApp


def _ends_with(status: int | None):
    def run(self: QuizApp, *args: object, **kwargs: object) -> None:
        # What App.run leaves behind: App._handle_exception sets 1 after a crash.
        self._return_code = status

    return run


@pytest.mark.parametrize(("status", "expected"), [(1, 1), (0, 0), (None, 0)])
def test_play_returns_the_apps_exit_status(monkeypatch, status, expected):
    monkeypatch.setattr(QuizApp, "run", _ends_with(status))
    monkeypatch.setattr("quiz.commands.play.needs_terminal", lambda: None)  # pytest has none
    assert main(["play", "--players", "Ana"]) == expected
