"""Cleaning of untrusted text, player names, and fitting text to terminal cells."""

import re
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


# -- what cleaning leaves -----------------------------------------------------------------

#: Never left by ``clean``: C0 controls but tab/newline (tabs become spaces too), DEL, C1,
#: bidi marks/overrides/isolates, and the zero-width characters that draw nothing.
UNSAFE = "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff"
HOSTILE_CHARS = "\x1b\x07\x9b\x9c\x9d\x90[]0;m\u202e\u2066\u200b\ufeff\u2060\u200d\r\n\t a"


def test_zero_width_characters_are_removed_but_joiners_kept():
    assert clean("A\u200bna\ufeff\u2060\u180e") == "Ana"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean(family) == family
    assert clean("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # Persian keeps its non-joiner
    )


def test_bidi_marks_are_removed():
    assert clean("abc\u202edef\u2066g\u2069\u061ch\u200f") == "abcdefgh"


def test_eight_bit_escape_sequences_are_removed_whole():
    assert clean("a\x9b31mb\x9d0;title\x07c\x9d2;x\x9cd\x90q\x1b\\e") == "abcde"


# Chosen per piece: a text strategy over the union of both alphabets would almost never
# draw one of the few hostile characters among all of Unicode.
hostile_text = st.lists(st.sampled_from(HOSTILE_CHARS) | st.characters()).map("".join)


@given(hostile_text)
def test_cleaned_text_holds_nothing_unsafe(text):
    assert not re.search(f"[{UNSAFE}\n]", clean(text))
    assert not re.search(f"[{UNSAFE}]", clean(text, multiline=True))
    assert clean(clean(text)) == clean(text)
