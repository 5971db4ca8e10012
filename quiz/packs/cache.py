"""A cache of validated packs, so an unchanged pack is not parsed again.

The cache folder can be thrown away, restored from a backup or written by someone
else, so an entry is never trusted:

- Entries are keyed by *content*: a hash of the exact bytes the loader read, the
  entry format, the loader version and the field layout. A file edited without
  changing its size or time (``cp -p``, ``tar``, ``rsync -t``) is a different key.
- An entry is read only from a regular file (never through a link, never from a FIFO
  or a device), and only up to a size proportional to the pack's own.
- An entry carries a keyed hash (HMAC-SHA-256) made with a secret that only this user can
  read, so bytes the program did not write are refused before they are decoded.
- What is decoded is JSON (stdlib, no code runs, no object types) and checked field by
  field and cleaned like pack text by :mod:`quiz.packs.cache_codec`.

Any problem with an entry or the folder is a miss: the pack is parsed again and the
entry rewritten.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

import quiz
from quiz import paths
from quiz.facts import KINDS, ChronologyItem, HandQuestion, Pack, PackInfo, Subject
from quiz.files import write_atomic
from quiz.packs.cache_codec import decode, encode
from quiz.packs.cache_files import owned_by_me, read_regular
from quiz.packs.problems import Problem

#: Bump when loading or validation changes what a pack turns into.
LOADER_VERSION = 4
#: Bump when the layout of an entry file changes.
FORMAT = 2
_MAGIC = b"wdta-quiz pack cache 2 hmac-sha256\n"
_MAC_SIZE = 32
_SECRET_SIZE = 32
# The field layout entries are written in: a change to quiz.facts makes them misses.
_LAYOUT = repr(
    [
        (cls.__name__, [f.name for f in dataclasses.fields(cls)])
        for cls in (*(spec.cls for spec in KINDS.values()),
                    ChronologyItem, HandQuestion, PackInfo, Subject)
    ]
)  # fmt: skip
_VERSION = f"{FORMAT}/{LOADER_VERSION}/{quiz.__version__}/{_LAYOUT}".encode()
# The secret of each cache folder this process has used, read once.
_secrets: dict[str, bytes] = {}


def content_key(data: bytes) -> str:
    """The key of a pack file's bytes (with the versions that decide what they load as)."""
    # SHA-256 rather than BLAKE2b: OpenSSL's runs on the CPU's SHA instructions, about
    # three times as fast here, and a cache hit hashes the whole pack.
    digest = hashlib.sha256(_VERSION)
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def _folder() -> Path:
    return paths.cache_dir() / "packs"


def _entry_limit(data: bytes) -> int:
    # An entry is about the size of the pack text; anything much larger was not written
    # by put(), and reading it could cost more memory than parsing the pack does.
    return 4 * len(data) + 64 * 1024


def get(path: str, data: bytes) -> tuple[Pack, list[Problem]] | None:
    """The pack and warnings that ``data`` (the bytes of the file at ``path``) loads as,
    if a good entry for them exists; else None."""
    key = content_key(data)
    try:
        secret = _secret(create=False)
        if secret is None:
            return None
        raw = read_regular(_folder() / f"{key}.json", _entry_limit(data), follow=False)
        body = _verified(raw, secret)
        if body is None:
            return None
        return _decode(body, key, path)
    except (OSError, ValueError, RecursionError):
        # The entry is missing, unreadable, foreign or damaged: reparse.
        return None


def _decode(body: bytes, key: str, path: str) -> tuple[Pack, list[Problem]] | None:
    # Like the parse, decoding makes a pack's worth of objects in no cycle: the cyclic
    # GC would only rescan them as they pile up.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        entry = json.loads(body, parse_constant=_refuse_constant)
        if type(entry) is not list or len(entry) != 2 or entry[0] != key:
            return None
        return decode(entry[1], path)
    finally:
        if was_enabled:
            gc.enable()


def put(path: str, data: bytes, pack: Pack, warnings: list[Problem]) -> None:
    """Remember what ``data`` loaded as; a folder that cannot hold it is ignored."""
    key = content_key(data)
    body = json.dumps([key, encode(pack, warnings)], ensure_ascii=False, allow_nan=False,
                      separators=(",", ":")).encode("utf-8")  # fmt: skip
    try:
        secret = _secret(create=True)
        if secret is None:
            return
        blob = _MAGIC + _mac(secret, body) + body
        if len(blob) > _entry_limit(data):
            return
        _folder().mkdir(parents=True, exist_ok=True)
        write_atomic(_folder() / f"{key}.json", blob, durable=False)
    except OSError:
        pass  # a read-only or full disk: the cache is only a saving


def _mac(secret: bytes, body: bytes) -> bytes:
    return hmac.digest(secret, body, "sha256")


def _verified(raw: bytes, secret: bytes) -> bytes | None:
    start = len(_MAGIC) + _MAC_SIZE
    if not raw.startswith(_MAGIC) or len(raw) < start:
        return None
    body = raw[start:]
    if not hmac.compare_digest(raw[len(_MAGIC) : start], _mac(secret, body)):
        return None
    return body


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number an entry holds")


def _secret(*, create: bool) -> bytes | None:
    """This user's secret for the cache folder; made (private) when ``create`` is set."""
    where = _folder() / "secret"
    known = _secrets.get(str(where))
    if known is not None:
        return known
    try:
        found = owned_by_me(where, _SECRET_SIZE)
    except OSError:
        found = b""
    if len(found) != _SECRET_SIZE:
        if not create:
            return None
        found = _new_secret(where)
    _secrets[str(where)] = found
    return found


def _new_secret(where: Path) -> bytes:
    # Written beside it and renamed over whatever is there (a stranger's file, a FIFO):
    # two processes doing this at once only cost each other's entries one miss.
    where.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_bytes(_SECRET_SIZE)
    temp = where.with_name(f"secret.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(value)
        os.replace(temp, where)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return value
