"""The examples in docs/packs.md are valid: the pack loads, the import samples import."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.facts import KINDS
from quiz.packs import check_pack
from quiz.packs.convert import from_csv, from_opentdb

DOC = (Path(__file__).resolve().parents[2] / "docs" / "packs.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", DOC, re.S)


def test_complete_example_validates_without_warnings(tmp_path):
    example = next(b for b in blocks("yaml") if "format: 1" in b)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    pack, problems = check_pack(path)
    assert problems == [] and pack is not None
    assert {type(f).__name__ for f in pack.facts} >= {"Attribute", "ChartEntry", "Award"}
    # 14: three quotes and three awards, since each is asked among the others (one
    # alone yields nothing).
    assert len(pack.facts) == 14 and len(pack.questions) == 2


def test_import_samples_import():
    (opentdb,) = blocks("json")
    questions = from_opentdb("doc.json", opentdb)
    assert [q["answer"] for q in questions] == ["Selena Gomez", "True"]
    (csv_text,) = blocks("csv")
    assert from_csv("doc.csv", csv_text)[0]["wrong"] == ["Hype Williams", "Director X"]


def test_default_categories_are_the_registry_ones():
    row = next(line for line in DOC.splitlines() if line.startswith("| `category` | no |"))
    said = {}
    for part in row.split("default by kind: ")[1].split(", "):
        kinds, category = part.split(" *")
        for kind in kinds.split("/"):
            said[kind] = category.split("*")[0]
    assert said == {name: kind.category for name, kind in KINDS.items()}
