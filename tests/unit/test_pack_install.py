"""`packs add/new/import` at their edges: what is installed is what was checked, a
refused or failed write leaves nothing behind, and hostile input ends in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz import paths
from quiz.cli import main

DATA = Path(__file__).parent / "packs_data"
GOOD = DATA / "good.yaml"

EDGE_DATE = """\
format: 1
pack: edge
title: Edge
facts:
  - kind: date
    id: end
    ask: When does time end?
    value: 9999-12-31
questions:
  - {prompt: A?, answer: a, wrong: [b]}
"""


def stderr_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


# -- packs add ---------------------------------------------------------------------------
def test_add_installs_the_bytes_it_checked(tmp_path, monkeypatch):
    """The source changes after it was checked: the checked bytes are installed."""
    source = tmp_path / "sample.yaml"
    original = GOOD.read_bytes()
    source.write_bytes(original)
    import quiz.packs

    real_check = quiz.packs.check_pack

    def check_then_swap(path):
        result = real_check(path)
        source.write_text("format: 1\npack: [broken\n", encoding="utf-8")  # a swap, too late
        return result

    monkeypatch.setattr(quiz.packs, "check_pack", check_then_swap)
    assert main(["packs", "add", str(source)]) == 0
    installed = list(paths.user_packs_dir().iterdir())
    assert [p.read_bytes() for p in installed] == [original]


def test_add_refuses_a_pack_the_generators_cannot_use(tmp_path, capsys):
    source = tmp_path / "edge.yaml"
    source.write_text(EDGE_DATE, encoding="utf-8")
    assert main(["packs", "add", str(source)]) == 1
    err = capsys.readouterr().err
    assert "not installed" in err and "Traceback" not in err
    folder = paths.user_packs_dir()
    assert not folder.exists() or list(folder.iterdir()) == []
    assert main(["packs", "list"]) == 0


def test_add_refuses_a_fifo_without_waiting_for_a_writer(tmp_path, capsys):
    fifo = tmp_path / "pipe.yaml"
    import os

    os.mkfifo(fifo)
    assert main(["packs", "add", str(fifo)]) == 1
    assert stderr_lines(capsys) == [f"wdta-quiz: {fifo}: not a regular file"]


# -- packs new ---------------------------------------------------------------------------
def test_new_with_a_name_that_is_not_text_leaves_no_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    name = "Zoé\udcff"  # an undecodable command-line byte, as Python passes it on
    assert main(["packs", "new", name]) == 1
    err = capsys.readouterr().err
    assert "is not valid text" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_new_that_cannot_finish_writing_leaves_no_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    import quiz.files

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(quiz.files.os, "fsync", full_disk)
    assert main(["packs", "new", "mine"]) == 1
    assert stderr_lines(capsys) == ["wdta-quiz: cannot write mine.yaml: No space left on device"]
    assert list(tmp_path.iterdir()) == []


def test_new_force_never_replaces_what_is_not_a_file(tmp_path, capsys):
    folder = tmp_path / "a-folder.yaml"
    folder.mkdir()
    assert main(["packs", "new", "mine", "-o", str(folder), "--force"]) == 1
    assert "is not a regular file" in capsys.readouterr().err
    assert folder.is_dir()


# -- packs import ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[" * 100_000 + "]" * 100_000, "the JSON is nested too deeply"),
        ('{"results": [], "n": ' + "9" * 5_000 + "}", "invalid JSON: Exceeds the limit"),
    ],
    ids=["deep", "long-number"],
)
def test_import_refuses_hostile_json_in_one_line(tmp_path, capsys, text, reason):
    source = tmp_path / "bank.json"
    source.write_text(text, encoding="utf-8")
    assert main(["packs", "import", "--from", "opentdb", str(source), "-o", "x.yaml"]) == 1
    lines = stderr_lines(capsys)
    assert len(lines) == 1
    assert lines[0].startswith(f"wdta-quiz: {source}: {reason}")
    assert not (tmp_path / "x.yaml").exists()



@pytest.fixture
def failing_fact(monkeypatch):
    """Generators that fail on the fact 'end' (as a value at the edge of what Python can
    represent once did), whatever validation comes to refuse."""
    from quiz.generators.base import Slot

    real_build = Slot.build

    def build(slot, rng):
        if slot.fact == "end":
            raise OverflowError("date value out of range")
        return real_build(slot, rng)

    monkeypatch.setattr(Slot, "build", build)


GOOD_DATE = EDGE_DATE.replace("9999-12-31", "2016-05-24")


def test_add_refuses_a_pack_whose_questions_fail_to_build(tmp_path, capsys, failing_fact):
    source = tmp_path / "edge.yaml"
    source.write_text(GOOD_DATE, encoding="utf-8")
    assert main(["packs", "add", str(source)]) == 1
    assert stderr_lines(capsys) == [
        f"wdta-quiz: {source}: question 'edge:end:date' cannot be made "
        "(OverflowError: date value out of range): not installed"
    ]
    folder = paths.user_packs_dir()
    assert not folder.exists() or list(folder.iterdir()) == []


def test_export_leaves_out_and_names_a_question_it_cannot_build(tmp_path, capsys, failing_fact):
    source = tmp_path / "edge.yaml"
    source.write_text(GOOD_DATE, encoding="utf-8")
    assert main(["packs", "export", str(source), "--to", "csv"]) == 0
    captured = capsys.readouterr()
    # No "The answer is a.": that is the game's stand-in, not an explanation (issue 14).
    assert captured.out.splitlines()[1:] == ["A?,a,b,,,General,medium,"]
    assert captured.err.splitlines() == [
        f"wdta-quiz: {source}: question 'edge:end:date' cannot be made "
        "(OverflowError: date value out of range): not exported"
    ]
