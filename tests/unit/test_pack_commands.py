"""`wdta-quiz packs ...`: every subcommand through quiz.cli.main."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quiz import paths
from quiz.cli import main
from quiz.packs import check_pack, load_pack
from quiz.packs.schema import SCHEMA_PATH

DATA = Path(__file__).parent / "packs_data"
GOOD = DATA / "good.yaml"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def builtin_dir(tmp_path, monkeypatch):
    """A built-in folder holding one small pack, 'builtin-one'."""
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "builtin-one.yaml").write_text(
        "format: 1\npack: builtin-one\ntitle: Built in\nauthor: Us\n"
        "questions:\n  - {prompt: A?, answer: a, wrong: [b]}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(paths, "builtin_packs_dir", lambda: folder)
    return folder


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_new_writes_a_template_that_validates(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["packs", "new", "My Friends Pack"]) == 0
    path = tmp_path / "my-friends-pack.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_PATH.resolve().as_uri()}"
    assert SCHEMA_PATH.is_file()
    pack, problems = check_pack(path)
    assert problems == [] and pack.id == "my-friends-pack" and pack.info.title == "My Friends Pack"
    assert "wrote my-friends-pack.yaml" in capsys.readouterr().out
    assert main(["packs", "new", "My Friends Pack"]) == 1
    assert "already exists (use --force" in capsys.readouterr().err
    assert main(["packs", "new", "x: y", "-o", str(tmp_path / "t.yaml")]) == 0
    assert load_pack(tmp_path / "t.yaml").info.title == "x: y"


def test_new_refuses_a_name_without_letters_or_digits(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for name in ("", "   ", "!!!"):
        assert main(["packs", "new", name]) == 1
        assert "give the pack a name with letters or digits" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_validate_reports_every_problem_and_exit_codes(tmp_path, capsys):
    bad = write(tmp_path / "bad.yaml", "format: 1\npack: b\ntitle: B\nquestions:\n"
                "  - {promt: A?, answer: a, wrong: [b]}\n")  # fmt: skip
    warn = write(tmp_path / "warn.yaml", "format: 1\npack: w\ntitle: W\nquestions:\n"
                 "  - {prompt: A?, answer: a, wrong: [b, b]}\n")  # fmt: skip
    assert main(["packs", "validate", str(GOOD), str(warn)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{GOOD}: ok: pack 'sample', {_count(GOOD)} questions",
        f"{warn}:5:40: warning: 'b' is listed twice in 'wrong'; the repeat is dropped",
        f"{warn}: ok: pack 'w', 1 question",
        "2 files checked: 0 errors, 1 warning",
    ]
    assert main(["packs", "validate", str(bad), str(tmp_path / "missing.yaml")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{bad}:5:5: a question is missing the required key 'prompt'",
        f"{bad}:5:6: unknown key 'promt' (did you mean 'prompt'?)",
        f"{tmp_path / 'missing.yaml'}: cannot read the file: No such file or directory",
        "2 files checked: 3 errors, 0 warnings",
    ]


def _count(path: Path) -> int:
    from quiz.commands.packs import count_questions

    return count_questions(load_pack(path))


def test_add_installs_and_refuses_taken_ids(tmp_path, builtin_dir, capsys):
    assert main(["packs", "add", str(GOOD)]) == 0
    installed = paths.user_packs_dir() / "sample.yaml"
    assert installed.read_bytes() == GOOD.read_bytes()
    umask = os.umask(0)
    os.umask(umask)
    assert installed.stat().st_mode & 0o777 == 0o666 & ~umask  # not owner-only
    assert "installed 'sample'" in capsys.readouterr().out
    assert main(["packs", "add", str(GOOD)]) == 1
    assert "already installed (use --replace)" in capsys.readouterr().err
    changed = write(tmp_path / "changed.yaml", GOOD.read_text().replace("Sample pack", "Changed"))
    assert main(["packs", "add", str(changed), "--replace"]) == 0
    assert load_pack(installed).info.title == "Changed"
    same_as_builtin = write(tmp_path / "b.yaml", (builtin_dir / "builtin-one.yaml").read_text())
    assert main(["packs", "add", str(same_as_builtin), "--replace"]) == 1
    assert "is the id of a built-in pack" in capsys.readouterr().err


def test_add_refuses_invalid_packs_and_symlinks(tmp_path, builtin_dir, capsys):
    bad = write(tmp_path / "bad.yaml", "format: 1\npack: ../../evil\ntitle: B\n")
    assert main(["packs", "add", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2:7: bad pack id '../../evil'" in err and "not installed" in err
    link = tmp_path / "link.yaml"
    link.symlink_to(GOOD)
    assert main(["packs", "add", str(link)]) == 1
    assert "is a symbolic link" in capsys.readouterr().err
    assert not paths.user_packs_dir().exists() or not list(paths.user_packs_dir().iterdir())


def test_add_and_import_into_an_unwritable_folder_say_so(tmp_path, monkeypatch, capsys):
    blocker = write(tmp_path / "a-file", "not a folder")
    monkeypatch.setenv("WDTA_QUIZ_HOME", str(blocker / "home"))
    assert main(["packs", "add", str(GOOD)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wdta-quiz: cannot install 'sample' into ") and "Traceback" not in err
    bank = write(tmp_path / "bank.csv", "prompt,answer,wrong1,wrong2,wrong3,category,difficulty,"
                 "explanation\nA?,a,b,c,d,,,\n")
    assert main(["packs", "import", "--from", "csv", str(bank)]) == 1
    assert "cannot install 'bank' into " in capsys.readouterr().err


def test_one_question_is_not_said_as_questions(tmp_path, builtin_dir, capsys):
    one = write(tmp_path / "one.yaml", "format: 1\npack: one\ntitle: One\n"
                "questions:\n  - {prompt: A?, answer: a, wrong: [b]}\n")
    assert main(["packs", "validate", str(one)]) == 0
    assert f"{one}: ok: pack 'one', 1 question\n" in capsys.readouterr().out
    assert main(["packs", "add", str(one)]) == 0
    assert "installed 'one' (1 question) as " in capsys.readouterr().out


def test_install_never_escapes_the_folder():
    from quiz.commands.packs import install
    from quiz.errors import UserError

    for pack_id in ("../evil", "/etc/passwd", "a/b", "..", "UPPER", ""):
        with pytest.raises(UserError):
            install(pack_id, b"x", replace=True)
    assert not (paths.data_dir().parent / "evil.yaml").exists()


def test_remove(builtin_dir, capsys):
    assert main(["packs", "add", str(GOOD)]) == 0
    assert main(["packs", "remove", "sample"]) == 0
    assert not (paths.user_packs_dir() / "sample.yaml").exists()
    assert main(["packs", "remove", "builtin-one"]) == 1
    assert "is a built-in pack and cannot be removed" in capsys.readouterr().err
    assert (builtin_dir / "builtin-one.yaml").exists()
    assert main(["packs", "remove", "../builtin/builtin-one"]) == 1
    assert "no installed user pack with id" in capsys.readouterr().err


def test_remove_from_a_read_only_folder_says_so(builtin_dir, monkeypatch, capsys):
    assert main(["packs", "add", str(GOOD)]) == 0

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "unlink", refuse)
    assert main(["packs", "remove", "sample"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("wdta-quiz: cannot remove 'sample': ") and "Permission denied" in err


def test_list_shows_valid_and_broken_packs(builtin_dir, capsys):
    assert main(["packs", "add", str(GOOD)]) == 0
    write(paths.user_packs_dir() / "broken.yaml", "format: 1\npack: [\n")
    config = paths.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(json.dumps({"disabled_packs": ["builtin-one"]}), encoding="utf-8")
    capsys.readouterr()
    assert main(["packs", "list"]) == 0
    out = capsys.readouterr().out
    lines = [line.split() for line in out.splitlines()]
    assert lines[0] == ["ID", "TITLE", "AUTHOR", "QUESTIONS", "WHERE", "STATUS"]
    assert "builtin-one" in out and "valid, switched off" in out
    assert "INVALID: 1 error (wdta-quiz packs validate FILE)" in out
    sample = next(line for line in out.splitlines() if line.startswith("sample"))
    assert "Sample pack" in sample and "Tester" in sample and "user" in sample
    assert str(_count(GOOD)) in sample.split()
    assert main(["packs"]) == 0 and capsys.readouterr().out == out


OPENTDB = {
    "response_code": 0,
    "results": [
        {
            "category": "Entertainment: Music",
            "type": "multiple",
            "difficulty": "medium",
            "question": "Who sang &quot;We Don&#039;t Talk Anymore&quot; with Charlie Puth?",
            "correct_answer": "Selena Gomez",
            "incorrect_answers": ["Demi Lovato", "Meghan Trainor", "Shawn Mendes &amp; co"],
        },
        {
            "category": "Entertainment: Music",
            "type": "boolean",
            "difficulty": "easy",
            "question": "The song was released in 2016.",
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        },
    ],
}


def test_import_opentdb_to_a_file_and_export_back(tmp_path, builtin_dir, capsys):
    source = write(tmp_path / "music-bank.json", json.dumps(OPENTDB))
    out = tmp_path / "out.yaml"
    assert main(["packs", "import", "--from", "opentdb", str(source), "-o", str(out)]) == 0
    pack = load_pack(out)
    assert pack.id == "music-bank" and pack.info.title == "Music bank"
    first, second = pack.questions
    assert first.prompt == 'Who sang "We Don\'t Talk Anymore" with Charlie Puth?'
    assert first.wrong == ("Demi Lovato", "Meghan Trainor", "Shawn Mendes & co")
    assert first.category == "Entertainment: Music" and first.difficulty == "medium"
    assert (second.answer, second.wrong, second.difficulty) == ("True", ("False",), "easy")
    assert main(["packs", "export", str(out), "--to", "opentdb"]) == 0
    exported = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert exported["response_code"] == 0
    by_type = {r["type"]: r for r in exported["results"]}
    assert by_type["boolean"]["correct_answer"] == "True"
    assert sorted(by_type["multiple"]["incorrect_answers"]) == sorted(
        ["Demi Lovato", "Meghan Trainor", "Shawn Mendes &amp; co"]
    )


def test_import_installs_without_output_and_takes_metadata_flags(tmp_path, builtin_dir):
    source = write(tmp_path / "bank.json", json.dumps(OPENTDB))
    args = ["packs", "import", "--from", "opentdb", str(source)]
    assert main([*args, "--id", "friends", "--title", "Friends", "--author", "Me"]) == 0
    pack = load_pack(paths.user_packs_dir() / "friends.yaml")
    assert (pack.id, pack.info.title, pack.info.author) == ("friends", "Friends", "Me")
    assert main([*args, "--id", "friends"]) == 1
    assert main([*args, "--id", "friends", "--replace"]) == 0


def test_import_reports_bad_opentdb_entries(tmp_path, capsys):
    data = {"results": [{"type": "multiple", "question": "Q?", "correct_answer": "a",
                         "incorrect_answers": ["a", "b"]}, {"question": "x"}, 5]}  # fmt: skip
    source = write(tmp_path / "bad.json", json.dumps(data))
    assert main(["packs", "import", "--from", "opentdb", str(source), "-o", "x.yaml"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{source}: result 1: the answer 'a' is also a wrong answer",
        f"{source}: result 2: missing type, correct_answer",
        f"{source}: result 3: not an object",
        f"wdta-quiz: {source}: nothing imported",
    ]
    write(source, "{oops")
    assert main(["packs", "import", "--from", "opentdb", str(source), "-o", "x.yaml"]) == 1
    assert f"{source}:1:2: invalid JSON" in capsys.readouterr().err


CSV_TEXT = (
    "prompt,answer,wrong1,wrong2,wrong3,category,difficulty,explanation\n"
    'Who directed the video?,Phil Pinto,Hype Williams,Director X,,Videos,hard,"Two\nlines"\n'
    "Which year?,2016,2015,2017,2018,,easy,\n"
)


def test_import_csv_and_export_csv(tmp_path, builtin_dir, capsys):
    source = write(tmp_path / "my_bank.csv", CSV_TEXT)
    out = tmp_path / "bank.yaml"
    assert main(["packs", "import", "--from", "csv", str(source), "-o", str(out)]) == 0
    pack = load_pack(out)
    first, second = pack.questions
    assert first.wrong == ("Hype Williams", "Director X")
    assert first.explanation == "Two\nlines" and first.difficulty == "hard"
    assert second.answer == "2016" and second.category == "General"
    exported = tmp_path / "exported.csv"
    assert main(["packs", "export", str(out), "--to", "csv", "-o", str(exported)]) == 0
    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8"))))
    assert rows[0] == "prompt,answer,wrong1,wrong2,wrong3,category,difficulty,explanation".split(
        ","
    )
    exported_prompts = {row[0]: row for row in rows[1:]}
    assert exported_prompts["Which year?"][1] == "2016"
    assert sorted(exported_prompts["Which year?"][2:5]) == ["2015", "2017", "2018"]


def test_import_csv_reports_bad_rows_with_line_numbers(tmp_path, capsys):
    text = (
        "prompt,answer,wrong1,wrong2,wrong3,category,difficulty,explanation\n"
        "Fine?,yes,no,,,,,\n"
        '"Multi\nline?",,no,,,,,\n'
        "Bad difficulty?,a,b,,,,impossible,\n"
        "Too few,a\n"
    )
    source = write(tmp_path / "bad.csv", text)
    assert main(["packs", "import", "--from", "csv", str(source), "-o", "x.yaml"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{source}:3:1: no right answer",
        f"{source}:5:1: difficulty 'impossible' is not one of easy, medium, hard",
        f"{source}:6:1: expected 8 fields, found 2",
        f"wdta-quiz: {source}: nothing imported",
    ]
    write(source, "question,answer\nA,b\n")
    assert main(["packs", "import", "--from", "csv", str(source), "-o", "x.yaml"]) == 1
    assert "the header must be: prompt,answer,wrong1" in capsys.readouterr().err


def test_export_unknown_pack(capsys):
    assert main(["packs", "export", "nope", "--to", "csv"]) == 1
    assert "no installed pack with id 'nope'" in capsys.readouterr().err


def test_console_script_validates(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WDTA_QUIZ_HOME": str(tmp_path / "home")}
    copy = shutil.copy(GOOD, tmp_path / "good.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "packs", "validate", str(copy)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("1 file checked: 0 errors, 0 warnings\n")
