"""`play --pack FILE.yaml` reads the file again between games when it changed: the
pack author's loop is "edit, save, play again"."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import deal_questions
from quiz.errors import UserError
from quiz.game_setup import GameSetup
from quiz.rereading_bank import RereadingBank

PACK = (
    "format: 1\npack: mine\ntitle: Mine\nquestions:\n"
    + "".join(f"  - {{prompt: Q{n}?, answer: ANSWER, wrong: [w{n}]}}\n" for n in range(5))
)


def write(path: Path, answer: str) -> None:
    path.write_text(PACK.replace("ANSWER", answer), encoding="utf-8")


def answers(bank: RereadingBank) -> set[str]:
    setup = GameSetup(players=("Ana",), questions=5, timer=None, packs=("mine",), seed=1)
    questions, _ = deal_questions(bank, setup)
    return {q.options[q.answer] for q in questions}


def test_an_edited_pack_file_is_played_as_saved(tmp_path):
    path = tmp_path / "mine.yaml"
    write(path, "old")
    bank = RereadingBank([str(path)])
    assert [p.id for p in bank.library().packs] == ["mine"]
    assert answers(bank) == {"old"}
    write(path, "newer")
    assert answers(bank) == {"newer"}


def test_a_broken_edit_says_why_and_the_next_game_takes_the_fix(tmp_path):
    path = tmp_path / "mine.yaml"
    write(path, "old")
    bank = RereadingBank([str(path)])
    assert answers(bank) == {"old"}
    path.write_text(PACK.replace("ANSWER", "[oops"), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        answers(bank)
    assert str(caught.value).startswith(f"{path} changed and does not load now: {path}:5:")
    write(path, "fixed")
    assert answers(bank) == {"fixed"}


def test_installed_packs_are_not_looked_at(tmp_path, monkeypatch):
    bank = RereadingBank(["wdta"])
    assert bank.files == [] and not bank.changed()


def test_play_uses_it(monkeypatch, tmp_path):
    from quiz.cli import main
    from quiz.commands import play
    from quiz.ui import app as ui_app

    path = tmp_path / "mine.yaml"
    write(path, "a")
    made = []

    class FakeApp:
        return_code = 0
        exit_problem = None

        def __init__(self, bank, **kwargs) -> None:
            made.append(bank)

        def run(self) -> None:
            pass

    monkeypatch.setattr(play, "needs_terminal", lambda: None)
    monkeypatch.setattr(ui_app, "QuizApp", FakeApp)
    assert main(["play", "--pack", str(path)]) == 0
    (bank,) = made
    assert isinstance(bank, RereadingBank) and bank.files == [str(path)]
