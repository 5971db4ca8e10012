"""`wdta-quiz packs`."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `packs` parser."""
    parser = sub.add_parser("packs", help="(coming)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run `packs`."""
    print("wdta-quiz packs: coming soon")
    return 0
