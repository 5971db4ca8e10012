"""`wdta-quiz questions`: determinism by seed, formats, --pack and failures."""

from __future__ import annotations

import json

import pytest

from quiz.cli import main

GOOD = """\
format: 1
pack: tiny
title: Tiny
subject: {title: Tiny Song, artist: Someone}
facts:
  - kind: attribute
    id: label
    ask: Which label?
    statement: It came out on {value}.
    values: [Atlantic]
    pool: [Columbia, RCA, Epic]
questions:
  - id: one
    prompt: One?
    answer: yes
    wrong: [no, maybe]
"""


def run(capsys, *argv):
    code = main(["questions", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_same_seed_is_byte_identical_and_other_seeds_differ(capsys):
    _, first, _ = run(capsys, "--seed", "5", "--format", "json")
    _, again, _ = run(capsys, "--seed", "5", "--format", "json")
    assert first == again and first
    others = {run(capsys, "--seed", str(seed), "--format", "json")[1] for seed in range(6, 10)}
    assert first not in others


def test_text_and_json_formats(capsys):
    code, text, _ = run(capsys, "--seed", "1", "--count", "3")
    assert code == 0 and text.startswith("1. [")
    assert text.count("   * ") == 3 and "id: wdta:" in text
    code, out, _ = run(capsys, "--seed", "1", "--count", "3", "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 3
    for row in rows:
        assert {"id", "pack", "type", "category", "difficulty", "prompt", "options", "answer",
                "explanation"} <= set(row)
        assert_answer_shape(row)


def assert_answer_shape(row: dict) -> None:
    """A JSON line's answer has the shape its type says (docs/packs.md)."""
    kind, answer, options = row["type"], row["answer"], row["options"]
    if kind in ("choice", "truefalse"):
        assert isinstance(answer, int) and 0 <= answer < len(options), row
    elif kind == "order":
        assert sorted(answer) == list(range(len(options))) and 3 <= len(options) <= 5, row
    elif kind == "number":
        assert options == [] and row["low"] <= answer <= row["high"], row
        assert isinstance(answer, int | float) and not isinstance(answer, bool), row
    else:
        assert kind == "text" and options == [] and isinstance(answer, str) and answer, row
        assert isinstance(row["accept"], list), row


def test_all_json_carries_every_type_with_its_fields(capsys):
    code, out, _ = run(capsys, "--all", "--seed", "4", "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len({row["id"] for row in rows}) == len(rows) >= 290
    by_type: dict[str, list[dict]] = {}
    for row in rows:
        assert_answer_shape(row)
        by_type.setdefault(row["type"], []).append(row)
    assert {kind: len(found) >= 10 for kind, found in by_type.items()} == dict.fromkeys(
        ("choice", "truefalse", "order", "number", "text"), True)
    assert all("unit" not in row or row["unit"] for row in by_type["number"])
    assert any(row["accept"] for row in by_type["text"])


def test_text_shows_how_each_type_is_answered(capsys):
    _, out, _ = run(capsys, "--all", "--seed", "4")
    blocks = out.split("\n\n")
    for block in blocks:
        assert block.count("\n   * ") == 1, block  # the right answer, marked once
    order = next(b for b in blocks if "· order]" in b)
    assert "     A. " in order and "   * In order: " in order
    number = next(b for b in blocks if "· number]" in b and "chart" in b)
    assert "(type a number from 1 to " in number
    text = next(b for b in blocks if "· text]" in b and "live performance video" in b)
    assert "   * Anaheim, California   (also counts: Anaheim)" in text


def test_all_prints_every_question_and_names_a_random_seed(capsys):
    code, out, err = run(capsys, "--all", "--format", "json")
    assert code == 0 and len(out.splitlines()) >= 150
    assert "seed" in err


def test_pack_path_and_failures(capsys, tmp_path):
    good = tmp_path / "tiny.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\npack: [oops\n", encoding="utf-8")
    code, out, err = run(capsys, "--pack", str(good), "--pack", str(bad), "--all",
                         "--seed", "0", "--format", "json")
    assert code == 0
    packs = {json.loads(line)["pack"] for line in out.splitlines()}
    assert packs == {"tiny"}
    assert err.startswith(f"{bad}:") and err.count(":") >= 3


def test_nothing_valid_exits_1(capsys, tmp_path):
    code, out, err = run(capsys, "--pack", str(tmp_path / "missing.yaml"))
    assert code == 1 and out == ""
    assert "missing.yaml" in err and "wdta-quiz:" in err


def test_count_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["questions", "--count", "0"])


def test_count_that_is_not_a_number_says_so_plainly(capsys):
    with pytest.raises(SystemExit):
        main(["questions", "--count", "abc"])
    err = capsys.readouterr().err
    assert "argument --count: must be a whole number, not 'abc'" in err
    assert "_count" not in err


def _played(pack_args: list[str], count: int, seed: int) -> list[dict[str, object]]:
    """The questions a one-player game asks (as JSON objects), in order, played to
    its end through the session (no UI), answering each question as it comes."""
    from datetime import UTC, datetime

    from quiz.bank import CatalogBank
    from quiz.game import Phase
    from quiz.game_setup import GameSetup
    from quiz.session import Accepted, Answer, Dealer

    dealer = Dealer(CatalogBank(pack_args), clock=lambda: 0.0,
                    now=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    session = dealer.deal(GameSetup(players=("Ana",), questions=count, timer=None, seed=seed))
    asked: list[dict[str, object]] = []
    while not session.over:
        game = session.game
        if session.phase is Phase.QUESTION:
            question = game.questions[game.step]
            asked.append(json.loads(json.dumps(question.to_dict())))
            response = {"order": question.order, "number": question.number,
                        "text": question.text}.get(question.type, 0)  # fmt: skip
            taken = session.submit(Answer(0, game.step, response))
            assert isinstance(taken, Accepted), taken  # a refusal would loop forever
        elif session.phase is Phase.HANDOVER:
            session.ready()
        else:
            session.advance()
    return asked


@pytest.mark.parametrize(("count", "seed"), [(5, 0), (10, 7), (20, 123), (50, 2026)])
def test_preview_deals_exactly_the_questions_of_a_one_player_game(capsys, count, seed):
    # Issue 11, item 7: same packs, count and seed, same questions in the same order.
    code, out, _ = run(capsys, "--count", str(count), "--seed", str(seed), "--format", "json")
    assert code == 0
    previewed = [json.loads(line) for line in out.splitlines()]
    assert previewed == _played([], count, seed)  # ids, options and their order
    assert len(previewed) == count


def test_preview_of_a_named_pack_matches_a_game_of_that_pack(capsys, tmp_path):
    path = tmp_path / "tiny.yaml"
    path.write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "--pack", str(path), "--count", "5", "--seed", "9",
                       "--format", "json")
    assert code == 0
    previewed = [json.loads(line) for line in out.splitlines()]
    assert previewed and previewed == _played([str(path)], 5, 9)
