"""`wdta-quiz questions`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `questions` parser."""
    parser = sub.add_parser("questions", help="(coming)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `questions`."""
    print("wdta-quiz questions: coming soon")
    return 0
