"""The real clock, wall time and seed source: what tests replace to replay a game."""

from __future__ import annotations

import random
from datetime import UTC, datetime


def utc_now() -> datetime:
    """Wall-clock time for the records, in UTC."""
    return datetime.now(UTC)


def fresh_seed() -> int:
    """A seed for a game set up without one."""
    return random.SystemRandom().randrange(2**31)
