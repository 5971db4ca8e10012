"""One rule for which installed file an id means, the same in `packs list`,
`packs remove`, the pack browser's catalog and the game; symbolic links and unreadable
pack folders are shown, never silently skipped."""

from __future__ import annotations

import os
from pathlib import Path

from doubles import put_pack as put

from quiz import paths
from quiz.cli import main
from quiz.packs import load_catalog
from quiz.packs.catalog import FolderError, InstalledProblem, find_installed


def listed(capsys) -> dict[str, str]:
    """`packs list` as file name -> status."""
    assert main(["packs", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    statuses = {}
    for row, file_line in zip(lines[::2], lines[1::2], strict=True):
        statuses[Path(file_line.strip()).name] = row.split("user", 1)[-1].split("builtin")[-1]
    return statuses


def test_two_user_files_with_one_id_agree_everywhere(builtin_dir, capsys):
    user = paths.user_packs_dir()
    first = put(user, "a-copy.yaml", "dup", "Copy")
    named = put(user, "dup.yaml", "dup", "Named")
    # The file named after its id wins (packs add writes ID.yaml); the other is shown.
    catalog = load_catalog()
    assert [(p.id, p.info.title) for p in catalog.packs] == [("dup", "Named")]
    assert [f.path for f in catalog.failures] == [str(first)]
    assert str(catalog.failures[0]) == (
        f"{first}: duplicate: pack id 'dup' is already used by {named} (not loaded)"
    )
    assert isinstance(catalog.failures[0], InstalledProblem)
    assert find_installed("dup") == (named, "user")
    assert [p.info.title for p in load_catalog(["dup"]).packs] == ["Named"]
    statuses = listed(capsys)
    assert statuses["dup.yaml"].strip() == "valid"
    assert "NOT LOADED: duplicate: pack id 'dup' is already used by" in statuses["a-copy.yaml"]


def test_a_user_pack_with_a_builtin_id_is_not_loaded(builtin_dir, capsys):
    builtin = put(builtin_dir, "alpha.yaml", "alpha", "Built in")
    put(paths.user_packs_dir(), "alpha.yaml", "alpha", "Mine")
    catalog = load_catalog()
    assert [(p.id, p.origin) for p in catalog.packs] == [("alpha", "builtin")]
    assert f"already used by {builtin}" in str(catalog.failures[0])
    assert find_installed("alpha") == (builtin, "builtin")
    assert main(["packs", "list"]) == 0
    out = capsys.readouterr().out
    assert out.count("valid") == 1 and "NOT LOADED: duplicate: pack id 'alpha'" in out


def test_remove_deletes_exactly_the_file_in_use_and_names_the_rest(builtin_dir, capsys):
    user = paths.user_packs_dir()
    other = put(user, "a-copy.yaml", "dup")
    named = put(user, "dup.yaml", "dup")
    assert main(["packs", "remove", "dup"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"removed 'dup': deleted {named}",
        f"note: {other} also holds pack id 'dup' (run this again to remove it)",
    ]
    assert not named.exists() and other.exists()
    assert [p.path for p in load_catalog().packs] == [str(other)]  # now the one in use
    assert main(["packs", "remove", "dup"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"removed 'dup': deleted {other}"]
    assert main(["packs", "remove", "dup"]) == 1


def test_remove_of_a_builtin_id_deletes_only_the_user_duplicate(builtin_dir, capsys):
    builtin = put(builtin_dir, "alpha.yaml", "alpha")
    mine = put(paths.user_packs_dir(), "alpha.yaml", "alpha")
    assert main(["packs", "remove", "alpha"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"removed 'alpha': deleted {mine}"]
    assert builtin.exists()
    assert main(["packs", "remove", "alpha"]) == 1
    assert "is a built-in pack and cannot be removed" in capsys.readouterr().err


def test_a_symlink_in_the_user_folder_is_refused_like_packs_add(builtin_dir, tmp_path, capsys):
    target = put(tmp_path / "elsewhere", "linked.yaml", "linked")
    user = paths.user_packs_dir()
    user.mkdir(parents=True)
    link = user / "linked.yaml"
    link.symlink_to(target)
    catalog = load_catalog()
    assert catalog.packs == []
    assert [str(f) for f in catalog.failures] == [
        f"{link}: a symbolic link: not loaded (install the file: wdta-quiz packs add FILE)"
    ]
    assert find_installed("linked") is None
    assert main(["packs", "list"]) == 0
    assert "NOT LOADED: a symbolic link" in capsys.readouterr().out
    assert main(["packs", "remove", "linked"]) == 0  # removes the link, not its target
    assert not os.path.lexists(link) and target.exists()


def test_a_pack_folder_that_is_a_file_is_reported(builtin_dir, capsys):
    put(builtin_dir, "alpha.yaml", "alpha")
    folder = paths.user_packs_dir()
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder", encoding="utf-8")
    catalog = load_catalog()
    assert [p.id for p in catalog.packs] == ["alpha"]
    assert [str(f) for f in catalog.failures] == [
        f"cannot read the pack folder {folder}: Not a directory"
    ]
    assert main(["packs", "list"]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"wdta-quiz: cannot read the pack folder {folder}: Not a directory\n"
    assert "alpha" in captured.out


def test_an_unreadable_pack_folder_is_reported(builtin_dir, monkeypatch, capsys):
    folder = paths.user_packs_dir()
    put(folder, "beta.yaml", "beta")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == folder:  # root ignores chmod: deny the listing itself
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    catalog = load_catalog()
    assert len(catalog.failures) == 1 and isinstance(catalog.failures[0], FolderError)
    assert str(catalog.failures[0]) == f"cannot read the pack folder {folder}: Permission denied"
    assert main(["packs", "list"]) == 1
    err = capsys.readouterr().err
    assert err == f"wdta-quiz: cannot read the pack folder {folder}: Permission denied\n"
    assert main(["packs", "remove", "beta"]) == 1
    assert "cannot read the pack folder" in capsys.readouterr().err
