"""The catalog of packs (the cache of validated packs: test_pack_cache)."""

from __future__ import annotations

import json
from pathlib import Path

from quiz import paths
from quiz.packs import PackError, load_catalog

DATA = Path(__file__).parent / "packs_data"
GOOD = DATA / "good.yaml"


def make_pack(folder: Path, pack_id: str, title: str = "T") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{pack_id}.yaml"
    path.write_text(
        f"format: 1\npack: {pack_id}\ntitle: {title}\n"
        "questions:\n  - {prompt: A?, answer: a, wrong: [b]}\n",
        encoding="utf-8",
    )
    return path



def test_catalog_loads_builtin_and_user_packs(builtin_dir):
    make_pack(builtin_dir, "alpha")
    make_pack(paths.user_packs_dir(), "beta")
    catalog = load_catalog()
    assert [(p.id, p.origin) for p in catalog.packs] == [("alpha", "builtin"), ("beta", "user")]
    assert catalog.failures == []


def test_one_broken_pack_never_stops_the_others(builtin_dir):
    make_pack(builtin_dir, "alpha")
    (builtin_dir / "broken.yaml").write_text("format: 1\npack: [\n", encoding="utf-8")
    make_pack(paths.user_packs_dir(), "beta")
    (paths.user_packs_dir() / "deep.yaml").write_text("x: " + "[" * 5000, encoding="utf-8")
    catalog = load_catalog()
    assert [p.id for p in catalog.packs] == ["alpha", "beta"]
    failed = sorted(Path(f.path).name for f in catalog.failures)
    assert failed == ["broken.yaml", "deep.yaml"]
    assert all(isinstance(f, PackError) and f.problems for f in catalog.failures)


def test_disabled_packs_are_skipped_and_broken_config_ignored(builtin_dir):
    make_pack(builtin_dir, "alpha")
    make_pack(paths.user_packs_dir(), "beta")
    config = paths.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"disabled_packs": ["alpha"]}), encoding="utf-8")
    assert [p.id for p in load_catalog().packs] == ["beta"]
    # The pack browser still lists it, to switch it back on.
    assert [p.id for p in load_catalog(include_disabled=True).packs] == ["alpha", "beta"]
    config.write_text("{not json", encoding="utf-8")
    assert [p.id for p in load_catalog().packs] == ["alpha", "beta"]
    config.write_text("[1, 2]", encoding="utf-8")
    assert [p.id for p in load_catalog().packs] == ["alpha", "beta"]


def test_selectors_pick_ids_and_paths(builtin_dir, tmp_path):
    make_pack(builtin_dir, "alpha")
    make_pack(paths.user_packs_dir(), "beta")
    config = paths.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"disabled_packs": ["alpha"]}), encoding="utf-8")
    catalog = load_catalog(["alpha", str(GOOD), "nope", str(tmp_path / "missing.yaml")])
    assert [(p.id, p.origin) for p in catalog.packs] == [("alpha", "builtin"), ("sample", "file")]
    assert [str(f) for f in catalog.failures] == [
        "nope: no installed pack with id 'nope' (see: wdta-quiz packs list)",
        f"{tmp_path / 'missing.yaml'}: no such file",
    ]
    assert all(f.problems[0].line == 0 for f in catalog.failures)


def test_an_installed_pack_found_by_id_inside_the_file(builtin_dir):
    path = make_pack(builtin_dir, "gamma")
    path.rename(builtin_dir / "some-file-name.yaml")
    assert [p.id for p in load_catalog(["gamma"]).packs] == ["gamma"]


def test_duplicate_ids_in_the_catalog_fail_the_second(builtin_dir):
    make_pack(builtin_dir, "alpha")
    user = make_pack(paths.user_packs_dir(), "other")
    user.write_text(user.read_text().replace("pack: other", "pack: alpha"), encoding="utf-8")
    catalog = load_catalog()
    assert [p.id for p in catalog.packs] == ["alpha"]
    assert "pack id 'alpha' is already used by" in str(catalog.failures[0])
