"""The authoring loop, as a pack author meets it: tabs, CSV banks, exports, generated ids."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.generators import generate_all
from quiz.packs import check_pack, load_pack
from quiz.packs.convert import from_csv
from quiz.packs.problems import PackError

ROOT = Path(__file__).resolve().parents[2]
GOOD = Path(__file__).parent / "packs_data" / "good.yaml"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- tabs --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("questions:\n\t- prompt: A?\n", 5, 1),
        ("questions:\n  - prompt: A?\n  \tanswer: a\n", 6, 3),
        ("subject:\n\ttitle: x\n", 5, 1),
    ],
)
def test_a_tab_in_the_indentation_is_named_as_such(tmp_path, text, line, column):
    path = write(tmp_path / "tabs.yaml", "format: 1\npack: t\ntitle: T\n" + text)
    pack, problems = check_pack(path)
    assert pack is None
    assert [str(p) for p in problems] == [
        f"{path}:{line}:{column}: tabs are not allowed in YAML indentation; use spaces"
    ]


def test_a_tab_between_words_is_still_fine(tmp_path):
    path = write(tmp_path / "tab.yaml", "format: 1\npack: t\ntitle:\tT\n"
                 "questions:\n  - {prompt: A?,\tanswer: a, wrong: [b]}\n")  # fmt: skip
    assert check_pack(path) == (load_pack(path), [])


# -- CSV banks ---------------------------------------------------------------------------
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_csv_takes_a_minimal_header_with_any_separator(separator):
    rows = [["prompt", "answer", "wrong", "wrong", "wrong"],
            ["Who directed the video?", "Phil Pinto", "Hype Williams", "Director X", ""],
            ["Which year; roughly?", "2016", "2015", "", ""]]  # fmt: skip
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    first, second = from_csv("bank.csv", out.getvalue())
    assert first == {"prompt": "Who directed the video?", "answer": "Phil Pinto",
                     "wrong": ["Hype Williams", "Director X"], "difficulty": "medium"}
    assert (second["prompt"], second["wrong"]) == ("Which year; roughly?", ["2015"])


def test_csv_takes_one_wrong_column_and_optional_ones_in_any_order():
    text = "answer,prompt,wrong,difficulty\nyes,Sure?,no,easy\n"
    assert from_csv("b.csv", text) == [
        {"prompt": "Sure?", "answer": "yes", "wrong": ["no"], "difficulty": "easy"}
    ]


@pytest.mark.parametrize(
    ("header", "said"),
    [
        ("question;answer;wrong", "found 3 columns separated by semicolons: 'question', "
                                  "'answer', 'wrong'"),
        ("prompt answer wrong", "found 1 column (no ',', ';' or tab between names): "
                                "'prompt answer wrong'"),
    ],
)
def test_a_csv_refusal_says_what_it_found(header, said):
    with pytest.raises(PackError) as caught:
        from_csv("b.csv", header + "\nA?;a;b\n")
    (problem,) = caught.value.problems
    assert problem.line == 1 and said in problem.message
    assert problem.message.startswith("the header must be: prompt,answer,wrong1")


def test_a_csv_header_with_unknown_or_missing_columns_names_them():
    with pytest.raises(PackError) as caught:
        from_csv("b.csv", "prompt,answer,hint\nA?,a,b\n")
    message = caught.value.problems[0].message
    assert "unknown column 'hint'" in message and "no 'wrong' column" in message


# -- true/false keep True first ----------------------------------------------------------
def test_imported_true_false_questions_keep_true_before_false(tmp_path, capsys):
    bank = {"results": [
        {"type": "boolean", "question": f"Statement {n}?", "correct_answer": truth,
         "incorrect_answers": [], "category": "C", "difficulty": "easy"}
        for n, truth in enumerate(["True", "False"] * 6)
    ]}  # fmt: skip
    source = write(tmp_path / "tf.json", json.dumps(bank))
    out = tmp_path / "tf.yaml"
    assert main(["packs", "import", "--from", "opentdb", str(source), "-o", str(out)]) == 0
    for seed in range(5):
        questions = generate_all([load_pack(out)], random.Random(seed))
        assert {q.options for q in questions} == {("True", "False")}
        assert sorted(q.options[q.answer] for q in questions) == ["False"] * 6 + ["True"] * 6


# -- exports -----------------------------------------------------------------------------
@pytest.mark.parametrize("source", [ROOT / "questions" / "wdta.yaml", GOOD])
def test_export_to_yaml_gives_back_the_same_pack(tmp_path, source, capsys):
    out = tmp_path / "copy.yaml"
    assert main(["packs", "export", str(source), "--to", "yaml", "-o", str(out)]) == 0
    original, copy = load_pack(source), load_pack(out)
    copy.path = original.path
    assert copy == original
    assert len(copy.facts) == len(original.facts) > 0  # facts stay facts


def test_exports_carry_only_explanations_someone_wrote(tmp_path, capsys):
    pack = write(tmp_path / "p.yaml", (
        "format: 1\npack: p\ntitle: P\npools:\n  labels: [Columbia, Interscope, Republic]\n"
        "facts:\n  - {kind: attribute, id: label, ask: Which label?, values: [Atlantic],"
        " pool: labels}\n"
        "questions:\n  - {prompt: Plain?, answer: a, wrong: [b]}\n"
        "  - {prompt: Told?, answer: c, wrong: [d], explanation: Because c.}\n"
    ))  # fmt: skip
    out = tmp_path / "p.csv"
    assert main(["packs", "export", str(pack), "--to", "csv", "-o", str(out)]) == 0
    rows = {row["prompt"]: row for row in csv.DictReader(io.StringIO(out.read_text()))}
    assert {prompt: row["explanation"] for prompt, row in rows.items()} == {
        "Which label?": "", "Plain?": "", "Told?": "Because c."
    }


# -- generated ids -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [("Ünïcödé bank", "unicode-bank"), ("Straße Æsir Łódź", "strasse-aesir-lodz"),
     ("Café au lait", "cafe-au-lait"), ("We Don’t Talk Anymore", "we-dont-talk-anymore")],
)
def test_generated_pack_ids_keep_their_letters(name, expected):
    from quiz.packs.ids import pack_id_from

    assert pack_id_from(name) == expected


def test_names_in_other_scripts_still_give_distinct_ids():
    from quiz.packs.ids import pack_id_from

    first, second = pack_id_from("日本語 bank"), pack_id_from("中文 bank")
    assert first != second and first.startswith("bank-")


def test_new_and_import_transliterate(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["packs", "new", "Ünïcödé bank"]) == 0
    assert load_pack(tmp_path / "unicode-bank.yaml").info.title == "Ünïcödé bank"
    source = write(tmp_path / "Ünïcödé bank.csv", "prompt,answer,wrong\nA?,a,b\n")
    assert main(["packs", "import", "--from", "csv", str(source), "-o", "out.yaml"]) == 0
    assert load_pack(tmp_path / "out.yaml").id == "unicode-bank"


# -- the guide ships with the game -------------------------------------------------------
def test_packs_docs_prints_the_guide(capsys):
    assert main(["packs", "docs"]) == 0
    assert capsys.readouterr().out == (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    assert main(["packs", "docs", "--path"]) == 0
    assert Path(capsys.readouterr().out.strip()) == ROOT / "docs" / "packs.md"


def test_the_wheel_carries_the_guide_and_finds_it_installed(tmp_path, monkeypatch):
    import tomllib

    from quiz.packs import guide

    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    setup = setup["setuptools"]
    assert "quiz.docs" in setup["packages"] and setup["package-dir"]["quiz.docs"] == "docs"
    assert setup["package-data"]["quiz.docs"] == ["*.md"]
    # Installed, the guide sits in quiz/docs/ beside quiz/packs/.
    installed = tmp_path / "quiz" / "packs"
    installed.mkdir(parents=True)
    (tmp_path / "quiz" / "docs").mkdir()
    write(tmp_path / "quiz" / "docs" / "packs.md", "# guide\n")
    monkeypatch.setattr(guide, "__file__", str(installed / "guide.py"))
    assert guide.guide_text() == "# guide\n"


def test_the_template_points_to_the_command_not_a_repository_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["packs", "new", "mine"]) == 0
    text = (tmp_path / "mine.yaml").read_text(encoding="utf-8")
    assert "wdta-quiz packs docs" in text and "docs/packs.md" not in text


# -- facts that yield nothing ------------------------------------------------------------
# Facts that yield neither a picked nor a typed question: a quote with no publication
# to type, two directors (a typed name needs one), a multi-valued attribute.
SILENT = (
    "format: 1\npack: silent\ntitle: Silent\nfacts:\n"
    "  - {kind: quote, text: the chillest breakup duet, speaker: Dee Lockett}\n"
    "  - {kind: credit, role: director, people: [Phil Pinto, Dave Meyers]}\n"
    "  - {kind: chart, chart: Flanders, year: 2016}\n"
    "  - {kind: attribute, id: label, ask: Which label?, values: [Atlantic, Artist Partner],"
    " pool: [Columbia]}\n"
)


def test_a_fact_that_yields_no_question_is_a_warning_saying_why(tmp_path):
    path = write(tmp_path / "silent.yaml", SILENT)
    pack, problems = check_pack(path)
    assert pack is not None
    assert [(p.severity, p.line, p.column) for p in problems] == [
        ("warning", line, 5) for line in (5, 6, 7, 8)
    ]
    quote, credit, chart, label = (p.message for p in problems)
    assert quote.startswith("fact 'quote-dee-lockett-the-chillest-breakup-duet' yields no"
                            " question: a quote's wrong options are the publications")
    assert "(this pack has 0 other quotes)" in quote
    assert credit.startswith("fact 'credit-director' yields no question: its wrong options")
    assert "(add a 'pool' of people)" in credit
    assert chart.endswith("it has no 'position' (unknown): a chart row is asked about its"
                          " position")
    assert label.endswith("its pool holds fewer than 2 values that are not true (add false"
                          " values of the same kind to its 'pool')")


def test_a_pack_of_zero_questions_is_not_ok_and_does_not_install(tmp_path, capsys):
    path = write(tmp_path / "silent.yaml", SILENT)
    assert main(["packs", "validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{path}: the pack yields no questions, so it cannot be played (the warnings" \
           " above say why)" in out
    assert not any(": ok:" in line for line in out)
    assert out[-1] == "1 file checked: 1 error, 4 warnings"
    assert main(["packs", "add", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"wdta-quiz: {path}: the pack yields no questions, so a game could not use it"
        f" (wdta-quiz packs validate {path} says why): not installed\n"
    )
    assert main(["packs", "list"]) == 0
    assert "silent" not in capsys.readouterr().out


def test_csv_export_leaves_out_typed_questions_and_says_so(tmp_path, capsys):
    from quiz.cli import main

    pack = tmp_path / "typed.yaml"
    pack.write_text(
        "format: 1\npack: typed\ntitle: Typed\nauthor: A\nquestions:\n"
        '  - {prompt: "Pick?", answer: a, wrong: [b, c]}\n'
        '  - {type: number, prompt: "How many?", answer: 5, low: 1, high: 20}\n'
        '  - {type: text, prompt: "Which city?", answer: Oslo}\n',
        encoding="utf-8",
    )
    assert main(["packs", "export", str(pack), "--to", "csv"]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 2 and "Pick?,a,b,c" in out
    assert "2 questions of another type (order, number, text) not exported" in err
