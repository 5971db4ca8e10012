"""Command-line entry point: ``wdta-quiz <command>``.

Each command lives in ``quiz.commands.<name>`` with a ``register(subparsers)`` that
adds its parser and sets ``func``. Only ``play`` imports Textual, so the commands that
print (``questions``, ``packs``, ``scores``, ``--help``) start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from quiz import __version__
from quiz.commands import packs, play, questions, scores
from quiz.errors import UserError
from quiz.paths import HOME_ENV


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser."""
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
    for module in (play, questions, packs, scores):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        os.environ[HOME_ENV] = args.data_dir
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except UserError as error:
        print(f"wdta-quiz: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `wdta-quiz questions --all | head` closes the pipe early: not an error.
        sys.stderr.close()
        return 0
