"""Plain ``wdta-quiz``: the game in a terminal, the help in a pipe; ``--help`` always prints."""

from __future__ import annotations

import pytest

from quiz import cli


def test_plain_command_in_a_terminal_plays(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    monkeypatch.setattr("quiz.commands.play.run", lambda args: ran.append(args.command) or 0)
    assert cli.main(["--data-dir", "/tmp/x"]) == 0
    assert ran == ["play"]


def test_plain_command_without_a_terminal_prints_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: False)
    assert cli.main([]) == 0
    assert "usage: wdta-quiz" in capsys.readouterr().out


def test_help_still_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--help"])
    assert stop.value.code == 0
    assert "COMMAND" in capsys.readouterr().out
