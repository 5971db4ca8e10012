"""How the printing commands write to standard output, whatever it is connected to.

Standard output may be a closed pipe (``| head -1``), a full disk or ``/dev/full``, or a
terminal whose encoding cannot hold every character of a pack. Each ends in one line on
stderr (or, for a reader that stopped reading, in silence) and a non-zero exit status,
never in a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from quiz.errors import UserError

if TYPE_CHECKING:
    from quiz.packs.problems import Problem

#: Exit status of a command whose reader went away (128 + SIGPIPE, as a shell reports it).
EXIT_PIPE_CLOSED = 141


def silence_stdout() -> None:
    """Point standard output at the null device, so the flush at interpreter exit cannot
    fail a second time ("Exception ignored ... BrokenPipeError")."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real descriptor (a test's StringIO): nothing to flush
        pass


def write(text: str, *, data: bool = False) -> None:
    """Write ``text`` to standard output and flush it.

    Text for people (``data`` false) that the output encoding cannot hold is written
    with ``\\xe9``-style escapes: still readable, and the rest of the line survives.
    Data for programs (JSON, CSV) is refused instead, since a silently altered answer is
    worse than none. A full or failing output raises :class:`UserError`; a closed pipe
    raises ``BrokenPipeError`` for the entry point to end quietly.
    """
    out = sys.stdout
    encoding = getattr(out, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError as error:
        if data:
            bad = error.object[error.start : error.end]
            raise UserError(
                f"standard output uses the {encoding} encoding, which cannot hold {bad!r}: "
                "write to a file with -o FILE or set PYTHONIOENCODING=utf-8"
            ) from None
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:
        pass
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        silence_stdout()
        raise UserError(f"cannot write to standard output: {error.strerror or error}") from None


def plural(count: int, word: str) -> str:
    """``"1 question"``, ``"2 questions"``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def print_problems(problems: Iterable[Problem]) -> None:
    """Each problem on stderr as ``FILE:LINE:COLUMN: [warning: ]message``."""
    for problem in problems:
        if problem.severity == "warning":
            line = f"{problem.path}:{problem.line}:{problem.column}: warning: {problem.message}"
        else:
            line = str(problem)
        print(line, file=sys.stderr)
