"""`wdta-quiz play`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `play` parser."""
    parser = sub.add_parser("play", help="(coming)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `play`."""
    print("wdta-quiz play: coming soon")
    return 0
