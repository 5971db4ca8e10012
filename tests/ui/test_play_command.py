"""`wdta-quiz play` flags: a bad one is one line and exit 2, before Textual loads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--players", ""], "--players: give at least one player name"),
        (["--players", "A,B,C,D,E,F,G,H,I"], "--players: 9 players: a game has 1 to 8 players"),
        (["--players", "Ana,,Ben"], "--players: player 2 has an empty name"),
        (["--players", "Ana,ANA"], "--players: two players are called 'ANA' (names must differ)"),
        (["--players", "Ana", "--questions", "4"], "--questions: 4 questions: choose 5 to 50"),
        (["--players", "Ana", "--questions", "51"], "--questions: 51 questions"),
        (["--players", "Ana", "--timer", "soon"], "--timer: timer must be a number of seconds"),
        (["--players", "Ana", "--seed", "abc"], "--seed: seed must be a whole number"),
        (["--players", "Ana", "--seed", str(2**63)],
         f"--seed: seed {2**63}: choose a whole number from 0 to {2**63 - 1}"),
        (["--players", "Ana", "--seed", "-1"], "--seed: seed -1: choose a whole number from 0"),
        (["--players", "Ana", "--seed", "9" * 5000], "--seed: seed 99999999999999999999..."),
        (["--players", "Ana,Ana\u200b"],
         "--players: two players are called 'Ana' (names must differ)"),
        (["--players", "Ana,\u202eanA"],
         "--players: two players are called 'anA' (names must differ)"),
        (["--players", "Ana", "--pack", "no-such-pack"], "--pack no-such-pack: no installed pack"),
        (["--players", "Ana", "--pack", "missing/x.yaml"], "--pack missing/x.yaml: no such file"),
    ],
)
def test_bad_flags_are_one_line_and_exit_2(flags, message, capsys):
    assert main(["play", *flags]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"wdta-quiz: {message}")
    assert captured.out == ""


def test_a_broken_pack_alone_is_a_clear_error(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\npack: broken\ntitle: [oops\n", encoding="utf-8")
    assert main(["play", "--players", "Ana", "--pack", str(broken)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"wdta-quiz: {broken}:4:1: invalid YAML")
    assert lines[-1] == "wdta-quiz: no valid packs to play with (see the problems above)"
    assert len(lines) == 2


def test_bad_flags_never_import_textual():
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        "status = main(['play', '--players', 'Ana,ana'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "raise SystemExit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 2, result.stderr
    assert "two players" in result.stderr


def test_how_many_more_problems_a_pack_has_reads_right():
    from quiz.bank import describe_failure
    from quiz.packs import PackError
    from quiz.packs.problems import Problem

    def failure(count: int) -> PackError:
        problems = [Problem("p.yaml", n, 1, f"bad {n}") for n in range(1, count + 1)]
        return PackError("p.yaml", problems)

    assert describe_failure(failure(1)) == "p.yaml:1:1: bad 1"
    assert describe_failure(failure(2)) == "p.yaml:1:1: bad 1 (and 1 more problem)"
    assert describe_failure(failure(3)) == "p.yaml:1:1: bad 1 (and 2 more problems)"


def test_one_scores_database_per_run(isolated_home, monkeypatch):
    """play opens the scores database once (opening checks the whole file), then reuses it."""
    from quiz.commands.play import ScoresLink
    from quiz.records import AnswerRecord, GameRecord, tally
    from quiz.store import Store

    opened = []
    real_open = Store.open.__func__

    def counting_open(cls, *args, **kwargs):
        opened.append(1)
        return real_open(cls, *args, **kwargs)

    monkeypatch.setattr(Store, "open", classmethod(counting_open))
    link = ScoresLink()
    assert link.recent(["Ana"]) == []
    answer = AnswerRecord("Ana", "wdta:q:a", "wdta", "Charts", 1, False, 2.0, 0)
    link.save(GameRecord("2026-01-01T10:00:00Z", "2026-01-01T10:01:00Z", "solo", "finished",
                         ("Ana",), ("wdta",), 1, {}, (answer,), tally({"Ana": 0}, (answer,))))
    assert link.missed("Ana") == ["wdta:q:a"]
    assert link.recent(["ana"]) == ["wdta:q:a"]
    assert len(opened) == 1
    link.close()
    link.close()  # safe twice


def test_unusable_scores_folder_fails_each_use_not_the_game(tmp_path, monkeypatch):
    from quiz.commands.play import ScoresLink
    from quiz.errors import UserError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("WDTA_QUIZ_HOME", str(blocker / "home"))
    link = ScoresLink()
    for _ in range(2):
        with pytest.raises(UserError, match="cannot keep scores in"):
            link.recent(["Ana"])
    link.close()
