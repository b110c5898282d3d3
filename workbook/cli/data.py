"""`couples-workbook data ...`: export to JSON or CSV, import with a preview, or start a new
workbook from an export. The passphrase comes from standard input (one line) or a prompt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from workbook.storage.errors import VaultNotFound
from workbook.text import InvalidText

EXIT_OK = 0
CSV_WARNING = ("Warning: the spreadsheets are NOT encrypted. Anyone who can open them can read "
               "your check-in notes and gratitude entries.")


def data_command(args: argparse.Namespace, folder: Path,
                 read_secret: Callable[[str], str]) -> int:
    from workbook.content.loader import load_content
    content = load_content().content
    if args.data_command == "import" and args.new:
        return start_new(args, folder, content, read_secret)
    from workbook.accounts import WorkbookService
    service = WorkbookService(folder)
    if not service.exists():
        raise VaultNotFound(f"There is no workbook in {folder}.")
    if args.data_command == "export":
        if (args.output is None) == (args.csv is None):
            raise InvalidText("Please give either OUT.json or --csv DIR.")
        print(CSV_WARNING if args.csv else _not_encrypted(), file=sys.stderr)  # before writing
        return _with_unlocked(service, read_secret, lambda me: export(service, me, args, content))
    if not args.input.is_file():
        raise InvalidText(f"{args.input} is not a file.")
    from workbook import portable
    data = portable.read_import(args.input, content)  # checked before any passphrase is asked
    return _with_unlocked(service, read_secret,
                          lambda me: merge(service, me, data, content, args.dry_run))


def _not_encrypted() -> str:
    from workbook import portable
    return portable.NOT_ENCRYPTED


def _with_unlocked(service, read_secret, action: Callable[[str], None]) -> int:
    me = service.unlock(read_secret("Passphrase: "))
    try:
        action(me.id)
    finally:
        service.lock()
    return EXIT_OK


def export(service, me: str, args: argparse.Namespace, content) -> None:
    from workbook import portable
    data = portable.export_data(service, me, content)
    if args.csv:
        from workbook.spreadsheets import write_spreadsheets
        paths = write_spreadsheets(args.csv, data, content)
        print(f"Wrote {', '.join(p.name for p in paths)} to {args.csv}.")
        return
    try:
        portable.write_export(args.output, data)
    except OSError as error:  # a full disk is the calm StorageFull, not a crash
        from workbook.storage.sqlcipher import storage_error
        raise storage_error(error) from None
    print(f"Wrote {len(data['answers'])} answers, {len(data['checkins'])} check-ins, "
          f"{len(data['gratitude'])} gratitude entries, {len(data['milestones'])} milestones "
          f"and what your partner shared to {args.output}.")


def merge(service, me: str, data: dict, content, dry_run: bool) -> None:
    from workbook import portable
    if dry_run:
        preview = portable.preview_import(service, me, data, content)
        print("Nothing was changed. Importing would bring:")
    else:
        preview = portable.import_data(service, me, data, content)
        print("Imported." if preview.changes else "Nothing to change: everything in the file "
              "is already here.")
    for line in preview.lines():
        print(f"  {line}")


def start_new(args: argparse.Namespace, folder: Path, content, read_secret) -> int:
    from workbook import portable
    if not args.input.is_file():
        raise InvalidText(f"{args.input} is not a file.")
    data = portable.read_import(args.input, content)
    passphrase = read_secret("A new passphrase for the new workbook: ")
    if sys.stdin is not None and sys.stdin.isatty() and read_secret("Again: ") != passphrase:
        raise InvalidText("The two passphrases differ; nothing was created.")
    from workbook.accounts import WorkbookService
    service = WorkbookService(folder)
    created, preview = portable.start_from_export(service, data, content, passphrase, args.name)
    service.lock()
    print(f"A new workbook is ready in {folder}, for {created.info.name}. Brought in:")
    for line in preview.lines():
        print(f"  {line}")
    print("Your recovery code (write it down and keep it somewhere safe; it is shown only "
          f"once):\n\n    {created.recovery_code}\n")
    return EXIT_OK
