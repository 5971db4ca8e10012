"""Cleaning of untrusted text, player names, and fitting text to terminal cells."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.text import cells, clean, display_name, fit, player_key, shorten


def test_plain_text_is_unchanged():
    assert clean("[bold]x[/] & [@click=app.quit]") == "[bold]x[/] & [@click=app.quit]"


def test_escape_sequences_are_removed_whole():
    osc52 = "\x1b]52;c;ZXZpbA==\x07"
    assert clean(f"a{osc52}b\x1b[31mc\x1b[0m") == "abc"


def test_controls_removed_and_newlines_folded():
    assert clean("a\x00b\x07c\nd\te\x9b") == "abc d e"
    assert clean("a\nb", multiline=True) == "a\nb"


# -- player names -------------------------------------------------------------------------


def test_display_name_is_one_trimmed_line_with_single_spaces():
    assert display_name("  Ana \t  Lu\nísa \x1b[31m ") == "Ana Lu ísa"
    assert display_name("\x00\x07  ") == ""


def test_invisible_characters_are_dropped_but_emoji_joiners_kept():
    assert display_name("A\u200bna\ufeff\u2060\u00ad") == "Ana"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert display_name(family) == family


def test_one_key_for_every_spelling_of_a_name():
    composed, decomposed = "Jos\u00e9", "Jose\u0301"
    assert player_key(composed) == player_key(decomposed) == player_key(" JOSÉ ")
    assert player_key("Straße") == player_key("STRASSE")
    assert player_key("A\u200bna") == player_key("ana")
    assert player_key("Ana") != player_key("Anna")


@given(st.text())
def test_names_are_stable(text):
    name = display_name(text)
    assert display_name(name) == name
    assert player_key(name) == player_key(text) == player_key(player_key(text))
    assert unicodedata.is_normalized("NFC", name)
    assert name == name.strip() and "\n" not in name


# -- cells --------------------------------------------------------------------------------


def test_wide_characters_count_as_two_columns():
    assert shorten("ab", 2) == "ab"
    assert shorten("日本語です", 6) == "日本…"
    assert shorten("e\u0301" * 10, 5) == "e\u0301" * 4 + "…"


@pytest.mark.parametrize(
    ("text", "width", "cut"),
    [("abcdef", 6, "abcdef"), ("abcdefg", 6, "abcde…"), ("ab cdefg", 4, "ab…"), ("", 0, "")],
)
def test_shorten_cuts_with_an_ellipsis(text, width, cut):
    assert shorten(text, width) == cut


def test_fit_pads_to_exactly_the_width_in_cells():
    assert fit("日本", 6) == "日本  "
    assert fit("日本語です", 6) == "日本… "
    assert cells(fit("abc", 2)) == 2


@given(st.text(), st.integers(min_value=1, max_value=40))
def test_shortened_text_fits(text, width):
    assert cells(shorten(text, width)) <= width
