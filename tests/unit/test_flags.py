"""Flags: kept from the reveal through the store, listed by `wdta-quiz packs flags`
(issue 11, item 6); right rates read from the answers the store keeps."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from quiz.cli import main
from quiz.difficulty import RightRate
from quiz.records import AnswerRecord, GameRecord, tally
from quiz.store import Store, flags, right_rates

QID = "wdta:q:vma-lost-to"
OTHER = "wdta:release-date:date"


def at(minute: int) -> datetime:
    return datetime(2026, 12, 2, 8, minute, tzinfo=UTC)


@pytest.fixture
def flagged(isolated_home):
    with Store.open() as store:
        store.add_flag(QID, "wdta", "The answer is wrong", at(1), "Ana")
        store.add_flag(OTHER, "wdta", "", at(2), None)
        store.add_flag(QID, "wdta", "Unclear\x1b[31m\nwording", at(3), "ana")
        store.add_flag("mine:q:x", "mine", "typo", at(4), "Ben")
    return isolated_home


def run(capsys, *argv):
    code = main(["packs", "flags", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_flags_are_kept_newest_first_with_clean_reasons(flagged):
    listed = flags.stored()
    assert [f.question_id for f in listed] == ["mine:q:x", QID, OTHER, QID]
    assert listed[1].reason == "Unclear wording" and listed[1].player == "Ana"
    assert listed[2].player is None and listed[2].reason == ""
    assert [f.pack for f in flags.stored(pack="mine")] == ["mine"]


def test_reasons_are_cut_to_a_line():
    assert flags.reason_text("a\tb\n\nc " + "x" * 500) == ("a b c " + "x" * 500)[: flags.MAX_REASON]


def test_grouped_per_question(flagged):
    grouped = flags.by_question(flags.stored(pack="wdta"))
    assert [(g.question_id, g.count) for g in grouped] == [(QID, 2), (OTHER, 1)]
    assert grouped[0].reasons == ["Unclear wording", "The answer is wrong"]
    assert grouped[0].last_flagged_at == "2026-12-02T08:03:00+00:00"
    assert grouped[1].reasons == []


def test_packs_flags_text(flagged, capsys):
    code, out, err = run(capsys, "--pack", "wdta")
    assert code == 0 and err == ""
    assert out.startswith("3 flags on 2 questions")
    assert out.index(QID) < out.index(OTHER)
    assert "  - Unclear wording\n  - The answer is wrong\n" in out
    # The prompt as the installed built-in pack asks it now.
    assert "lost an award to which video?" in out
    assert "mine:q:x" not in out


def test_packs_flags_json(flagged, capsys):
    code, out, _ = run(capsys, "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["question_id"] for r in rows] == ["mine:q:x", QID, OTHER]
    assert rows[0] == {"question_id": "mine:q:x", "pack": "mine", "prompt": None, "count": 1,
                       "reasons": ["typo"], "last_flagged_at": "2026-12-02T08:04:00+00:00"}
    assert rows[1]["count"] == 2


def test_no_database_no_flags_and_nothing_created(capsys, isolated_home):
    code, out, _ = run(capsys)
    assert code == 0 and out == "No flagged questions.\n"
    code, out, _ = run(capsys, "--format", "json", "--pack", "wdta")
    assert code == 0 and out == ""
    assert not (isolated_home / "scores.sqlite3").exists()
    assert right_rates.stored() == {}


def test_right_rates_from_stored_answers(isolated_home):
    answers = [AnswerRecord("Ana", QID, "wdta", "Music videos", 0, right, 2.0, 500 * right)
               for right in (True, True, False)]  # fmt: skip
    answers.append(AnswerRecord("Ana", OTHER, "wdta", "Release", None, False, 20.0, 0))
    record = GameRecord("2026-12-02T08:00:00+00:00", "2026-12-02T08:05:00+00:00", "solo",
                        "finished", ("Ana",), ("wdta",), 1, {}, tuple(answers),
                        tally({"Ana": 1000}, answers))  # fmt: skip
    with Store.open() as store:
        store.save_game(record)
    assert right_rates.stored() == {QID: RightRate(3, 2), OTHER: RightRate(1, 0)}
