"""`wdta-quiz party` flags: each mistake is one line naming the flag, exit status 2,
before the app (or the network) is touched."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def party(*flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "quiz", "party", *flags],
                          capture_output=True, text=True, timeout=60)  # fmt: skip


@pytest.mark.parametrize(("flags", "said"), [
    (["--host", "nope"], "--host: 'nope' is not an IP address"),
    (["--host", "203.0.113.7"], "--host: cannot listen on 203.0.113.7"),
    (["--port", "99999"], "--port: '99999' is not a port (1 to 65535)"),
    (["--max-players", "0"], "--max-players: '0' is not a number from 1 to 200"),
    (["--max-players", "201"], "--max-players: '201' is not a number from 1 to 200"),
    (["--timer", "soon"], "--timer:"),
    (["--questions", "2"], "--questions:"),
])  # fmt: skip
def test_bad_flags_say_which(flags: list[str], said: str) -> None:
    result = party(*flags)
    assert result.returncode == 2
    assert result.stderr.startswith(f"wdta-quiz: {said}") and result.stderr.count("\n") == 1


def test_a_port_in_use_is_named() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = party("--host", "127.0.0.1", "--port", str(port))
    assert result.returncode == 2 and f"--port: cannot listen on 127.0.0.1:{port}" in result.stderr


def test_without_a_terminal_it_says_so() -> None:
    result = party("--host", "127.0.0.1")
    assert result.returncode != 0 and "party needs a terminal" in result.stderr
