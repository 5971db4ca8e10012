"""`wdta-quiz scores`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `scores` parser."""
    parser = sub.add_parser("scores", help="(coming)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `scores`."""
    print("wdta-quiz scores: coming soon")
    return 0
