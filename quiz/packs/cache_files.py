"""Reading a file whose name may not hold what it should: regular files only, bounded.

A FIFO, a device (``/dev/zero``) or a socket can sit where a pack or a cache entry is
expected; ``open`` then ``read`` would block forever or never reach the end. The file
is opened without blocking, the *opened* descriptor is checked (a check of the name
before opening could be answered by a different file), and no more than ``limit``
bytes are read whatever the file claims its size is.
"""

from __future__ import annotations

import os
import stat

_CHUNK = 1 << 20
# O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one. The getattr
# defaults keep the module importable where a flag does not exist (Windows).
_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)  # fmt: skip
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class NotRegular(OSError):
    """The name leads to something other than a regular file."""


class TooBig(OSError):
    """The file holds more than the limit; ``size`` is what it held when refused."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular(path: str | os.PathLike[str], limit: int, *, follow: bool = True) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    ``follow=False`` refuses a symbolic link as the last part of the name. Raises
    :class:`NotRegular`, :class:`TooBig` (before reading when the size already says so)
    or another ``OSError``; never blocks on a FIFO or a device.
    """
    fd = os.open(path, _FLAGS if follow else _FLAGS | _NOFOLLOW)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular("not a regular file")
        if info.st_size > limit:
            raise TooBig(info.st_size)
        return _read_at_most(fd, limit, info.st_size)
    finally:
        os.close(fd)


def owned_by_me(path: str | os.PathLike[str], limit: int) -> bytes:
    """Like :func:`read_regular` without following links, and only from a file this
    user owns that nobody else can read or write (a secret); else :class:`NotRegular`."""
    fd = os.open(path, _FLAGS | _NOFOLLOW)
    try:
        info = os.fstat(fd)
        mine = info.st_uid == os.geteuid() if hasattr(os, "geteuid") else True
        private = mine and not info.st_mode & 0o077
        if not stat.S_ISREG(info.st_mode) or not private:
            raise NotRegular("not a private regular file")
        return _read_at_most(fd, limit, info.st_size)
    finally:
        os.close(fd)


def _read_at_most(fd: int, limit: int, expected: int) -> bytes:
    chunks: list[bytes] = []
    # One read of the whole file when its size is known (the usual case), then one that
    # finds the end; chunks for a file that grows or reports no size (procfs).
    want = max(expected, _CHUNK)
    total = 0
    while True:
        chunk = os.read(fd, min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise TooBig(total)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
