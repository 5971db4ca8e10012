"""Scoring: speed points, the grace half second, the streak bonus and its cap."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quiz.scoring import Points, score_answer, speed_points, streak_bonus


def test_speed_points_follow_the_formula():
    assert speed_points(0, 20) == 1000
    assert speed_points(10, 20) == 750
    assert speed_points(20, 20) == 500
    assert speed_points(7.5, 20) == round(1000 * (1 - (7.5 / 20) / 2))


def test_full_points_within_half_a_second():
    assert speed_points(0.5, 10) == 1000
    assert speed_points(0.51, 10) < 1000


def test_time_is_clamped_to_the_limit():
    assert speed_points(-3, 20) == 1000
    assert speed_points(99, 20) == 500


def test_timer_off_is_a_flat_thousand():
    assert speed_points(0, None) == 1000
    assert speed_points(500, None) == 1000


@given(st.floats(min_value=-10, max_value=1000), st.floats(min_value=1, max_value=600))
def test_speed_points_stay_between_500_and_1000(seconds, limit):
    assert 500 <= speed_points(seconds, limit) <= 1000


def test_streak_bonus_grows_by_100_and_caps_at_500():
    assert [streak_bonus(n) for n in range(1, 9)] == [0, 100, 200, 300, 400, 500, 500, 500]


def test_a_wrong_answer_scores_nothing_and_resets_the_streak():
    points, streak = score_answer(False, 1.0, 20, streak_before=4)
    assert points.total == 0 and streak == 0
    assert "wrong" in points.explain()


def test_a_time_out_scores_nothing_and_resets_the_streak():
    points, streak = score_answer(False, 20, 20, streak_before=4, timed_out=True)
    assert points.total == 0 and streak == 0
    assert "time" in points.explain()


def test_correct_answer_adds_speed_and_streak():
    points, streak = score_answer(True, 7.5, 20, streak_before=2)
    assert streak == 3
    assert points == Points(speed=812, streak_bonus=200, correct=True)
    assert points.total == 1012
    assert points.explain() == "812 for speed + 200 streak bonus"


def test_explanation_without_timer_or_streak():
    points, _ = score_answer(True, 3, None, streak_before=0)
    assert points.explain() == "1000 for a right answer"


def test_a_miss_says_streak_ended_only_when_there_was_one():
    assert score_answer(False, 1.0, 20.0, 0)[0].explain() == "0 points: wrong answer"
    assert score_answer(False, 1.0, 20.0, 1)[0].explain() == "0 points: wrong answer"
    missed = score_answer(False, 1.0, 20.0, 4, timed_out=True)[0]
    assert missed.explain() == "0 points: time ran out (streak of 4 ended)"
