"""Command-line entry point: ``wdta-quiz <command>``; plain ``wdta-quiz`` plays.

Each command lives in ``quiz.commands.<name>`` with a ``register(subparsers)`` that
adds its parser and sets ``func``. Only ``play`` imports Textual, so the commands that
print (``questions``, ``packs``, ``scores``, ``--help``) start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from quiz import __version__
from quiz.commands import COMMANDS
from quiz.errors import UserError
from quiz.paths import HOME_ENV


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named on the command line, if any (skipping ``--data-dir DIR``)."""
    args = iter(argv)
    for arg in args:
        if arg == "--data-dir":
            next(args, None)
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def _interactive() -> bool:
    """Whether both standard input and output are a terminal."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``only``, the other commands get a stub parser."""
    parser = argparse.ArgumentParser(
        prog="wdta-quiz",
        description="A terminal trivia game about \"We Don't Talk Anymore\".",
    )
    parser.add_argument("--version", action="version", version=f"wdta-quiz {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep scores, packs and config in DIR (same as {HOME_ENV}=DIR)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        if only is None or name == only:
            import_module(f"quiz.commands.{name}").register(sub)
        else:
            sub.add_parser(name, help=summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(only=_command_in(argv))
    args = parser.parse_args(argv)
    if args.data_dir:
        os.environ[HOME_ENV] = args.data_dir
    if not getattr(args, "func", None):
        # Plain `wdta-quiz` is the game (the home screen), as a player expects; with no
        # terminal to play in (a pipe, a script) it is the help, as a tool's would be.
        if _interactive():
            return main([*argv, "play"])
        parser.print_help()
        return 0
    from quiz.commands.output import EXIT_PIPE_CLOSED, silence_stdout, write

    try:
        status = int(args.func(args) or 0)
        write("")  # flush now, where a full disk is one line, not at interpreter exit
        return status
    except UserError as error:
        print(f"wdta-quiz: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `wdta-quiz questions --all | head -1` stopped reading: end quietly, as a tool
        # killed by SIGPIPE would, and keep the exit-time flush from failing again.
        silence_stdout()
        return EXIT_PIPE_CLOSED
