"""Lint warnings from check_pack (the pack still loads)."""

from __future__ import annotations

from pathlib import Path

from quiz.packs import check_pack, load_pack

HEAD = "format: 1\npack: t\ntitle: T\n"


def warnings_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "p.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    load_pack(path)  # warnings never stop a pack from loading
    pack, problems = check_pack(path)
    assert pack is not None and all(p.severity == "warning" for p in problems)
    return [str(p).replace(str(path), "P") for p in problems]


def test_answer_always_longest_is_a_giveaway(tmp_path):
    questions = (
        "".join(
            f"  - {{prompt: {word}?, answer: The long right answer {i}, wrong: [no, nope]}}\n"
            for i, word in enumerate(["Who", "Which label", "In what year", "How many weeks"])
        )
        + "  - {prompt: Last one?, answer: a, wrong: [bbb, cc]}\n"
    )
    assert warnings_of(tmp_path, "questions:\n" + questions) == [
        "P:5:5: the answer is the longest option in 4 of 5 questions (80%): easy to guess"
    ]
    few = "questions:\n" + "".join(questions.splitlines(keepends=True)[:3])
    assert warnings_of(tmp_path, few) == []


def test_near_duplicate_prompts_name_the_other_question(tmp_path):
    text = (
        "questions:\n"
        "  - {prompt: Which label released the song?, answer: a, wrong: [b]}\n"
        "  - {prompt: Which label released the song ?, answer: a, wrong: [c]}\n"
        "  - {prompt: which label  released the song?, answer: a, wrong: [d]}\n"
        "  - {prompt: Who directed the video?, answer: a, wrong: [b]}\n"
    )
    assert warnings_of(tmp_path, text) == [
        "P:6:5: a prompt very like the question on line 5",
        "P:7:5: the same prompt as the question on line 5",
    ]


def test_too_long_for_80_columns(tmp_path):
    prompt = "Why " + "x" * 200 + "?"
    option = "o" * 61
    text = f"questions:\n  - {{prompt: {prompt}, answer: a, wrong: [{option}]}}\n"
    assert warnings_of(tmp_path, text) == [
        "P:5:5: the prompt is 205 characters long (over 200: it will not fit an 80-column screen)",
        f"P:5:5: the option '{'o' * 29}…' is 61 long (over 60: it will not fit an 80-column"
        " screen)",
    ]


def test_distractors_that_cannot_be_built(tmp_path):
    text = (
        "pools:\n  small: [Atlantic, Columbia]\n"
        "facts:\n"
        "  - {kind: attribute, id: label, ask: Which label?, values: [Atlantic], pool: small}\n"
        "questions:\n"
        "  - {prompt: Label?, answer: Atlantic, pool: small}\n"
        '  - {prompt: Blank?, answer: a, wrong: ["\\e[0m"]}\n'
        "  - {prompt: Twice?, answer: a, wrong: [b, B]}\n"
    )
    assert warnings_of(tmp_path, text) == [
        "P:7:5: 'Atlantic' is in the pool but also true: it is never offered",
        "P:9:5: pool 'small' gives only 1 wrong option(s); want 3",
        "P:10:5: no wrong options left after cleaning: it cannot be asked",
        "P:10:41: empty entry in 'wrong' dropped",
        "P:11:44: 'B' is listed twice in 'wrong'; the repeat is dropped",
    ]


def test_clean_pack_has_no_warnings():
    good = Path(__file__).parent / "packs_data" / "good.yaml"
    assert check_pack(good)[1] == []
