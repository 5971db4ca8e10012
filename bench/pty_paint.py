"""Launch a terminal app in a pseudo-terminal and time its first paint.

The clock starts just before the process is spawned and stops when a marker text
(the home screen's title or button label) shows up in what the app writes to the
terminal, with escape sequences stripped. Peak memory is the child's VmHWM (high-water
resident set) read from /proc once the screen is up, before it is asked to quit.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from dataclasses import dataclass
from pathlib import Path

#: Escape sequences a Textual app writes: CSI (colours, cursor, modes), OSC, and
#: two-byte escapes. Removing them leaves the drawn text, so a marker is found even
#: when styling changes inside a line.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC ... BEL / ST
    r"|\x1bP[^\x1b]*\x1b\\"  # DCS ... ST
    r"|\x1b[@-Z\\-_()#%*+][0-9A-Za-z]?"  # other short escapes
)

CTRL_Q = b"\x11"


class PaintError(RuntimeError):
    """The app exited or timed out without drawing the marker."""


@dataclass(frozen=True)
class Paint:
    """One launch: seconds until the marker was drawn, the CPU seconds the app had
    used by then (all its threads; None without /proc), and the peak RSS in bytes."""

    seconds: float
    peak_rss: int | None
    cpu_seconds: float | None = None


def visible_text(raw: str) -> str:
    """``raw`` terminal output with its escape sequences removed."""
    return _ESCAPES.sub("", raw)


def _peak_rss(pid: int) -> int | None:
    """The VmHWM of a live process, in bytes (None if /proc does not have it)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) * 1024 if match else None


def _cpu_seconds(pid: int) -> float | None:
    """CPU time of every live thread of ``pid`` (ns resolution, from schedstat).

    On a busy machine the wall clock includes waiting for a core; CPU time does not,
    so it shows what the app itself costs.
    """
    total = 0
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return total / 1e9


def _read(master: int, timeout: float) -> bytes | None:
    """Bytes available on ``master`` within ``timeout`` (b"" if none; None at EOF)."""
    ready, _, _ = select.select([master], [], [], timeout)
    if not ready:
        return b""
    try:
        data = os.read(master, 65536)
    except OSError:  # EIO: the child closed the terminal
        return None
    return data or None


def first_paint(
    cmd: list[str],
    marker: str,
    *,
    env: dict[str, str] | None = None,
    cwd: str | Path | None = None,
    size: tuple[int, int] = (100, 30),
    timeout: float = 20.0,
    settle: float = 0.2,
) -> Paint:
    """Run ``cmd`` in a ``size`` (columns, rows) pseudo-terminal until ``marker`` shows.

    Returns the time from spawn to the marker and the peak memory ``settle`` seconds
    later; then quits the app with ctrl+q (killing it if it does not exit). Raises
    ``PaintError`` with the tail of the screen text if the marker never appears.
    """
    columns, rows = size
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    full_env = dict(os.environ if env is None else env)
    full_env.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)})
    full_env.pop("TEXTUAL", None)  # no devtools
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    raw = ""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=full_env,
        cwd=cwd,
        start_new_session=True,
        close_fds=True,
    )
    os.close(slave)
    painted_at: float | None = None
    peak: int | None = None
    cpu: float | None = None
    try:
        deadline = start + timeout
        while painted_at is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise PaintError(f"no {marker!r} within {timeout:.0f} s: {_tail(raw)}")
            data = _read(master, min(left, 0.5))
            now = time.perf_counter()
            if data is None:
                proc.wait(timeout=5)
                raise PaintError(
                    f"exited with code {proc.returncode} before drawing {marker!r}: {_tail(raw)}"
                )
            if data:
                raw += decoder.decode(data)
                if marker in visible_text(raw):
                    painted_at = now
                    cpu = _cpu_seconds(proc.pid)
        _drain(master, settle)
        peak = _peak_rss(proc.pid)
        _quit(proc, master)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return Paint(painted_at - start, peak, cpu)


def _drain(master: int, seconds: float) -> None:
    """Keep reading for ``seconds`` so the app never blocks on a full terminal."""
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        if _read(master, left) is None:
            return


def _quit(proc: subprocess.Popen[bytes], master: int) -> None:
    """Ask the app to quit with ctrl+q; terminate it if it has not after a few seconds."""
    try:
        os.write(master, CTRL_Q)
    except OSError:
        pass
    end = time.perf_counter() + 3
    while proc.poll() is None and time.perf_counter() < end:
        if _read(master, 0.05) is None:
            break
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
    proc.wait()


def _tail(raw: str, chars: int = 200) -> str:
    """The last visible characters, on one line, for an error message."""
    text = " ".join(visible_text(raw).split())
    return repr(text[-chars:]) if text else "(no output)"
