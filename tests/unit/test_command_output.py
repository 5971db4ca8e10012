"""The printing commands against a closed pipe, a full disk and an ASCII-only stdout.

Each runs the real program (``python -m quiz``) as a subprocess, since what is under
test is what reaches the process's file descriptors and its exit status.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store

ROOT = Path(__file__).resolve().parents[2]

COMMANDS = {
    "questions": ["questions", "--all", "--seed", "1"],
    "questions-json": ["questions", "--all", "--seed", "1", "--format", "json"],
    "scores": ["scores"],
    "scores-json": ["scores", "--format", "json"],
    "scores-csv": ["scores", "--format", "csv"],
    "packs-list": ["packs", "list"],
    "packs-export": ["packs", "export", "accents", "--to", "csv"],
}

ACCENTS = """\
format: 1
pack: accents
title: Beyoncé et Zoë
questions:
  - {prompt: Qui chante « Halo » ?, answer: Beyoncé, wrong: [Zoë, Chloé]}
"""


@pytest.fixture
def home(isolated_home: Path) -> Path:
    """A home with a pack and a player whose names are not ASCII."""
    folder = isolated_home / "packs"
    folder.mkdir(parents=True)
    (folder / "accents.yaml").write_text(ACCENTS, encoding="utf-8")
    answers = (AnswerRecord("Zoë", "accents:q:x", "accents", "Général", 0, True, 1.0, 1000),)
    scores = {"Zoë": 1000}
    when = "2026-03-01T20:00:00+00:00"
    record = GameRecord(
        when, when, "solo", "finished", tuple(scores), ("accents",),
        1, {"questions": 5}, answers, tally(scores, answers),
    )
    with Store.open() as store:
        store.save_game(record)
    return isolated_home


def run(args: list[str], home: Path, stdout: int, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "WDTA_QUIZ_HOME": str(home), **env}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=environment,
        check=False,
    )


def assert_one_quiet_line(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("wdta-quiz: seed")]
    assert len(lines) <= 1, result.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_pipe_ends_quietly_and_non_zero(home, name):
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte, as after `| head -1`
    try:
        result = run(COMMANDS[name], home, write)
    finally:
        os.close(write)
    assert result.returncode != 0
    assert_one_quiet_line(result)
    assert "wdta-quiz:" not in result.stderr.replace("wdta-quiz: seed", "")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_full_stdout_is_one_line_and_non_zero(home, name):
    with open(os.devnull if not Path("/dev/full").exists() else "/dev/full", "w") as full:
        if full.name == os.devnull:
            pytest.skip("no /dev/full on this system")
        result = run(COMMANDS[name], home, full.fileno())
    assert result.returncode == 1
    assert_one_quiet_line(result)
    assert "cannot write to standard output: No space left on device" in result.stderr


@pytest.mark.parametrize("name", ["questions", "scores", "packs-list"])
def test_text_for_people_on_an_ascii_terminal_is_escaped_not_lost(home, name):
    result = run(COMMANDS[name], home, subprocess.PIPE, PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert_one_quiet_line(result)
    assert "\\xeb" in result.stdout or "\\xe9" in result.stdout  # ë or é, escaped
    assert result.stdout.isascii()


@pytest.mark.parametrize("name", ["questions-json", "scores-json", "scores-csv", "packs-export"])
def test_data_on_an_ascii_stdout_is_refused_in_one_line(home, name):
    result = run(COMMANDS[name], home, subprocess.PIPE, PYTHONIOENCODING="ascii")
    assert result.returncode == 1
    assert_one_quiet_line(result)
    assert "standard output uses the ascii encoding, which cannot hold" in result.stderr
    assert result.stdout == ""


def test_data_in_utf8_is_unchanged(home):
    result = run(COMMANDS["questions-json"], home, subprocess.PIPE, PYTHONIOENCODING="utf-8")
    assert result.returncode == 0
    assert any("Beyoncé" in json.loads(line)["prompt"] + "".join(json.loads(line)["options"])
               for line in result.stdout.splitlines())
