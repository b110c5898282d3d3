"""Command line. With no command it opens the window; the GUI stays the main way in.

Passphrases are never taken from argv (other users can read it in the process list): they come
from standard input, one line, or from a prompt when standard input is a terminal.
Errors print one calm line and exit non-zero; tracebacks go to the log without exception text.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from workbook import APP_ID, APP_NAME, __version__
from workbook.errors import WorkbookError
from workbook.paths import AppPaths
from workbook.storage.errors import VaultNotFound
from workbook.text import InvalidText

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USER_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_ID, description=f"{APP_NAME}: a private, "
                                     "encrypted workbook for couples.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", type=Path, help="the workbook folder (default: the "
                        "platform's user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("self-test", help="check, without a window, that encryption and "
                        "storage work on this computer")
    demo = commands.add_parser("demo", help="create a demo workbook to try the app with")
    demo.add_argument("--data-dir", type=Path, dest="demo_dir",
                      help="an empty or new folder for the demo workbook")
    demo.add_argument("--years", type=int, default=1, choices=range(1, 21), metavar="N",
                      help="how many years of entries (1-20)")
    blank = commands.add_parser("blank", help="print blank worksheets to fill in by hand "
                                "(no workbook or passphrase needed)")
    blank.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    blank.add_argument("--chapter", action="append", metavar="ID", help="only this chapter "
                       "(repeat for more); default: every chapter")
    blank.add_argument("--page-size", choices=["A4", "Letter"], default="A4")
    blank.add_argument("--fillable", action="store_true", help="add form fields to type into")
    check = commands.add_parser("check", help="unlock with a passphrase from standard input "
                                "and verify every file of the workbook")
    check.add_argument("--data-dir", type=Path, dest="check_dir", help=argparse.SUPPRESS)
    _add_data_commands(commands)
    _add_export_command(commands)
    from workbook.cli.backup import add_commands
    add_commands(commands)
    return parser


def _add_export_command(commands) -> None:
    export = commands.add_parser("export", help="print a session packet as a PDF (NOT "
                                 "encrypted; passphrase from standard input)")
    export.add_argument("--data-dir", type=Path, dest="export_dir", help=argparse.SUPPRESS)
    export.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    export.add_argument("--from", type=_day, dest="date_from", metavar="DATE",
                        help="check-ins, milestones and gratitude from this day (YYYY-MM-DD)")
    export.add_argument("--to", type=_day, dest="date_to", metavar="DATE",
                        help="... up to this day (YYYY-MM-DD)")
    export.add_argument("--chapter", action="append", metavar="ID", help="only this chapter's "
                        "answers (repeat for more); default: every chapter")
    export.add_argument("--include-private", action="store_true", help="also print your "
                        "private (unshared) answers")
    export.add_argument("--names", choices=["none", "initials", "names"], default="none",
                        help="how you are named in headers and beside answers")
    export.add_argument("--page-size", choices=["A4", "Letter"], default="A4")


def _day(text: str):
    import datetime as dt
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


def _add_data_commands(commands) -> None:
    data = commands.add_parser("data", help="export everything you can see to JSON or CSV, or "
                               "import such a file (passphrase from standard input)")
    actions = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write everything you can see to a JSON file "
                                "(NOT encrypted)")
    export.add_argument("output", type=Path, metavar="OUT.json", nargs="?")
    export.add_argument("--csv", type=Path, metavar="DIR", help="instead, write check-ins, "
                        "gratitude and milestones as CSV spreadsheets into DIR")
    imp = actions.add_parser("import", help="merge an export into your space, or start a new "
                             "workbook from it (--new)")
    imp.add_argument("input", type=Path, metavar="IN.json")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.add_argument("--new", action="store_true", help="start a new workbook in --data-dir "
                     "from the export: you choose a new passphrase and get a new recovery code")
    imp.add_argument("--name", help="with --new: your display name (default: the one in the "
                     "file)")
    for sub in (export, imp):
        sub.add_argument("--data-dir", type=Path, dest="data_cmd_dir", help=argparse.SUPPRESS)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # how the desktop starts it: straight to the window, no parser to build
        return _run(AppPaths.default(), lambda paths: open_window(paths, argv))
    args = build_parser().parse_args(argv)
    return _run(AppPaths.default(args.data_dir), lambda paths: _dispatch(args, paths, argv))


def _run(paths: AppPaths, command: Callable[[AppPaths], int]) -> int:
    try:
        _start_logging(paths)
        return command(paths)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:
        return report_error(error)


def _dispatch(args: argparse.Namespace, paths: AppPaths, argv: list[str]) -> int:
    if args.command == "self-test":
        from workbook.cli.selftest import run_self_test
        return run_self_test(print)
    if args.command == "demo":
        folder = args.demo_dir or args.data_dir
        if folder is None:
            raise InvalidText("Please say where to create the demo: --data-dir FOLDER")
        build_demo(folder, args.years)
        return EXIT_OK
    if args.command == "blank":
        return print_blank(args)
    if args.command == "check":
        return check_vault(args.check_dir or paths.data_dir)
    if args.command == "data":
        return data_command(args, args.data_cmd_dir or paths.data_dir)
    if args.command == "export":
        from workbook.cli.packet import export_packet
        return export_packet(args, args.export_dir or paths.data_dir, read_secret)
    if args.command in ("backup", "restore"):
        from workbook.cli import backup as backup_cli
        if args.command == "backup":
            return backup_cli.backup_command(args, args.backup_dir or paths.data_dir, read_secret)
        return backup_cli.restore_command(args, args.restore_dir or paths.data_dir, read_secret)
    return open_window(paths, argv)


def build_demo(folder: Path, years: int) -> None:
    """A demo that fails half-way (a full disk, missing content) leaves nothing behind: the
    folder is removed again if this command created it or found it empty."""
    import shutil

    from workbook.demo.workbook import create_demo
    from workbook.storage.sqlcipher import storage_error
    folder = Path(folder)
    fresh = not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))
    try:
        create_demo(folder, years=years, say=print)
    except BaseException as error:
        if fresh and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            print(f"{APP_ID}: the demo was not finished, so its folder was removed.",
                  file=sys.stderr)
        if isinstance(error, OSError):
            raise storage_error(error) from None
        raise


def open_window(paths: AppPaths, argv: list[str]) -> int:
    from workbook.ui.app import run_gui  # Qt is imported only when a window is wanted
    return run_gui(paths, [sys.argv[0], *argv])


def print_blank(args: argparse.Namespace) -> int:
    from workbook.export import build_blank_worksheets
    try:
        pages = build_blank_worksheets(args.output, chapter_ids=args.chapter,
                                       page_size=args.page_size, fillable=args.fillable)
    except ValueError as error:  # unknown chapter or bad size: the message names it
        raise InvalidText(str(error)) from None
    print(f"Wrote {pages} pages of blank worksheets to {args.output}.")
    return EXIT_OK


def check_vault(folder: Path) -> int:
    from workbook.accounts import WorkbookService
    service = WorkbookService(folder)
    if not service.exists():
        raise VaultNotFound(f"There is no workbook in {folder}.")
    service.unlock(read_secret("Passphrase: "))
    count = len(service.partners())
    service.lock()
    print(f"Unlocked: the shared space and your private space passed their integrity checks "
          f"({count} partner(s) in this workbook).")
    return EXIT_OK


def data_command(args: argparse.Namespace, folder: Path) -> int:
    from workbook.cli.data import data_command as run
    return run(args, folder, read_secret)


def report_error(error: BaseException) -> int:
    """One line for the person; the stack (without the message, which might hold user text)
    for the log."""
    from workbook.resources import MissingResources
    if isinstance(error, MissingResources):  # a broken install: say so, nothing else
        print(f"{APP_ID}: {error}", file=sys.stderr)
        log.error("the app's own files are missing or damaged: %s", error.detail)
        return EXIT_USER_ERROR
    if isinstance(error, (WorkbookError, PermissionError)):
        print(f"{APP_ID}: {error}", file=sys.stderr)
        log.info("command refused: %s", type(error).__name__)
        return EXIT_USER_ERROR
    frames = "".join(traceback.format_tb(error.__traceback__))
    log.error("unexpected %s\n%s", type(error).__name__, frames)
    print(f"{APP_ID}: something unexpected went wrong ({type(error).__name__}). "
          "Nothing you wrote was lost; details without your text are in the log.", file=sys.stderr)
    return EXIT_FAILED


def read_secret(prompt: str) -> str:
    """A passphrase from a prompt on a terminal, or the first line of piped standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass  # only a terminal needs it; the window starts without
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def _start_logging(paths: AppPaths) -> None:
    from workbook.logs import setup_logging
    try:
        setup_logging(paths.log_dir)
    except OSError:
        pass  # a read-only home must not stop the app; we just lose the log


if __name__ == "__main__":
    sys.exit(main())
