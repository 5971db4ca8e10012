"""Hostile packs: each is refused with one clear message naming the file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs import PackError, load_pack, yamlsafe

HEAD = "format: 1\npack: t\ntitle: T\n"
QUESTION = "questions:\n  - {prompt: A?, answer: a, wrong: [b]}\n"


def refusal(tmp_path: Path, data: str | bytes) -> list[str]:
    path = tmp_path / "hostile.yaml"
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    with pytest.raises(PackError) as info:
        load_pack(path)
    return [str(p).replace(str(path), "P") for p in info.value.problems]


def test_malformed_yaml(tmp_path):
    assert refusal(tmp_path, HEAD + "questions: [a, b\nnext: 1\n") == [
        "P:5:5: invalid YAML: did not find expected ',' or ']'"
        " (while parsing a flow sequence started on line 4)"
    ]


def test_python_tags_are_refused(tmp_path):
    text = HEAD + (
        "questions:\n"
        "  - prompt: !!python/object/apply:os.system [echo hi]\n"
        "    answer: !foo a\n"
        "    wrong: !!set {b: null}\n"
    )
    assert refusal(tmp_path, text) == [
        "P:5:13: the tag '!!python/object/apply:os.system' is not allowed",
        "P:6:13: the tag '!foo' is not allowed",
        "P:7:12: the tag '!!set' is not allowed",
    ]
    text = HEAD + "description: !!python/name:os.system\n"
    assert refusal(tmp_path, text) == ["P:4:14: the tag '!!python/name:os.system' is not allowed"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("x: &a [1]\n", "P:4:4: anchors (&name) are not allowed"),
        ("x: *a\n", "P:4:4: aliases (*name) are not allowed"),
    ],
)
def test_anchors_and_aliases_are_refused(tmp_path, body, expected):
    assert refusal(tmp_path, HEAD + body) == [expected]


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    problems = refusal(tmp_path, HEAD + "\n".join(lines) + "\n")
    assert problems == ["P:4:5: anchors (&name) are not allowed"]


def test_merge_keys_are_refused(tmp_path):
    text = HEAD + "questions:\n  - {<<: {prompt: A?}, answer: a, wrong: [b]}\n"
    assert "P:5:6: merge keys (<<) are not allowed" in refusal(tmp_path, text)


def test_duplicate_keys_name_both_lines(tmp_path):
    assert refusal(tmp_path, HEAD + "title: U\n" + QUESTION) == [
        "P:4:1: duplicate key 'title' on lines 3 and 4"
    ]


def nested(depth: int) -> str:
    """A pack whose deepest collection is ``depth`` levels down (the top mapping is 1)."""
    inner = depth - 1
    return HEAD + "extra: " + "[" * inner + "]" * inner + "\n" + QUESTION


def test_depth_64_passes_the_depth_check_and_65_does_not(tmp_path):
    at_limit = refusal(tmp_path, nested(64))
    assert at_limit == ["P:4:1: unknown key 'extra'"]
    assert refusal(tmp_path, nested(65)) == ["P:4:71: nesting deeper than 64 levels"]


def test_deep_block_nesting_is_refused(tmp_path):
    text = HEAD + "extra:\n" + "".join("  " * i + "- \n" for i in range(70))
    assert refusal(tmp_path, text)[0].endswith("nesting deeper than 64 levels")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        "- " * 100_000 + "x",
        "{a: " * 50_000 + "}" * 50_000,
        # Brackets hidden in a quoted scalar must not lower the depth bound.
        "[" * 50 + ' "\n' + "]" * 60 + '\n", ' + "[" * 100_000 + "]" * 100_050,
    ],
    ids=["flow", "block", "mappings", "hidden-in-quotes"],
)
def test_very_deep_nesting_does_not_crash(tmp_path, text):
    # Run in a child process: if the C composer were reached, it would crash it.
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    code = (
        "import sys\nfrom quiz.packs import load_pack, PackError\n"
        "try:\n    load_pack(sys.argv[1])\nexcept PackError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "nesting deeper than 64 levels" in result.stdout


def test_depth_bound_never_below_the_real_depth():
    cases = {
        "a: [[[ ']]]', x]]]\n": 4,
        'a: [x, "]]]\n]]]\n", [[[]]]]\n': 5,
        "a: [ # ]]]\n [[[]]]]\n": 5,
        "- - - - x\n": 4,
    }
    for text, depth in cases.items():
        assert yamlsafe.depth_bound(text) >= depth, text


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(33 * 1024 * 1024)
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or None)
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert str(info.value) == f"{path}: file is 33.0 MiB; packs are limited to 32 MiB"
    assert not [a for a in opened if str(a[0]) == str(path)]


def test_invalid_utf8_names_line_and_column(tmp_path):
    data = (HEAD + "description: caf").encode() + b"\xe9 au lait\n"
    assert refusal(tmp_path, data) == ["P:4:17: invalid UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_raw_control_characters_are_refused_with_their_place(tmp_path):
    assert refusal(tmp_path, HEAD + "description: a\x1b]52;c;eA==\x07\n") == [
        "P:4:15: character U+001B is not allowed (control characters are not allowed)"
    ]


def test_not_a_file(tmp_path):
    assert refusal_path(tmp_path) == [f"{tmp_path}: not a regular file"]
    missing = tmp_path / "missing.yaml"
    with pytest.raises(PackError) as info:
        load_pack(missing)
    assert str(info.value).startswith(f"{missing}: cannot read the file")


def refusal_path(path: Path) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(path)
    return [str(p) for p in info.value.problems]


def test_wrong_top_level_types(tmp_path):
    assert refusal(tmp_path, "") == ["P:1:1: the file is empty"]
    assert refusal(tmp_path, "- a\n") == [
        "P:1:1: a pack must be a mapping (key: value lines), not a list"
    ]
    assert refusal(tmp_path, "just text") == [
        "P:1:1: a pack must be a mapping (key: value lines), not 'just text'"
    ]


_settings = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@_settings
@given(st.text(st.sampled_from("ab:-[]{}&*!#'\"\n |>?,<%@`\t\x1b\u2028")) | st.text())
def test_random_text_only_raises_pack_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "p.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_pack(path)
    except PackError:
        pass


@_settings
@given(st.binary(max_size=300))
def test_random_bytes_only_raise_pack_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "p.yaml"
    path.write_bytes(data)
    try:
        load_pack(path)
    except PackError:
        pass


@_settings
@given(
    st.lists(
        st.sampled_from(
            [
                HEAD,
                QUESTION,
                "  - ",
                "[",
                "]",
                "{a: ",
                "}",
                "'",
                '"',
                "\n",
                "#",
                "x: ",
                "&a ",
                "*a",
                "!!str ",
                "<<: ",
                "- ",
            ]
        ),
        max_size=40,
    )
)
def test_random_pack_fragments_only_raise_pack_error(tmp_path_factory, parts):
    path = tmp_path_factory.mktemp("fuzz") / "p.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    try:
        load_pack(path)
    except PackError:
        pass


def _real_depth(text: str) -> int | None:
    """The exact nesting depth of ``text`` from parser events, or None if it is not YAML."""
    import yaml

    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    return deepest


_FRAGMENTS = ["[", "]", "{", "}", ", ", "a", "b: ", "- ", "? ", '"', "'", "\n", "\n  ", " ",
              "#", "!t ", "\\", "''", '\\"', "|\n", ":", "x'y", '"]"', "']'", "\r"]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30))
def test_depth_bound_is_conservative_on_random_yaml(parts):
    text = "".join(parts)
    real = _real_depth(text)
    if real is not None:
        assert yamlsafe.depth_bound(text) >= real, repr(text)


def test_libyaml_depth_refusal_is_said_in_our_words():
    # libyaml 0.2.5+ (PyYAML 6.0.4) may refuse deep nesting before our own check does;
    # whichever layer refuses, the player reads the place and the same reason.
    mark = yaml.error.Mark("P", 0, 3, 70, None, None)
    error = yaml.scanner.ScannerError(
        "while increasing flow level", mark, "exceeded maximum nesting depth", mark
    )
    problem = yamlsafe._yaml_error("P", "text", error).problems[0]
    assert str(problem) == "P:4:71: nesting deeper than 64 levels"
