"""Errors a user can fix, reported as one clear line instead of a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status ``code`` (default 1)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
