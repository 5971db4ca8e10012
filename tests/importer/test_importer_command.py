"""`wdta-quiz packs import --from article|wikitext FILE [-o OUT]` as an author runs it."""

from __future__ import annotations

import json

import pytest
from importer_fixtures import FIXTURES

from quiz.cli import main
from quiz.commands.article_import import review_path


@pytest.mark.parametrize("name", ["plain", "wiki"])
def test_import_writes_a_pack_that_validates_and_its_review(name, tmp_path, capsys):
    path, form = FIXTURES[name]
    out = tmp_path / "song.yaml"
    assert main(["packs", "import", "--from", form, str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("wrote '") and " facts, " in said and f"to {out}" in said
    review = tmp_path / "song.review.txt"
    assert f"to review in {review}" in said
    assert review.read_text(encoding="utf-8").count("\nline ") >= 10
    assert main(["packs", "validate", str(out)]) == 0
    checked = capsys.readouterr().out
    assert "0 errors, 0 warnings" in checked
    assert main(["questions", "--pack", str(out), "--all", "--format", "json"]) == 0
    questions = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(questions) >= 60


def test_import_without_output_installs_and_prints_the_review(capsys):
    path, form = FIXTURES["plain"]
    assert main(["packs", "import", "--from", form, str(path)]) == 0
    said = capsys.readouterr().out
    assert "installed 'glass-orchard-lights'" in said
    assert "line 69: Portugal (AFP) (weekly 2021): blank position: left out" in said
    assert main(["packs", "list"]) == 0
    assert "glass-orchard-lights" in capsys.readouterr().out


def test_id_title_and_author_options_apply(tmp_path, capsys):
    path, form = FIXTURES["wiki"]
    out = tmp_path / "qh.yaml"
    assert main(["packs", "import", "--from", form, str(path), "-o", str(out), "--id", "harbour",
                 "--title", "Harbour quiz", "--author", "Ana"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "\npack: harbour\n" in text and "\ntitle: Harbour quiz\n" in text
    assert "\nauthor: Ana\n" in text


def test_a_file_that_is_no_article_is_refused(tmp_path, capsys):
    other = tmp_path / "notes.txt"
    other.write_text("shopping: eggs, milk\n", encoding="utf-8")
    assert main(["packs", "import", "--from", "article", str(other), "-o",
                 str(tmp_path / "x.yaml")]) == 1
    assert "no facts found" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_review_path_sits_beside_the_pack(tmp_path):
    assert review_path(tmp_path / "a.yaml") == tmp_path / "a.review.txt"
    assert review_path(tmp_path / "a") == tmp_path / "a.review.txt"
