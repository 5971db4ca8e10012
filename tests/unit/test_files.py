"""Atomic writes and moving broken files aside (quiz.files)."""

from __future__ import annotations

import os
import stat

import pytest

from quiz import files
from quiz.files import move_aside, write_atomic


def test_write_atomic_replaces_the_file_and_leaves_nothing_else(tmp_path):
    path = tmp_path / "data.json"
    path.write_text("old")
    write_atomic(path, "new ☃")
    write_atomic(tmp_path / "blob", b"\x00\x01", durable=False)
    assert path.read_text(encoding="utf-8") == "new ☃"
    assert (tmp_path / "blob").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blob", "data.json"]


def test_a_failed_write_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "data.json"
    path.write_text("old")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_written_files_get_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "pack.yaml", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "pack.yaml").stat().st_mode) == 0o644


def test_move_aside_never_renames_over_another_file(tmp_path):
    path = tmp_path / "scores.db"
    for content in ("first", "second", "third"):
        path.write_text(content)
        (tmp_path / "scores.db-wal").write_text(f"{content} wal")
        move_aside(path, "corrupt-1", companions=("-wal", "-shm"))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "scores.db.corrupt-1",
        "scores.db.corrupt-1-1",
        "scores.db.corrupt-1-1-wal",
        "scores.db.corrupt-1-2",
        "scores.db.corrupt-1-2-wal",
        "scores.db.corrupt-1-wal",
    ]
    assert (tmp_path / "scores.db.corrupt-1-2-wal").read_text() == "third wal"
    assert (tmp_path / "scores.db.corrupt-1").read_text() == "first"
