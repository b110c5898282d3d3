"""`couples-workbook backup` and `couples-workbook restore`.

The passphrase or recovery code comes from standard input (one line) or a prompt, never from
argv. Restore refuses to replace an existing workbook unless `--replace` is given.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from workbook.storage.errors import VaultNotFound
from workbook.text import InvalidText

SECRET_PROMPT = "Passphrase or recovery code: "


def add_commands(commands) -> None:
    backup = commands.add_parser("backup", help="write an encrypted backup of the whole "
                                 "workbook (passphrase from standard input)")
    backup.add_argument("--data-dir", type=Path, dest="backup_dir", help=argparse.SUPPRESS)
    backup.add_argument("-o", "--output", type=Path, help="the backup file to write")
    backup.add_argument("--verify", type=Path, metavar="FILE", help="check a backup file "
                        "instead: it opens with your passphrase or recovery code and is intact")
    restore = commands.add_parser("restore", help="restore a backup file into a workbook "
                                  "folder (passphrase or recovery code from standard input)")
    restore.add_argument("input", type=Path, metavar="FILE")
    restore.add_argument("--data-dir", type=Path, dest="restore_dir", help=argparse.SUPPRESS)
    restore.add_argument("--replace", action="store_true", help="replace the workbook already "
                         "in that folder")


def backup_command(args: argparse.Namespace, folder: Path,
                   read_secret: Callable[[str], str]) -> int:
    from workbook import backups
    if args.verify is not None:
        report = backups.verify_backup(args.verify, read_secret(SECRET_PROMPT))
        print(f"The backup is intact and opens with what you typed: {report.files} files, "
              f"{report.partners} partner(s), made {report.created}.")
        return 0
    if args.output is None:
        raise InvalidText("Please say where to write the backup: -o FILE (or --verify FILE).")
    from workbook.accounts import WorkbookService
    service = WorkbookService(folder)
    if not service.exists():
        raise VaultNotFound(f"There is no workbook in {folder}.")
    service.unlock(read_secret("Passphrase: "))
    try:
        backups.create_backup(service, args.output)
    finally:
        service.lock()
    print(f"Wrote an encrypted backup of the whole workbook to {args.output}. It opens only with "
          "a partner's passphrase or recovery code.")
    return 0


def restore_command(args: argparse.Namespace, folder: Path,
                    read_secret: Callable[[str], str]) -> int:
    from workbook import backups
    report = backups.restore_backup(args.input, read_secret(SECRET_PROMPT), folder,
                                    replace=args.replace)
    print(f"Restored the backup made {report.created} into {folder} "
          f"({report.partners} partner(s)). Unlock it with your passphrase as it was then: "
          "passphrases and recovery codes changed since do not open it.")
    return 0
