"""`play` as a process: SIGTERM restores the terminal and keeps the game; no terminal, no game.

These run the real program in a pseudo-terminal (or without one) and wait with generous
deadlines; nothing here asserts how long anything took.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from bench.pty_paint import visible_text

ROOT = Path(__file__).resolve().parents[2]

#: The timer bar: only the question screen draws it.
QUESTION_MARKER = "░"
#: What a terminal needs back after a full-screen app: mouse tracking off (basic and
#: SGR), the alternate screen left, the cursor shown.
RESTORE = (b"\x1b[?1000l", b"\x1b[?1006l", b"\x1b[?1049l", b"\x1b[?25h")


def _read(master: int, timeout: float) -> bytes | None:
    """Bytes the app wrote within ``timeout`` (b"" if none; None once it closed the pty)."""
    ready, _, _ = select.select([master], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(master, 65536) or None
    except OSError:  # EIO: the child closed the terminal
        return None


def _spawn_in_pty(args: list[str], home: Path) -> tuple[subprocess.Popen[bytes], int]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", WDTA_QUIZ_HOME=str(home))
    env.pop("TEXTUAL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "quiz", *args],
        stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True,
    )  # fmt: skip
    os.close(slave)
    return proc, master


def _until(master: int, found: bytes | str, deadline: float) -> bytes:
    """Read until ``found`` (text: in the visible text) shows up or the deadline passes."""
    raw = b""
    while time.monotonic() < deadline:
        data = _read(master, 0.5)
        if data is None:
            break
        raw += data
        if isinstance(found, str) and found in visible_text(raw.decode("utf-8", "replace")):
            break
    return raw


def test_sigterm_restores_the_terminal_and_keeps_the_game_as_abandoned(tmp_path):
    home = tmp_path / "home"
    proc, master = _spawn_in_pty(["play", "--players", "Ana", "--seed", "7"], home)
    try:
        shown = _until(master, QUESTION_MARKER, time.monotonic() + 60)
        assert QUESTION_MARKER in shown.decode("utf-8", "replace"), "no question screen"
        os.write(master, b"1")  # one answer: a game with none at all is not kept
        revealed = _until(master, "your answer", time.monotonic() + 60)
        assert "your answer" in visible_text(revealed.decode("utf-8", "replace")), "no reveal"
        proc.send_signal(signal.SIGTERM)
        last = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            data = _read(master, 1)
            if data is None:
                break
            last += data
        status = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert status == 128 + signal.SIGTERM
    tail = last[-600:]
    for sequence in RESTORE:
        assert sequence in tail, f"{sequence!r} not written after SIGTERM: {tail!r}"
    from quiz.store import Store

    with Store.open(home / "scores.sqlite3") as store:
        games = store.games()
    assert [(g.status, [p.player for p in g.players], g.seed) for g in games] == [
        ("abandoned", ["Ana"], 7)
    ]


def test_play_without_a_terminal_refuses_with_one_line(tmp_path):
    env = dict(os.environ, WDTA_QUIZ_HOME=str(tmp_path / "home"))
    for args in (["play"], ["play", "--players", "Ana"]):
        result = subprocess.run(
            [sys.executable, "-m", "quiz", *args], stdin=subprocess.DEVNULL,
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
        )  # fmt: skip
        assert result.returncode == 1
        assert result.stderr.splitlines() == [
            "wdta-quiz: play needs a terminal, and its standard input and output are not one"
        ]
        assert result.stdout == ""
