"""Counted nouns and articles: no "1 players", no "a attribute fact"."""

from quiz.game_setup import SetupError, parse_timer
from quiz.words import article, plural


def test_plural_and_article() -> None:
    assert [plural(n, "player") for n in (0, 1, 2)] == ["0 players", "1 player", "2 players"]
    assert plural(1, "country", "countries") == "1 country"
    assert article("attribute") == "an attribute" and article("chart") == "a chart"


def test_a_timer_of_one_second_is_singular() -> None:
    try:
        parse_timer("1")
    except SetupError as error:
        assert str(error).startswith("a timer of 1 second: choose 3 to 600 seconds")
    else:  # pragma: no cover
        raise AssertionError("1 second is below the minimum")
