"""The config file: defaults, round trip, broken files kept aside, atomic saves."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz import config as config_module
from quiz import files as files_module
from quiz import paths
from quiz.config import Config, ConfigError, load_config, save_config, set_pack_enabled

FIXED = datetime(2024, 5, 24, 12, 30, 5, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED


def test_missing_file_gives_defaults():
    assert not paths.config_path().exists()
    assert load_config() == Config()
    assert load_config().theme is None
    assert load_config().disabled_packs == frozenset()


def test_round_trip(isolated_home):
    saved = Config(disabled_packs=frozenset({"b-pack", "a-pack"}), theme="gruvbox")
    written = save_config(saved)
    assert written == paths.config_path()
    assert written.parent == isolated_home
    assert load_config() == saved
    on_disk = json.loads(written.read_text(encoding="utf-8"))
    assert on_disk == {"disabled_packs": ["a-pack", "b-pack"], "theme": "gruvbox"}


def test_explicit_path(tmp_path):
    target = tmp_path / "nested" / "cfg.json"
    save_config(Config(theme="nord"), target)
    assert load_config(target).theme == "nord"
    assert not paths.config_path().exists()


def test_toggle_helpers():
    config = Config().with_pack("wdta", enabled=False)
    assert not config.is_enabled("wdta")
    assert config.with_pack("wdta", enabled=True).is_enabled("wdta")
    assert set_pack_enabled("mine", False).disabled_packs == {"mine"}
    assert load_config().disabled_packs == {"mine"}
    assert set_pack_enabled("mine", True) == Config()
    assert load_config() == Config()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[1, 2, 3]",
        b'"just a string"',
        b"\xff\xfe\x00garbage",
        b"",
        b"[" * 100_000,
    ],
    ids=["syntax", "list", "string", "not-utf8", "empty", "deep"],
)
def test_broken_file_gives_defaults_and_is_kept_aside(content):
    path = paths.config_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert load_config() == Config()
    assert path.read_bytes() == content  # reading never touches the file

    save_config(Config(theme="nord"), clock=fixed_clock)
    aside = path.with_name("config.json.broken-20240524T123005Z")
    assert aside.read_bytes() == content
    assert load_config() == Config(theme="nord")


def test_oversized_file_is_broken():
    path = paths.config_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "x" * config_module.MAX_CONFIG_BYTES}))
    assert load_config() == Config()


def test_second_broken_file_does_not_overwrite_the_first():
    path = paths.config_path()
    path.parent.mkdir(parents=True)
    path.write_text("first {")
    save_config(Config(), clock=fixed_clock)
    path.write_text("second {")
    save_config(Config(), clock=fixed_clock)
    kept = sorted(p.read_text() for p in path.parent.glob("config.json.broken-*"))
    assert kept == ["first {", "second {"]


def test_wrong_field_types_fall_back_per_field():
    path = paths.config_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"disabled_packs": ["ok", 3, None], "theme": 7}))
    assert load_config() == Config(disabled_packs=frozenset({"ok"}))
    path.write_text(json.dumps({"disabled_packs": "wdta", "theme": "nord"}))
    assert load_config() == Config(theme="nord")


def test_unknown_keys_are_kept_on_save():
    path = paths.config_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"future_setting": {"a": 1}, "theme": "nord"}))
    save_config(load_config().with_pack("wdta", enabled=False))
    data = json.loads(path.read_text())
    assert data["future_setting"] == {"a": 1}
    assert data["disabled_packs"] == ["wdta"]
    assert data["theme"] == "nord"
    assert not list(path.parent.glob("config.json.broken-*"))


def test_save_is_atomic_when_writing_fails(monkeypatch):
    path = paths.config_path()
    save_config(Config(theme="before"))
    before = path.read_bytes()

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files_module.os, "replace", failing_replace)
    with pytest.raises(ConfigError, match="No space left on device") as raised:
        save_config(Config(theme="after"))
    assert str(path) in str(raised.value)
    # The old file is intact and no temporary file is left behind.
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.json"]


def test_save_writes_through_a_rename(monkeypatch):
    """The new content reaches config.json only by os.replace of a finished file."""
    calls = []
    real_replace = os.replace

    def spying_replace(src, dst):
        calls.append((os.fspath(src), os.fspath(dst), open(src, encoding="utf-8").read()))
        real_replace(src, dst)

    monkeypatch.setattr(files_module.os, "replace", spying_replace)
    save_config(Config(theme="nord"))
    [(src, dst, text)] = calls
    assert dst == os.fspath(paths.config_path())
    assert os.path.dirname(src) == os.path.dirname(dst)
    assert json.loads(text)["theme"] == "nord"


def test_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match="cannot save the config"):
        save_config(Config(), blocker / "config.json")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_load_as_a_config(content):
    path = paths.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert isinstance(load_config(), Config)


@settings(max_examples=40, deadline=None)
@given(
    st.frozensets(st.text(min_size=1, max_size=20), max_size=5),
    st.none() | st.text(min_size=1, max_size=20),
)
def test_round_trip_any_values(disabled, theme):
    config = Config(disabled_packs=disabled, theme=theme)
    save_config(config)
    assert load_config() == config


def test_a_fifo_as_config_gives_defaults_without_hanging(isolated_home):
    """A FIFO named config.json: `packs list` (which reads the config) must not wait for a
    writer. Run as a subprocess so today's hang shows as a failure, not a stuck suite."""
    import subprocess
    import sys

    isolated_home.mkdir(parents=True, exist_ok=True)
    os.mkfifo(paths.config_path())
    environment = {**os.environ, "WDTA_QUIZ_HOME": str(isolated_home)}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "quiz", "packs", "list"],
            capture_output=True, text=True, env=environment, timeout=60, check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading a FIFO config.json hung")
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout
    assert load_config() == Config()

