"""A pack's optional ``attribution``: where its content came from and under which
licence; validated at its lines, cleaned like all pack text, cached, written back,
and shown by ``packs list``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz import paths
from quiz.cli import main
from quiz.facts import Attribution
from quiz.packs import cache as pack_cache
from quiz.packs import check_pack, load_pack
from quiz.packs.schema import build_schema

HEAD = "format: 1\npack: attr\ntitle: Attributed\n"
QUESTIONS = "questions:\n  - {prompt: A?, answer: a, wrong: [b]}\n"
FULL = (
    "attribution:\n"
    "  title: \"Some Song (song)\"\n"
    "  url: https://en.wikipedia.org/wiki/Some_Song\n"
    "  revision: 1234567890\n"
    "  licence: CC BY-SA 4.0\n"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "attr.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_attribution_loads_cleaned(tmp_path):
    text = FULL.replace("Some Song (song)", "Some\\u200b Song\\x07 (song)  ")
    pack, problems = check_pack(write(tmp_path, HEAD + text + QUESTIONS))
    assert problems == [] and pack is not None
    assert pack.info.attribution == Attribution(
        "Some Song (song)", "https://en.wikipedia.org/wiki/Some_Song", "1234567890",
        "CC BY-SA 4.0",
    )  # fmt: skip


@pytest.mark.parametrize("block", ["attribution: null\n", "attribution: {}\n"])
def test_an_empty_attribution_is_none(tmp_path, block):
    assert load_pack(write(tmp_path, HEAD + block + QUESTIONS)).info.attribution is None


def test_every_key_is_optional(tmp_path):
    pack = load_pack(write(tmp_path, HEAD + "attribution: {licence: CC0}\n" + QUESTIONS))
    assert pack.info.attribution == Attribution(licence="CC0")


@pytest.mark.parametrize(
    ("block", "where", "message"),
    [
        ("attribution:\n  title: x\n  licnce: CC0\n", (6, 3),
         "unknown key 'licnce' (did you mean 'licence'?)"),
        ("attribution:\n  url: javascript:alert(1)\n", (5, 8),
         "'url' must be a web address starting with https:// (not 'javascript:alert(1)')"),
        ("attribution:\n  title: [a, b]\n", (5, 10), "'title' must be text"),
        ("attribution: CC BY-SA\n", (4, 14),
         "'attribution' must be a mapping (key: value lines), not 'CC BY-SA'"),
    ],
)
def test_mistakes_are_reported_at_their_line(tmp_path, block, where, message):
    path = write(tmp_path, HEAD + block + QUESTIONS)
    pack, problems = check_pack(path)
    assert pack is None
    assert [(p.line, p.column) for p in problems] == [where]
    assert problems[0].message.startswith(message)


def test_the_cache_keeps_it(tmp_path):
    path = write(tmp_path, HEAD + FULL + QUESTIONS)
    pack = load_pack(path)
    data = path.read_bytes()
    pack_cache.put(str(path), data, pack, [])
    cached, _ = pack_cache.get(str(path), data)
    assert cached == pack and cached.info.attribution is not None


def test_export_to_yaml_keeps_it(tmp_path, capsys):
    path = write(tmp_path, HEAD + FULL + QUESTIONS)
    out = tmp_path / "out.yaml"
    assert main(["packs", "export", str(path), "--to", "yaml", "-o", str(out)]) == 0
    assert load_pack(out).info == load_pack(path).info


def test_the_schema_knows_it():
    properties = build_schema()["properties"]
    block = properties["attribution"]["anyOf"][0]
    assert set(block["properties"]) == {"title", "url", "revision", "licence"}
    shipped = json.loads((Path(__file__).parents[2] / "quiz/packs/schema.json").read_text())
    assert shipped["properties"]["attribution"] == properties["attribution"]


def test_packs_list_names_the_source_and_licence(tmp_path, capsys):
    path = write(tmp_path, HEAD + FULL + QUESTIONS)
    assert main(["packs", "add", str(path)]) == 0
    capsys.readouterr()
    assert main(["packs", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(f"  {paths.user_packs_dir() / 'attr.yaml'}")
    assert lines[at + 1] == (
        "  Source: Some Song (song) (revision 1234567890), "
        "https://en.wikipedia.org/wiki/Some_Song; licence: CC BY-SA 4.0"
    )


@pytest.mark.parametrize(
    ("attribution", "line"),
    [
        (Attribution(), ""),
        (Attribution(licence="CC0"), "licence: CC0"),
        (Attribution(title="T", revision="7"), "Source: T (revision 7)"),
        (Attribution(url="https://x.org", revision="7"), "Source: revision 7, https://x.org"),
    ],
)
def test_the_credit_line_says_what_it_has(attribution, line):
    assert attribution.credit() == line
