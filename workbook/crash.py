"""Crash handling: record what broke, never what anyone wrote.

`install_crash_handlers(log_dir, show_dialog)` is called once at start-up, after logging is set up.
It installs:

- **faulthandler** writing to `crash-faults.log` in the log folder (created 0o600 and kept open
  for the life of the process), so a hard crash inside Qt or SQLCipher still leaves the Python
  stack behind. faulthandler writes only file names, line numbers and function names.
- **sys.excepthook** and **threading.excepthook**, which log an unhandled exception as its type
  names and stack frames (file, line, function) and then call `show_dialog(details)` with the same
  text, so the window can show a calm "something went wrong" dialog with a "Copy details" button.
- **sys.unraisablehook** (errors in `__del__` and similar), logged the same way, no dialog.

What is left out on purpose: exception messages and `repr()`s of objects. A library error can
echo a fragment of SQL, a file name the person chose, or the text of an answer; type names and
frames are enough to find a bug and cannot leak what someone wrote. Paths are shortened to the
part inside the app or library, so a home folder (and with it a user name) is not recorded.

`show_dialog` may be called from any thread (threading.excepthook runs in the failing thread):
a Qt implementation should hand the text to the GUI thread, for example through a Signal, and
must not raise. This module imports no Qt at all.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from workbook import APP_NAME, __version__

log = logging.getLogger(__name__)

FAULT_LOG_NAME = "crash-faults.log"
FAULT_LOG_MAX_BYTES = 1_000_000  # started afresh above this; it only ever holds stacks
_MAX_CHAINED = 5                 # "during handling of the above exception" links to follow

ShowDialog = Callable[[str], None]


class CrashHandlers:
    """What `install_crash_handlers` changed, so tests (and a clean shutdown) can undo it."""

    def __init__(self, fault_log: Path, fault_file: TextIO, show_dialog: ShowDialog | None,
                 previous: dict, fault_was_enabled: bool) -> None:
        self.fault_log = fault_log
        self.fault_file = fault_file
        self.show_dialog = show_dialog
        self._previous = previous
        self._fault_was_enabled = fault_was_enabled

    def uninstall(self) -> None:
        sys.excepthook = self._previous["excepthook"]
        threading.excepthook = self._previous["threading"]
        sys.unraisablehook = self._previous["unraisable"]
        faulthandler.disable()
        if self._fault_was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__)
        self.fault_file.close()
        global _installed
        if _installed is self:
            _installed = None


_installed: CrashHandlers | None = None  # keeps the fault file open for the process lifetime


def install_crash_handlers(log_dir: Path, show_dialog: ShowDialog | None = None) -> CrashHandlers:
    """Install the hooks described in the module docstring; calling it again replaces them."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    fault_log = log_dir / FAULT_LOG_NAME
    fault_file = _open_private(fault_log)
    previous = {"excepthook": sys.excepthook, "threading": threading.excepthook,
                "unraisable": sys.unraisablehook}
    handlers = CrashHandlers(fault_log, fault_file, show_dialog, previous,
                             fault_was_enabled=faulthandler.is_enabled())
    faulthandler.enable(file=fault_file, all_threads=True)

    def excepthook(exc_type: type[BaseException], exc: BaseException | None,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            handlers._previous["excepthook"](exc_type, exc, tb)
            return
        _report(handlers, "unhandled error", exc_type, exc, tb)

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        _report(handlers, "unhandled error in a background thread", args.exc_type,
                args.exc_value, args.exc_traceback)

    def unraisablehook(unraisable) -> None:
        if unraisable.exc_type is None:
            return
        details = format_details(unraisable.exc_type, unraisable.exc_value,
                                 unraisable.exc_traceback)
        log.warning("ignored error in a finaliser\n%s", details)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook
    sys.unraisablehook = unraisablehook
    _installed = handlers
    return handlers


def format_details(exc_type: type[BaseException], exc: BaseException | None,
                   tb: TracebackType | None) -> str:
    """Type names and frames (file, line, function) of an exception and what it chained from.

    Never the exception's message, its arguments or any object's repr.
    """
    import platform  # only when something went wrong: it costs start-up time otherwise
    lines = [f"{APP_NAME} {__version__} on Python {platform.python_version()}, "
             f"{platform.system()} {platform.release()}{_qt_version()}"]
    chain = _chain(exc_type, exc, tb)
    for index, (kind, error_tb, link) in enumerate(chain):
        if index:
            lines.append("")
            lines.append(link)
        lines.append(f"{_type_name(kind)}  (message left out: it could contain your text)")
        frames = traceback.extract_tb(error_tb) if error_tb is not None else []
        lines.extend(f'  File "{short_path(f.filename)}", line {f.lineno}, in {f.name}'
                     for f in frames)
    return "\n".join(lines)


def short_path(filename: str) -> str:
    """`…/site-packages/PySide6/foo.py` -> `PySide6/foo.py`; `/home/ann/x/workbook/ui/a.py` ->
    `workbook/ui/a.py`. Keeps user names and folder names out of reports."""
    parts = Path(filename).parts
    for marker in ("site-packages", "dist-packages", "_internal"):
        if marker in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(marker):])
    if "workbook" in parts:
        return "/".join(parts[len(parts) - 1 - parts[::-1].index("workbook"):])
    if filename.startswith("<"):
        return filename  # <string>, <frozen importlib._bootstrap>
    return "/".join(parts[-2:])


def _report(handlers: CrashHandlers, what: str, exc_type: type[BaseException],
            exc: BaseException | None, tb: TracebackType | None) -> None:
    try:
        details = format_details(exc_type, exc, tb)
    except Exception:
        details = f"{APP_NAME} {__version__}: {_type_name(exc_type)} (details unavailable)"
    log.critical("%s\n%s", what, details)
    if handlers.show_dialog is not None:
        try:
            handlers.show_dialog(details)
        except Exception as error:
            log.error("the crash dialog itself failed: %s", _type_name(type(error)))


def _chain(exc_type, exc, tb) -> list[tuple[type[BaseException], TracebackType | None, str]]:
    """Oldest cause first, like Python's own traceback printout."""
    chain = [(exc_type, tb, "")]
    seen = {id(exc)}
    current = exc
    while current is not None and len(chain) <= _MAX_CHAINED:
        if current.__cause__ is not None:
            nxt, link = current.__cause__, "which directly caused:"
        elif current.__context__ is not None and not current.__suppress_context__:
            nxt, link = current.__context__, "and while handling it, another error happened:"
        else:
            break
        if id(nxt) in seen:
            break
        seen.add(id(nxt))
        # the link text describes the step from `nxt` to the entry after it
        chain[-1] = (chain[-1][0], chain[-1][1], link)
        chain.append((type(nxt), nxt.__traceback__, ""))
        current = nxt
    chain.reverse()
    return chain


def _type_name(kind: type) -> str:
    module = getattr(kind, "__module__", "")
    name = getattr(kind, "__qualname__", getattr(kind, "__name__", "?"))
    return name if module in ("builtins", "", None) else f"{module}.{name}"


def _qt_version() -> str:
    pyside = sys.modules.get("PySide6")  # only if the app already loaded it; never import Qt here
    version = getattr(pyside, "__version__", None)
    return f", PySide6 {version}" if version else ""


def _open_private(path: Path) -> TextIO:
    """Append-only, owner-only. Restart the file when it has grown past the cap."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
    try:
        if path.stat().st_size > FAULT_LOG_MAX_BYTES:
            flags |= os.O_TRUNC
    except FileNotFoundError:
        pass
    fd = os.open(path, flags, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)  # an older file may have been created with looser bits
    return os.fdopen(fd, "a", encoding="utf-8", buffering=1)
