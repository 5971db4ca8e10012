"""`wdta-quiz packs`: list, validate, create, install, remove, import and export packs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz import paths
from quiz.commands import COMMANDS
from quiz.errors import UserError

if TYPE_CHECKING:  # cli.py imports every command before `play` draws: keep this light.
    from collections.abc import Iterable

    from quiz.facts import Pack
    from quiz.packs.convert import Item
    from quiz.packs.problems import Problem



def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `packs` parser and its subcommands."""
    parser = sub.add_parser(
        "packs",
        help=COMMANDS["packs"],
        description="Manage question packs (see docs/packs.md for the format).",
    )
    parser.set_defaults(func=run_list)
    packs = parser.add_subparsers(dest="packs_command", metavar="SUBCOMMAND")

    p = packs.add_parser("list", help="installed packs: id, title, author, questions, where, valid")
    p.set_defaults(func=run_list)

    p = packs.add_parser("validate", help="check pack files; every problem as FILE:LINE:COLUMN")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run_validate)

    p = packs.add_parser("new", help="write a commented template for a new pack")
    p.add_argument("name", metavar="NAME", help="the pack's id or title")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write it (default: ID.yaml)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=run_new)

    p = packs.add_parser("add", help="validate a pack file and install it")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--replace", action="store_true", help="replace an installed pack with its id")
    p.set_defaults(func=run_add)

    p = packs.add_parser("remove", help="uninstall a pack you added")
    p.add_argument("pack_id", metavar="ID")
    p.set_defaults(func=run_remove)

    p = packs.add_parser("import", help="make a pack from an OpenTDB JSON or CSV question bank")
    p.add_argument("--from", dest="source", choices=("opentdb", "csv"), required=True)
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "-o", "--output", metavar="OUT.yaml", help="write the pack here (default: install it)"
    )
    p.add_argument("--id", dest="pack_id", help="pack id (default: from the file name)")
    p.add_argument("--title", help="pack title (default: from the file name)")
    p.add_argument("--author", help="pack author")
    p.add_argument("--replace", action="store_true", help="replace an installed pack with its id")
    p.set_defaults(func=run_import)

    p = packs.add_parser("export", help="write a pack's questions as OpenTDB JSON or CSV")
    p.add_argument("pack", metavar="ID", help="an installed pack id or a pack file")
    p.add_argument("--to", dest="target", choices=("opentdb", "csv"), required=True)
    p.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output)")
    p.set_defaults(func=run_export)


def _is_pack_id(text: str) -> bool:
    # Imported here: quiz.packs loads the whole loader, and --help imports this module.
    from quiz.packs.ids import is_pack_id

    return is_pack_id(text)


# -- list --------------------------------------------------------------------------------
def count_questions(pack: Pack) -> int:
    """How many questions a pack yields."""
    from quiz.generators import count_questions as generated

    return generated(pack)


def run_list(args: argparse.Namespace) -> int:
    """Print every installed pack, valid or not."""
    from quiz.packs import PackError, load_pack
    from quiz.packs.catalog import disabled_packs, installed_files
    from quiz.text import fit

    disabled = disabled_packs()
    rows = []
    for path, origin in installed_files():
        try:
            pack = load_pack(path, origin)
        except PackError as error:
            errors = len(error.problems)
            plural = "s" if errors != 1 else ""
            status = f"INVALID: {errors} error{plural} (wdta-quiz packs validate FILE)"
            rows.append((path.stem, "?", "?", "-", origin, str(path), status))
            continue
        status = "valid, switched off" if pack.id in disabled else "valid"
        count = str(count_questions(pack))
        rows.append((pack.id, pack.info.title, pack.info.author, count, origin, str(path), status))
    if not rows:
        print("No packs installed.")
        return 0
    header = ("ID", "TITLE", "AUTHOR", "QUESTIONS", "WHERE", "FILE", "STATUS")
    widths = [min(30, max(len(r[i]) for r in [header, *rows])) for i in range(len(header) - 2)]
    for row in [header, *rows]:
        cells = [fit(cell, width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
        if row is not header:
            print(f"  {row[-2]}")
    return 0


# -- validate ----------------------------------------------------------------------------
def run_validate(args: argparse.Namespace) -> int:
    """Check each file; print every problem; exit 1 if any has errors."""
    from quiz.packs import check_pack

    errors = warnings = 0
    for file in args.files:
        pack, problems = check_pack(file)
        for problem in problems:
            if problem.severity == "warning":
                warnings += 1
                print(f"{problem.path}:{problem.line}:{problem.column}: warning: {problem.message}")
            else:
                errors += 1
                print(problem)
        if pack is not None and not any(p.severity == "error" for p in problems):
            print(f"{file}: ok: pack '{pack.id}', {_plural(count_questions(pack), 'question')}")
    checked = _plural(len(args.files), "file")
    print(f"{checked} checked: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}")
    return 1 if errors else 0


# -- new ---------------------------------------------------------------------------------
def run_new(args: argparse.Namespace) -> int:
    """Write the commented template for a new pack."""
    from quiz.packs.ids import slug
    from quiz.packs.template import template

    name = args.name.strip()
    if not any(char.isalnum() for char in name):
        # slug() would turn it into a bare hash such as "00000000".
        raise UserError(f"cannot make a pack id from {name!r}: give the pack a name with "
                        "letters or digits")
    pack_id = name if _is_pack_id(name) else slug(name)[:40].strip("-")
    if not _is_pack_id(pack_id):
        raise UserError(f"cannot make a pack id from {name!r}: use letters and digits")
    title = name if name != pack_id else name.replace("-", " ").capitalize()
    target = Path(args.output or f"{pack_id}.yaml")
    if target.exists() and not args.force:
        raise UserError(f"{target} already exists (use --force to overwrite it)")
    try:
        target.write_text(template(pack_id, title, target.name), encoding="utf-8")
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"wrote {target}: edit it, then run: wdta-quiz packs validate {target}")
    return 0


# -- add / remove ------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Validate a pack file, then install it into the user's pack folder."""
    from quiz.packs import check_pack

    source = args.file
    if os.path.islink(source):
        raise UserError(f"{source} is a symbolic link: give the file itself")
    if not os.path.isfile(source):
        raise UserError(f"{source}: no such file")
    pack, problems = check_pack(source)
    if pack is None:
        _print_problems(problems)
        raise UserError(f"{source} has errors: not installed")
    data = Path(source).read_bytes()
    target = install(pack.id, data, replace=args.replace)
    print(f"installed '{pack.id}' ({_plural(count_questions(pack), 'question')}) as {target}")
    return 0


def install(pack_id: str, data: bytes, *, replace: bool) -> Path:
    """Write a validated pack's bytes into the user folder as ``<id>.yaml``.

    Refuses built-in ids, ids already installed (unless ``replace``), and any id that
    could name a file outside the folder (ids are validated; this checks again).
    """
    from quiz.packs.catalog import pack_files

    if not _is_pack_id(pack_id):
        raise UserError(f"bad pack id {pack_id!r}")
    folder = paths.user_packs_dir()
    target = folder / f"{pack_id}.yaml"
    if target.resolve().parent != folder.resolve():
        raise UserError(f"pack id {pack_id!r} would be installed outside {folder}")
    if pack_id in _ids_in(pack_files(paths.builtin_packs_dir())):
        raise UserError(f"'{pack_id}' is the id of a built-in pack: choose another id")
    taken = _ids_in(pack_files(folder))
    if pack_id in taken and not replace:
        raise UserError(f"a pack with id '{pack_id}' is already installed (use --replace)")
    try:
        _write_into(folder, target, data, [f for f in taken.get(pack_id, []) if f != target])
    except OSError as error:
        reason = error.strerror or str(error)
        raise UserError(f"cannot install '{pack_id}' into {folder}: {reason}") from None
    return target


def _write_into(folder: Path, target: Path, data: bytes, stale: list[Path]) -> None:
    """Write ``data`` to ``target`` atomically, then drop ``stale`` files of the same id."""
    from quiz.files import write_atomic

    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(target, data)
    for other in stale:
        other.unlink(missing_ok=True)  # the same id under another file name


def _ids_in(files: list[Path]) -> dict[str, list[Path]]:
    """Pack id -> files holding it (the file name's stem for files that do not load)."""
    from quiz.packs import PackError, load_pack

    ids: dict[str, list[Path]] = {}
    for file in files:
        try:
            pack_id = load_pack(file).id
        except PackError:
            pack_id = file.stem
        ids.setdefault(pack_id, []).append(file)
        ids.setdefault(file.stem, [])
    return ids


def run_remove(args: argparse.Namespace) -> int:
    """Uninstall a user pack (built-in packs cannot be removed)."""
    from quiz.packs.catalog import pack_files

    pack_id = args.pack_id
    user = (
        _ids_in(pack_files(paths.user_packs_dir())).get(pack_id)
        if _is_pack_id(pack_id)
        else None
    )
    if user:
        try:
            for file in user:
                file.unlink(missing_ok=True)
        except OSError as error:
            reason = f"{error.filename}: {error.strerror or error}"
            raise UserError(f"cannot remove '{pack_id}': {reason}") from None
        print(f"removed '{pack_id}'")
        return 0
    if _is_pack_id(pack_id) and pack_id in _ids_in(pack_files(paths.builtin_packs_dir())):
        raise UserError(
            f"'{pack_id}' is a built-in pack and cannot be removed (switch it off instead)"
        )
    raise UserError(f"no installed user pack with id '{pack_id}' (see: wdta-quiz packs list)")


# -- import / export ---------------------------------------------------------------------
def run_import(args: argparse.Namespace) -> int:
    """Turn an OpenTDB JSON or CSV bank into a pack; write it to -o or install it."""
    from quiz.packs import PackError, check_pack, yamlsafe
    from quiz.packs.convert import default_meta, dump_pack, from_csv, from_opentdb, pack_data

    try:
        text = yamlsafe.read_pack_text(args.file)
        reader = from_opentdb if args.source == "opentdb" else from_csv
        questions = reader(args.file, text)
    except PackError as error:
        _print_problems(error.problems)
        raise UserError(f"{args.file}: nothing imported") from None
    if not questions:
        raise UserError(f"{args.file}: no questions found")
    meta = default_meta(Path(args.file).name, args.pack_id, args.title, args.author, args.source)
    if not _is_pack_id(meta.id):
        raise UserError(f"bad pack id {meta.id!r}: use --id with lower-case letters, digits, '-'")
    yaml_text = dump_pack(pack_data(meta, questions))
    # Check what we wrote exactly as a player's game will read it.
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        written = Path(tmp) / f"{meta.id}.yaml"
        written.write_text(yaml_text, encoding="utf-8")
        pack, problems = check_pack(written)
    if pack is None:
        _print_problems(problems)
        raise UserError(f"{args.file}: the imported pack does not validate: nothing written")
    if args.output:
        output = Path(args.output)
        try:
            output.write_text(yaml_text, encoding="utf-8")
        except OSError as error:
            raise UserError(f"cannot write {output}: {error.strerror or error}") from None
        print(f"wrote '{meta.id}' ({_plural(len(questions), 'question')}) to {output}")
    else:
        target = install(meta.id, yaml_text.encode("utf-8"), replace=args.replace)
        print(f"installed '{meta.id}' ({_plural(len(questions), 'question')}) as {target}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write every question a pack yields as OpenTDB JSON or CSV."""
    from quiz.packs import load_catalog
    from quiz.packs.convert import to_csv, to_opentdb

    catalog = load_catalog([args.pack])
    if catalog.failures:
        _print_problems([p for failure in catalog.failures for p in failure.problems])
        raise UserError(f"cannot export {args.pack}")
    pack = catalog.packs[0]
    items = export_items(pack)
    text = to_opentdb(items) if args.target == "opentdb" else to_csv(items)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            raise UserError(f"cannot write {args.output}: {error.strerror or error}") from None
        print(f"wrote {_plural(len(items), 'question')} from '{pack.id}' to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def export_items(pack: Pack) -> list[Item]:
    """Every question the pack yields (generated ones too), as export items."""
    from random import Random

    from quiz.generators import generate_all
    from quiz.packs.convert import items_from_options

    return [
        items_from_options(q.prompt, q.options, q.answer, q.category, q.difficulty, q.explanation)
        for q in generate_all([pack], Random(0))
    ]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _print_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        if problem.severity == "warning":
            line = f"{problem.path}:{problem.line}:{problem.column}: warning: {problem.message}"
        else:
            line = str(problem)
        print(line, file=sys.stderr)
