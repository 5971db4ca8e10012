"""Lint warnings from check_pack (the pack still loads)."""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import quiz.packs.lint as lint
from quiz.facts import HandQuestion, Pack, PackInfo
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
            f"  - {{prompt: {word}?, answer: The long right answer {i}, wrong: [no, not at all]}}\n"
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


def test_too_wide_is_measured_in_terminal_cells(tmp_path):
    """The 80-column rule is about the screen: a CJK character takes two cells."""
    wide = "歌" * 39  # 78 cells
    fits = "歌" * 30  # 60 cells: the limit
    prompt = "歌词" * 51  # 204 cells, 102 characters
    text = (
        f"questions:\n  - {{prompt: {prompt}, answer: {wide}, wrong: [{fits}, b]}}\n"
        f"  - {{prompt: Short?, answer: a, wrong: ['{'x' * 60}', '🎤{'y' * 58}']}}\n"
    )
    assert warnings_of(tmp_path, text) == [
        "P:5:5: the prompt is 204 cells wide (102 characters) (over 200: it will not fit an"
        " 80-column screen)",
        f"P:5:5: the option '{'歌' * 14}…' is 78 cells wide (39 characters) (over 60: it will"
        " not fit an 80-column screen)",
    ]


def test_ascii_options_are_measured_as_before(tmp_path):
    """One cell per character: 60 fits, 70 is warned as it always was."""
    question = f"{{prompt: '{'p' * 200}', answer: '{'a' * 60}', wrong: ['{'b' * 70}']}}"
    text = f"questions:\n  - {question}\n"
    assert warnings_of(tmp_path, text) == [
        f"P:5:5: the option '{'b' * 29}…' is 70 long (over 60: it will not fit an 80-column"
        " screen)",
    ]


def test_distractors_that_cannot_be_built(tmp_path):
    text = (
        "pools:\n  small: [Atlantic, Columbia]\n"
        "facts:\n"
        # Two values: a typed question needs one, so only picked options could ask it.
        "  - {kind: attribute, id: label, ask: Which labels?, values: [Atlantic, Artist Partner],"
        " pool: small}\n"
        "questions:\n"
        "  - {prompt: Label?, answer: Atlantic, pool: small}\n"
        '  - {prompt: Blank?, answer: a, wrong: ["\\e[0m"]}\n'
        "  - {prompt: Twice?, answer: a, wrong: [b, B]}\n"
    )
    assert warnings_of(tmp_path, text) == [
        "P:7:5: 'Atlantic' is in the pool but also true: it is never offered",
        "P:7:5: fact 'label' yields no question: its pool holds fewer than 2 values that are"
        " not true (add false values of the same kind to its 'pool')",
        "P:9:5: pool 'small' gives only 1 wrong option(s); want 3",
        "P:10:5: no wrong options left after cleaning: it cannot be asked",
        "P:10:41: empty entry in 'wrong' dropped",
        "P:11:44: 'B' is listed twice in 'wrong'; the repeat is dropped",
    ]


def test_clean_pack_has_no_warnings():
    good = Path(__file__).parent / "packs_data" / "good.yaml"
    assert check_pack(good)[1] == []


# -- near-duplicate prompts: today's rule, any input, bounded work ----------------------


@dataclass
class Marks:
    """Where each question starts, as the validator would say (question i on line i + 1)."""

    path: str = "P"
    question_marks: list[tuple[int, int]] = field(default_factory=list)
    fact_marks: list[tuple[int, int]] = field(default_factory=list)


def lint_prompts(prompts: list[str]) -> list[tuple[int, str]]:
    """Every lint warning for hand-written questions with ``prompts``: (line, message)."""
    questions = tuple(
        HandQuestion(id=f"q{i}", prompt=prompt, answer="a", wrong=("b", "c", "d"))
        for i, prompt in enumerate(prompts)
    )
    marks = Marks(question_marks=[(line, 5) for line in range(1, len(prompts) + 1)])
    pack = Pack(info=PackInfo(id="t", title="T"), questions=questions)
    return [(p.line, p.message) for p in lint.lint(pack, marks)]


def alike_warnings(prompts: list[str]) -> list[tuple[int, str]]:
    """The near-duplicate warnings only, as (line, message), in line order."""
    found: list[tuple[int, str]] = []
    questions = [
        (HandQuestion(id=f"q{i}", prompt=prompt, answer="a"), (i + 1, 5))
        for i, prompt in enumerate(prompts)
    ]
    lint._near_duplicates(questions, lambda mark, message: found.append((mark[0], message)))
    return sorted(found)


def exact_duplicates(texts: list[str]) -> tuple[list[tuple[int, str]], set[int]]:
    """The same-prompt warnings (line, message) and the indices they report."""
    found: list[tuple[int, str]] = []
    first: dict[str, int] = {}
    reported: set[int] = set()
    for j, text in enumerate(texts):
        if text in first:
            found.append((j + 1, f"the same prompt as the question on line {first[text] + 1}"))
            reported.add(j)
        else:
            first[text] = j
    return found, reported


def difflib_rule(prompts: list[str]) -> list[tuple[int, str]]:
    """The rule as it was, spelled out slowly: difflib's ratio against each earlier prompt."""
    texts = [re.sub(r"\s+", " ", prompt.casefold()).strip() for prompt in prompts]
    found, reported = exact_duplicates(texts)
    for j in range(len(texts)):
        for i in range(j):
            if i in reported or j in reported:
                continue
            matcher = difflib.SequenceMatcher(None, texts[i], texts[j], autojunk=False)
            # quick_ratio is a bound on ratio (only there to keep the test quick)
            if (
                matcher.quick_ratio() >= lint.NEAR_DUPLICATE
                and matcher.ratio() >= lint.NEAR_DUPLICATE
            ):
                found.append((j + 1, f"a prompt very like the question on line {i + 1}"))
                reported.add(j)
    return sorted(found)


def edited(text: str, rng: random.Random, edits: int) -> str:
    """``text`` with ``edits`` characters replaced at random places."""
    chars = list(text)
    for _ in range(edits):
        chars[rng.randrange(len(chars))] = rng.choice("#%&")
    return "".join(chars)


# Short texts over few letters make many near-duplicates (and the cases difflib is slow on).
short_prompt = st.one_of(
    st.text(alphabet="ab c?", max_size=30),
    st.text(max_size=lint.MAX_PROMPT),
    st.sampled_from(["Which label released the song?", "which label released the song ?"]),
)


@settings(max_examples=300, deadline=None)
@given(short_prompt, short_prompt, st.randoms(use_true_random=False), st.integers(0, 4))
def test_alike_whenever_difflib_said_so_and_never_when_the_letters_differ(a, b, rng, edits):
    if a and rng.random() < 0.5:
        b = edited(a, rng, edits)  # near copies, so that both sides of the mark are tried
    a, b = lint._normal(a), lint._normal(b)
    assume(a != b)  # the same text is found by hashing, before any comparison
    alike = lint._Likeness([a, b])(0, 1)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() >= lint.NEAR_DUPLICATE:
        assert alike
    if matcher.quick_ratio() < lint.NEAR_DUPLICATE:
        assert not alike


def test_prompts_authors_write_get_the_warnings_difflib_gave():
    rng = random.Random(2016)
    words = "song single album video chart label studio tour singer producer week year".split()
    prompts: list[str] = []
    for _ in range(200):
        if prompts and rng.random() < 0.3:
            prompts.append(edited(rng.choice(prompts), rng, rng.randrange(4)))
        else:
            size = rng.randrange(3, 30)
            prompts.append(" ".join(rng.choice(words) for _ in range(size)).capitalize() + "?")
    warnings = alike_warnings(prompts)
    assert len(warnings) > 40
    assert warnings == difflib_rule(prompts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.text(),
            st.text(alphabet="ab", min_size=150, max_size=600),
            st.text(min_size=190, max_size=2_000),
            st.text(alphabet=st.characters(categories=["Cs", "Ll", "Zs"]), max_size=1_500),
        ),
        min_size=1,
        max_size=8,
    ),
    st.randoms(use_true_random=False),
)
def test_lint_never_raises_on_any_prompt_text(prompts, rng):
    copied = len(prompts) + 2  # the line of the copy of the last prompt, added below
    prompts = [*prompts, edited(prompts[0], rng, 1) if prompts[0] else "", prompts[-1]]
    warnings = lint_prompts(prompts)
    assert all(not message.startswith("the same prompt") or line > 1 for line, message in warnings)
    assert any(
        line == copied and message.startswith("the same prompt as the question on line ")
        for line, message in warnings
    )


def letters(rng: random.Random, size: int) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(size))


def test_five_long_prompts_take_bounded_work(monkeypatch):
    """100,000-character prompts: each is read once, on a capped length; no pair by difflib."""
    rng = random.Random(7)
    base = letters(rng, 100_000)
    prompts = [
        base,
        edited(base, rng, 20),  # near-identical: a few characters changed
        letters(rng, 100_000),  # unrelated
        base.upper(),  # the same once casefolded
        letters(rng, 100_000),
    ]
    read: list[int] = []
    real_pieces = lint._pieces

    def counted_pieces(text: str) -> tuple[Counter[bytes], int]:
        pieces, size = real_pieces(text)
        read.append(size)
        return pieces, size

    def no_close_look(*_args: object) -> int:
        raise AssertionError("long prompts are compared by their pieces, not character-wise")

    monkeypatch.setattr(lint, "_pieces", counted_pieces)
    monkeypatch.setattr(lint, "_longest_common", no_close_look)
    warnings = sorted(w for w in lint_prompts(prompts) if "prompt" in w[1] and "line" in w[1])
    assert warnings == [
        (2, "a prompt very like the question on line 1"),
        (4, "the same prompt as the question on line 1"),
    ]
    assert len(read) <= 4  # once per prompt still compared (line 4 is already reported)
    assert max(read) <= lint.COMPARED  # ASCII: a byte a character


def test_a_pack_made_to_be_slow_gets_few_close_looks(monkeypatch):
    """Many prompts over two letters: close looks stop at the budget, pieces go on."""
    rng = random.Random(3)
    prompts = ["".join(rng.choice("ab") for _ in range(lint.CLOSE_LIMIT)) for _ in range(40)]
    prompts += [prompts[0], edited(prompts[1], rng, 1)]
    looked: list[int] = []
    real_longest = lint._longest_common

    def counted(a: str, b: str) -> int:
        looked.append(len(a) + len(b))
        return real_longest(a, b)

    monkeypatch.setattr(lint, "CLOSE_BUDGET", 50 * 2 * lint.CLOSE_LIMIT)
    monkeypatch.setattr(lint, "_longest_common", counted)
    warnings = alike_warnings(prompts)
    assert sum(looked) <= lint.CLOSE_BUDGET and len(looked) == 50
    assert (41, "the same prompt as the question on line 1") in warnings
    assert (42, "a prompt very like the question on line 2") in warnings


def test_long_prompts_with_scattered_edits_are_still_alike():
    rng = random.Random(5)
    base = letters(rng, lint.CLOSE_LIMIT)
    prompts = [base, edited(base, rng, 40), letters(rng, lint.CLOSE_LIMIT)]
    assert alike_warnings(prompts) == [(2, "a prompt very like the question on line 1")]


def test_longest_common_subsequence_bounds_difflib():
    rng = random.Random(11)
    for _ in range(300):
        a = "".join(rng.choice("abc") for _ in range(rng.randrange(40)))
        b = "".join(rng.choice("abc") for _ in range(rng.randrange(40)))
        table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
        for i, x in enumerate(a):
            for j, y in enumerate(b):
                table[i + 1][j + 1] = (
                    table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
                )
        assert lint._longest_common(a, b) == table[-1][-1]
        matched = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        assert sum(block.size for block in matched) <= table[-1][-1]


def all_pairs_rule(prompts: list[str]) -> list[tuple[int, str]]:
    """The near-duplicate warnings in the order lint gives them, by comparing every pair.

    The reference for any way of choosing which pairs to compare: the same check on
    every pair, each later prompt reported against the first unreported one like it.
    """
    texts = [lint._normal(prompt) for prompt in prompts]
    found, reported = exact_duplicates(texts)
    alike = lint._Likeness(texts)
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if i not in reported and j not in reported and alike(i, j):
                found.append((j + 1, f"a prompt very like the question on line {i + 1}"))
                reported.add(j)
    return found


def mutated(text: str, rng: random.Random, edits: int) -> str:
    """``text`` with ``edits`` characters inserted, deleted or replaced at random places."""
    chars = list(text)
    for _ in range(edits):
        place = rng.randrange(len(chars) + 1)
        action = rng.randrange(3)
        if action == 0 or not chars:
            chars.insert(place, rng.choice("ab #"))
        elif action == 1:
            del chars[min(place, len(chars) - 1)]
        else:
            chars[min(place, len(chars) - 1)] = rng.choice("ab #")
    return "".join(chars)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet="ab c?", max_size=40),
            st.text(alphabet="abcdefgh ", min_size=20, max_size=120),
            st.text(max_size=60),
        ),
        min_size=1,
        max_size=12,
    ),
    st.randoms(use_true_random=False),
    st.integers(0, 14),
)
def test_near_duplicates_are_those_of_comparing_every_pair(prompts, rng, copies):
    for _ in range(copies):  # near copies, and copies of copies, a few edits apart
        prompts.append(mutated(rng.choice(prompts), rng, rng.randrange(8)))
    found: list[tuple[int, str]] = []
    questions = [
        (HandQuestion(id=f"q{i}", prompt=prompt, answer="a"), (i + 1, 5))
        for i, prompt in enumerate(prompts)
    ]
    lint._near_duplicates(questions, lambda mark, message: found.append((mark[0], message)))
    assert found == all_pairs_rule(prompts)
