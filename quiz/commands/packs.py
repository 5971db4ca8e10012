"""`wdta-quiz packs`: list, validate, create, install, remove, import and export packs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands import COMMANDS
from quiz.commands.output import plural as _plural
from quiz.commands.output import print_problems as _print_problems
from quiz.commands.output import write
from quiz.errors import UserError
from quiz.text import fit

if TYPE_CHECKING:  # cli.py imports every command before `play` draws: keep this light.

    from quiz.facts import Pack
    from quiz.packs.catalog import Entry
    from quiz.packs.convert import Item



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
    """Print every installed pack file: valid, switched off, invalid or not loaded."""
    from quiz.packs.catalog import FolderError, disabled_packs, scan_installed

    disabled = disabled_packs()
    entries, problems = scan_installed()
    rows = [_list_row(entry, disabled) for entry in entries]
    unreadable = [p for p in problems if isinstance(p, FolderError)]
    for problem in problems:
        if not isinstance(problem, FolderError):
            where = getattr(problem, "origin", "user")
            status = f"NOT LOADED: {problem.problems[0].message}"
            rows.append((Path(problem.path).stem, "?", "?", "-", where, problem.path, status))
    for folder in unreadable:
        print(f"wdta-quiz: {folder}", file=sys.stderr)
    if not rows:
        write("No packs installed.\n")
        return 1 if unreadable else 0
    header = ("ID", "TITLE", "AUTHOR", "QUESTIONS", "WHERE", "FILE", "STATUS")
    widths = [min(30, max(len(r[i]) for r in [header, *rows])) for i in range(len(header) - 2)]
    lines = []
    for row in [header, *rows]:
        cells = [fit(cell, width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
        if row is not header:
            lines.append(f"  {row[-2]}")
    write("".join(line + "\n" for line in lines))
    return 1 if unreadable else 0


def _list_row(entry: Entry, disabled: set[str]) -> tuple[str, ...]:
    """One `packs list` row: id, title, author, questions, where, file, status."""
    pack, error, file = entry.pack, entry.error, str(entry.path)
    if pack is None:
        from quiz.packs.catalog import InstalledProblem

        if isinstance(error, InstalledProblem):
            status = f"NOT LOADED: {error.problems[0].message}"
        else:
            errors = len(error.problems) if error is not None else 0
            status = f"INVALID: {_plural(errors, 'error')} (wdta-quiz packs validate FILE)"
        return (entry.key, "?", "?", "-", entry.origin, file, status)
    status = "valid, switched off" if pack.id in disabled else "valid"
    try:
        count = str(count_questions(pack))
    except Exception as failure:  # one pack the generators choke on never hides the rest
        count, status = "?", f"ERROR: its questions cannot be made ({type(failure).__name__})"
    return (pack.id, pack.info.title, pack.info.author, count, entry.origin, file, status)


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
    try:
        # Encoded before anything is created: a name that is not text (undecodable bytes
        # from the command line) must not leave an empty file behind.
        data = template(pack_id, title, target.name).encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(f"{name!r} or {str(target)!r} is not valid text: "
                        "use a name and file name in UTF-8") from None
    _write_new(target, data, force=args.force)
    print(f"wrote {target}: edit it, then run: wdta-quiz packs validate {target}")
    return 0


def _write_new(target: Path, data: bytes, *, force: bool) -> None:
    """Write a new file whole or not at all (never an empty or half file)."""
    from quiz.files import write_atomic

    if os.path.lexists(target):
        if not force:
            raise UserError(f"{target} already exists (use --force to overwrite it)")
        if not os.path.isfile(target) or os.path.islink(target):
            # --force replaces a file; renaming over a device or a link's target is not that.
            raise UserError(f"{target} is not a regular file: not overwritten")
    try:
        write_atomic(target, data)
    except OSError as error:
        raise UserError(f"cannot write {target}: {error.strerror or error}") from None


# -- add / remove ------------------------------------------------------------------------
def run_add(args: argparse.Namespace) -> int:
    """Validate a pack file, then install those same bytes into the user's pack folder."""
    from quiz.commands.pack_install import add

    print(add(args.file, replace_existing=args.replace))
    return 0


def install(pack_id: str, data: bytes, *, replace: bool) -> Path:
    """Write a validated pack's bytes into the user folder (see ``pack_install.install``)."""
    from quiz.commands.pack_install import install as install_bytes

    return install_bytes(pack_id, data, replace=replace)


def run_remove(args: argparse.Namespace) -> int:
    """Uninstall the user pack file the game uses for an id (built-in packs stay)."""
    from quiz.commands.pack_install import remove

    print(remove(args.pack_id))
    return 0


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
        if len(error.problems) == 1:
            raise UserError(f"{error.problems[0]}: nothing imported") from None
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
        write(text, data=True)
    return 0


def export_items(pack: Pack) -> list[Item]:
    """Every pick question the pack yields (generated ones too), as export items; each one
    that cannot be built is named on stderr and left out."""
    from quiz.commands.pack_install import build_each
    from quiz.packs.convert import items_from_options

    questions, failed = build_each(pack)
    for line in failed:
        print(f"wdta-quiz: {pack.path}: {line}: not exported", file=sys.stderr)
    # Export items are picks (an answer and wrong options); typed questions have none.
    return [
        items_from_options(q.prompt, q.options, q.answer, q.category, q.difficulty, q.explanation)
        for q in questions if q.picks
    ]
