"""Per-connection rate limits: a phone (or anything pretending to be one) that floods the
server is slowed to a trickle and then cut off, without slowing anyone else."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

#: Messages a phone may send in a burst, and per second after it.
BURST = 20
PER_SECOND = 5.0
#: Refused messages in a row after which the connection is closed.
STRIKES = 50


@dataclass(slots=True)
class TokenBucket:
    """``burst`` messages at once, refilled at ``rate`` per second, on the injected clock."""

    rate: float = PER_SECOND
    burst: int = BURST
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(init=False)
    last: float = field(init=False)
    refused: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)
        self.last = self.clock()

    def allow(self) -> bool:
        """Whether one more message may go through now (counts a refusal if not)."""
        now = self.clock()
        self.tokens = min(float(self.burst), self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            self.refused = 0
            return True
        self.refused += 1
        return False

    @property
    def exhausted(self) -> bool:
        """Whether the sender kept flooding long enough to be cut off."""
        return self.refused >= STRIKES
