"""The cache of validated packs: a cache, never a trusted input.

Whatever sits where an entry should be (a FIFO, a link to a device, bytes crafted to
make a decoder allocate, a well-formed entry carrying text validation refuses, random
bytes) is a miss: the pack is parsed again and loads as it would with no cache. Loads
that could hang or eat memory on a regression run in a child process with a timeout
and an address-space limit, so they fail instead of stopping the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz import paths
from quiz.packs import cache as pack_cache
from quiz.packs import load_pack, loader
from quiz.packs.cache_codec import BadEntry, decode, encode

DATA = Path(__file__).parent / "packs_data"
GOOD = DATA / "good.yaml"
PACK = "format: 1\npack: one\ntitle: T\nquestions:\n  - {prompt: A?, answer: ANSWER, wrong: [b]}\n"
# The child's whole address space: a bound on what a regression can take from the
# machine, yet room for a 2 GiB allocation to succeed and show in the traced peak (a
# MemoryError would be caught by a loader that swallows everything, and go unseen).
CHILD_MEMORY = 3 * 1024 * 1024 * 1024
CHILD = textwrap.dedent(
    """
    import json, resource, sys, tracemalloc
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    from quiz.packs import load_pack
    tracemalloc.start()
    pack = load_pack(sys.argv[1])
    peak = tracemalloc.get_traced_memory()[1]
    print(json.dumps({{"answers": [q.answer for q in pack.questions], "peak": peak}}))
    """
)


def make_pack(folder: Path, answer: str = "a") -> Path:
    path = folder / "one.yaml"
    path.write_text(PACK.replace("ANSWER", answer), encoding="utf-8")
    return path


def entries() -> list[Path]:
    """The entry files the cache holds (not its secret)."""
    folder = paths.cache_dir() / "packs"
    return [entry for entry in folder.iterdir() if entry.name != "secret"]


def load_in_child(path: Path) -> dict[str, object]:
    """Load ``path`` in a child with bounded memory; a hang fails on the timeout."""
    code = CHILD.format(limit=CHILD_MEMORY)
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def replace_entries(make: object) -> None:
    """Put ``make(entry)``'s thing where every cache entry is, after a cold load."""
    found = entries()
    assert found
    for entry in found:
        entry.unlink()
        make(entry)  # type: ignore[operator]


def assert_rewritten() -> None:
    """The miss rewrote the entry: a regular file again."""
    found = entries()
    assert found and all(entry.is_file() and not entry.is_symlink() for entry in found)


# -- what the cache is keyed by ------------------------------------------------------


def test_cache_hit_returns_an_equal_pack(tmp_path):
    path = tmp_path / "good.yaml"
    shutil.copy(GOOD, path)
    first = load_pack(path)
    assert len(entries()) == 1
    second = load_pack(path)
    assert second == first and second is not first


def test_cache_is_used_and_invalidated_by_changes(tmp_path, monkeypatch):
    path = make_pack(tmp_path)
    load_pack(path)
    calls = []
    real_parse = loader._parse
    monkeypatch.setattr(loader, "_parse", lambda p, data: calls.append(p) or real_parse(p, data))
    load_pack(path)
    assert calls == []  # served from the cache
    path.write_text(path.read_text().replace("title: T", "title: Changed"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert load_pack(path).info.title == "Changed"
    assert calls == [str(path)]


def test_an_edit_that_keeps_size_and_mtime_serves_the_new_content(tmp_path):
    # cp -p, tar and rsync -t restore the time; the same length keeps the size.
    path = make_pack(tmp_path, "old")
    assert load_pack(path).questions[0].answer == "old"
    before = os.stat(path)
    make_pack(tmp_path, "new")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    assert load_pack(path).questions[0].answer == "new"


def test_cache_round_trips_every_fact_kind(tmp_path):
    path = tmp_path / "good.yaml"
    shutil.copy(GOOD, path)
    pack = load_pack(path)
    data = path.read_bytes()
    pack_cache.put(str(path), data, pack, [])
    cached, warnings = pack_cache.get(str(path), data)
    assert cached == pack and warnings == []


def test_corrupt_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    path = make_pack(tmp_path)
    load_pack(path)
    for entry in entries():
        entry.write_bytes(b"\x00garbage")
    assert load_pack(path).id == "one"
    # A cache folder that cannot be created: the pack still loads.
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocker / "cache")
    assert load_pack(path).id == "one"


FIXTURE = HealthCheck.function_scoped_fixture  # each example clears the cache it shares


# -- what may sit where an entry should be -------------------------------------------


def test_a_fifo_as_the_entry_does_not_hang(tmp_path):
    path = make_pack(tmp_path)
    load_pack(path)
    replace_entries(os.mkfifo)
    assert load_in_child(path)["answers"] == ["a"]
    assert_rewritten()


def test_dev_zero_linked_as_the_entry_is_not_read(tmp_path):
    path = make_pack(tmp_path)
    load_pack(path)
    replace_entries(lambda entry: entry.symlink_to("/dev/zero"))
    result = load_in_child(path)
    assert result["answers"] == ["a"]
    assert result["peak"] < 64 * 1024 * 1024  # parsing a tiny pack, not reading a device
    assert_rewritten()


def test_a_tiny_entry_cannot_make_the_loader_allocate_gigabytes(tmp_path):
    path = make_pack(tmp_path)
    load_pack(path)
    # A marshal list of 2**28 items: 5 bytes that asked the old loader for 2 GiB.
    replace_entries(lambda entry: entry.write_bytes(b"[\xff\xff\xff\x0f"))
    result = load_in_child(path)
    assert result["answers"] == ["a"]
    assert result["peak"] < 64 * 1024 * 1024


def forge(path: Path, answer: object, *, signed: bool) -> None:
    """Write the entry for ``path``'s bytes as a pack whose answer is ``answer``,
    signed with this user's secret (as only the program itself can) or with another."""
    data = path.read_bytes()
    payload = encode(load_pack(path), [])
    payload[3][0][2] = answer  # the hand question's answer
    key = pack_cache.content_key(data)
    body = json.dumps([key, payload]).encode()
    secret = pack_cache._secret(create=True) if signed else b"x" * 32
    assert secret is not None
    entry = paths.cache_dir() / "packs" / f"{key}.json"
    entry.write_bytes(pack_cache._MAGIC + pack_cache._mac(secret, body) + body)


def test_an_entry_not_written_by_this_program_is_not_served(tmp_path):
    path = make_pack(tmp_path, "right")
    forge(path, "wrong", signed=False)
    assert load_pack(path).questions[0].answer == "right"


@pytest.mark.parametrize(
    "answer",
    ["\x1b]0;owned\x07right", "right\x1b[2J", " right", "a\nb", "\u202eright"],
)
def test_an_entry_with_text_validation_refuses_is_not_served(tmp_path, answer):
    # Even signed with the secret (a bug in put, a stolen secret), text cleaning would
    # change is refused on the way out, and the pack is parsed again.
    path = make_pack(tmp_path, "right")
    forge(path, answer, signed=True)
    assert load_pack(path).questions[0].answer == "right"


def test_a_signed_entry_of_the_wrong_types_is_a_miss(tmp_path):
    path = make_pack(tmp_path, "right")
    pack = load_pack(path)
    for bad in ([1, 2], {"a": 1}, None, True, 2**70, 1.5):
        payload = encode(pack, [])
        payload[3][0][2] = bad
        with pytest.raises(BadEntry):
            decode(payload, str(path))
        forge(path, bad, signed=True)
        assert load_pack(path).questions[0].answer == "right"


def test_a_secret_others_can_read_is_not_used(tmp_path):
    path = make_pack(tmp_path)
    load_pack(path)
    secret = paths.cache_dir() / "packs" / "secret"
    secret.chmod(0o644)
    pack_cache._secrets.clear()
    assert pack_cache.get(str(path), path.read_bytes()) is None
    load_pack(path)  # makes a new private secret and entry
    pack_cache._secrets.clear()
    assert secret.stat().st_mode & 0o077 == 0
    assert pack_cache.get(str(path), path.read_bytes()) is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[FIXTURE])
@given(junk=st.binary(max_size=300))
def test_random_bytes_as_the_entry_load_as_a_cold_load(tmp_path, junk):
    path = tmp_path / "good.yaml"
    shutil.copy(GOOD, path)
    shutil.rmtree(paths.cache_dir(), ignore_errors=True)
    cold = load_pack(path)
    for entry in entries():
        entry.write_bytes(junk)
    assert load_pack(path) == cold


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[FIXTURE])
@given(junk=JSON, where=st.integers(min_value=0, max_value=5))
def test_signed_garbage_in_any_part_of_an_entry_never_crashes_a_load(tmp_path, junk, where):
    # Past the signature, every value is still checked: garbage anywhere is a miss.
    path = tmp_path / "good.yaml"
    shutil.copy(GOOD, path)
    shutil.rmtree(paths.cache_dir(), ignore_errors=True)  # an earlier example's entry
    cold = load_pack(path)
    payload = encode(cold, [])
    payload[where] = junk
    data = path.read_bytes()
    key = pack_cache.content_key(data)
    body = json.dumps([key, payload]).encode()
    secret = pack_cache._secret(create=True)
    assert secret is not None
    entry = paths.cache_dir() / "packs" / f"{key}.json"
    entry.write_bytes(pack_cache._MAGIC + pack_cache._mac(secret, body) + body)
    try:
        decode(payload, str(path))
    except BadEntry:
        assert load_pack(path) == cold
    else:
        load_pack(path)
