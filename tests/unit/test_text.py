"""Cleaning of untrusted text."""

from quiz.text import clean


def test_plain_text_is_unchanged():
    assert clean("[bold]x[/] & [@click=app.quit]") == "[bold]x[/] & [@click=app.quit]"


def test_escape_sequences_are_removed_whole():
    osc52 = "\x1b]52;c;ZXZpbA==\x07"
    assert clean(f"a{osc52}b\x1b[31mc\x1b[0m") == "abc"


def test_controls_removed_and_newlines_folded():
    assert clean("a\x00b\x07c\nd\te\x9b") == "abc d e"
    assert clean("a\nb", multiline=True) == "a\nb"
