"""The main window: one stack of screens (welcome, create, unlock, reset, recovery code, the open
workbook) and the rules for moving between them. The title is always just the app's name, so a
glance at the taskbar says nothing about who uses it.

It also decides when to lock by itself (privacy.py): after the chosen idle time, when the screen
locks (where the desktop says so), optionally when minimised, and at once with the quick-hide
shortcut, which locks and minimises in one go."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from workbook import APP_NAME
from workbook.changes import Change
from workbook.paths import AppPaths
from workbook.ui.access.unlock import UnlockPage
from workbook.ui.common.clock import SYSTEM_CLOCK, Clock
from workbook.ui.common.discreet import DiscreetMode
from workbook.ui.common.privacy import QUICK_HIDE_KEYS, IdleLock, PrivacyOptions, scrub_text_history
from workbook.ui.common.prompts import Prompts
from workbook.ui.common.theme import saved_appearance, use_appearance
from workbook.ui.common.workbook_state import WorkbookState, first_size

if TYPE_CHECKING:  # the rest loads after the unlock window's first paint (benchmarks/)
    from workbook.accounts import CreatedPartner, WorkbookService
    from workbook.ui.access.recovery_page import CodeToShow
    from workbook.ui.common.clipboard_guard import ClipboardGuard
    from workbook.ui.common.privacy import ScreenLockWatcher
    from workbook.ui.common.widgets import Page
    from workbook.ui.shell import ShellPage
    from workbook.ui.trackers.reminder import Tray

DEFAULT_SIZE = (1000, 680)
MINIMUM_SIZE = (640, 460)
HOME_KEY = "home"


class MainWindow(QMainWindow):
    first_painted = Signal()  # the unlock window is up; the rest of the app can load now

    def __init__(self, service: WorkbookService, paths: AppPaths, prompts: Prompts | None = None,
                 clock: Clock = SYSTEM_CLOCK, tray: Tray | None = None):
        super().__init__()
        self._clock, self._tray = clock, tray  # passed in, so tests can move time by hand
        self.service = service
        self.paths = paths
        self.prompts = prompts or Prompts()
        self._after_codes: Callable[[], None] = self.show_shell
        self._before_reading: QWidget | None = None
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setMinimumSize(*MINIMUM_SIZE)
        self._build_pages()
        self._settings = self._open_settings()
        self.ui_state = WorkbookState(self._settings, paths.data_dir)  # per workbook folder
        self.discreet = DiscreetMode(self._settings, self)
        self.discreet.changed.connect(lambda: self.discreet.apply(self))
        self.discreet.apply(self)
        use_appearance(saved_appearance(self._settings))
        self._restore_geometry()
        self._build_privacy()
        service.subscribe(self._on_service_event)
        self.show_start()
        page = self.current_page  # the shell, if the service came already unlocked
        self._first_frame = page.content() if hasattr(page, "content") else page
        self._first_frame.installEventFilter(self)

    # -- construction -----------------------------------------------------------------------------
    def _build_pages(self) -> None:
        # Only the unlock screen is built now: when a workbook exists it is the one shown first,
        # and the others (welcome, create, reset, codes) are built on first use (_lazy).
        self.unlock_page = UnlockPage(self.service, self.prompts)
        self._lazy_pages: dict[str, Page] = {}
        self._shell: ShellPage | None = None  # built on first use: the unlock window appears fast
        self.stack = QStackedWidget()
        self.stack.addWidget(self.unlock_page)
        self.setCentralWidget(self.stack)
        self.unlock_page.unlocked.connect(self.show_shell)
        self.unlock_page.forgot.connect(self._show_recover)
        self.unlock_page.read.connect(self.show_reading)

    def _lazy(self, name: str, build: Callable[[], Page]) -> Page:
        page = self._lazy_pages.get(name)
        if page is None:
            page = self._lazy_pages[name] = build()
            self.stack.addWidget(page)
        return page

    @property
    def welcome(self):
        return self._lazy("welcome", self._build_welcome)

    def _build_welcome(self):
        from workbook.ui.access.welcome import WelcomePage
        page = WelcomePage()
        page.start.connect(lambda: self._show(self.create_page))
        page.read.connect(self.show_reading)
        page.from_export.connect(lambda: self._show(self.from_export_page))
        return page

    @property
    def from_export_page(self):
        return self._lazy("from_export", self._build_from_export)

    def _build_from_export(self):
        from workbook.ui.access.fresh_start import StartFromExportPage
        page = StartFromExportPage(self.service, self.prompts)
        page.back.connect(lambda: self._show(self.welcome))
        page.created.connect(self._on_created)
        return page

    @property
    def reading_page(self):
        """The introduction and Support and safety before unlocking (no passphrase needed)."""
        return self._lazy("reading", self._build_reading)

    def _build_reading(self):
        from workbook.content.loader import load_content
        from workbook.ui.support.reading_page import ReadingPage
        page = ReadingPage(load_content().content, with_back=True)
        page.back.connect(lambda: self._show(self._before_reading or self.unlock_page))
        return page

    def show_reading(self, page_id: str) -> None:
        """F1, or a link on the screens before unlocking: the page opens over the current
        screen and "Back" returns to it. In the open workbook it is the Support section."""
        if self.current_page is self._shell and self.service.is_unlocked:
            self.shell.show_reading(page_id)
            return
        if self.current_page is not self._lazy_pages.get("reading"):
            self._before_reading = self.current_page
        self.reading_page.show_page(page_id)
        self._show(self.reading_page)
        self.reading_page.back_button.setFocus()

    @property
    def create_page(self):
        return self._lazy("create", self._build_create)

    def _build_create(self):
        from workbook.ui.access.create_flow import CreatePage
        page = CreatePage(self.service)
        page.back.connect(lambda: self._show(self.welcome))
        page.created.connect(self._on_created)
        return page

    @property
    def recover_page(self):
        return self._lazy("recover", self._build_recover)

    def _build_recover(self):
        from workbook.ui.access.unlock import RecoverPage
        page = RecoverPage(self.service)
        page.back.connect(self.show_unlock)
        page.recovered.connect(lambda code: self.show_codes([code]))
        return page

    @property
    def codes_page(self):
        return self._lazy("codes", self._build_codes)

    def _build_codes(self):
        from workbook.ui.access.recovery_page import RecoveryCodePage
        page = RecoveryCodePage(self.prompts)
        page.finished.connect(lambda: self._after_codes())
        return page

    def eventFilter(self, watched, event) -> bool:
        """Once the first screen (unlock, or welcome) has been painted, load the rest while the
        person reads it or types their passphrase, so neither the first paint nor the unlock
        waits for it. The page's scrolled content is watched (Page.content)."""
        if watched is self._first_frame and event.type() == QEvent.Type.Paint:
            self._first_frame.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        self.first_painted.emit()
        self._finish_window()
        self.shell  # noqa: B018 - built now, while the passphrase is typed
        self.service.prepare_unlock()

    @property
    def shell(self):
        """The unlocked workbook's pages. Building them (chapters, trackers, settings) costs more
        than the whole unlock screen, so it waits until someone first needs them."""
        if self._shell is None:
            from workbook.ui.shell import ShellPage
            self._shell = ShellPage(self.service, self.prompts, self._clock, self._tray)
            self._shell.settings_built.connect(self._add_window_settings)
            self.stack.addWidget(self._shell)
            self._shell.lock_requested.connect(self.lock)
            self._shell.show_codes.connect(self.show_codes)
            self._shell.page_changed.connect(self._remember_page)
            self._shell.hide_requested.connect(self.quick_hide)
            self._shell.use_settings(self._settings)
            self.discreet.apply(self)  # the side panel shows the app's name too
        return self._shell

    def _add_window_settings(self, page) -> None:
        """The window's own choices (privacy, appearance, discreet mode) join Settings when
        that page is built, on its first visit."""
        from workbook.ui.settings.appearance_card import AppearanceCard
        from workbook.ui.settings.discreet_card import DiscreetCard
        page.add_privacy(self.privacy, self.prompts)
        page.privacy_slot.insertWidget(0, AppearanceCard(self._settings))
        page.privacy_slot.addWidget(DiscreetCard(self.discreet))

    def _build_actions(self) -> None:
        self.lock_action = QAction("Lock", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction("Quit", self)
        # Some platforms (Windows) bind nothing to Quit; Ctrl+Q is then a harmless extra.
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcuts(quit_keys or [QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        self.hide_action = QAction("Lock and hide", self)
        self.hide_action.setShortcut(QKeySequence(QUICK_HIDE_KEYS))
        self.hide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.hide_action.triggered.connect(self.quick_hide)
        self.help_action = QAction("Support and safety", self)
        self.help_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)
                                      or [QKeySequence("F1")])
        self.help_action.triggered.connect(lambda: self.show_reading("support"))
        self.addActions([self.lock_action, self.quit_action, self.hide_action, self.help_action])

    def _build_privacy(self) -> None:
        self.privacy = PrivacyOptions(self._settings, self)
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # a window exists only inside the application
        self.idle_lock = IdleLock(app, self, self._clock)
        self.idle_lock.idle.connect(self._lock_if_unlocked)
        self.clipboard_guard: ClipboardGuard | None = None
        self.screen_watcher: ScreenLockWatcher | None = None
        self.privacy.changed.connect(self._apply_privacy)
        app.applicationStateChanged.connect(self._on_app_state)
        self._apply_privacy()

    def _finish_window(self) -> None:
        """What the first screen can do without: the keyboard shortcuts, the clipboard guard
        and the screen-lock watcher (which opens a D-Bus connection). They come right after the
        first paint, long before anyone can type, or at the first unlock if that is sooner."""
        if self.screen_watcher is None:
            from workbook.ui.common.clipboard_guard import ClipboardGuard
            from workbook.ui.common.privacy import ScreenLockWatcher
            self._build_actions()
            self.clipboard_guard = ClipboardGuard(self)
            self.screen_watcher = ScreenLockWatcher(self)
            self.screen_watcher.screen_locked.connect(self._lock_if_unlocked)

    def _apply_privacy(self) -> None:
        self.idle_lock.set_minutes(self.privacy.idle_minutes)

    # -- moving between screens -------------------------------------------------------------------
    def show_start(self) -> None:
        if self.service.is_unlocked:
            self.show_shell()
        elif self.service.exists():
            self.show_unlock()
        else:
            self._show(self.welcome)

    def show_unlock(self) -> None:
        self._show(self.unlock_page)
        self.unlock_page.prepare()

    def _show_recover(self) -> None:
        self._show(self.recover_page)
        self.recover_page.prepare()

    def show_shell(self) -> None:
        if not self.service.is_unlocked:
            self.show_start()
            return
        self.shell.show_section(self.ui_state.section(HOME_KEY))
        self.shell.bring_up_to_date()  # when the section shown was already the current one
        self._show(self.shell)
        self.shell.nav.setFocus()

    def show_codes(self, codes: list[CodeToShow], then: Callable[[], None] | None = None) -> None:
        """Show new recovery codes once, then go on (to the open workbook by default)."""
        self._after_codes = then or self.show_shell
        self.codes_page.show_codes(codes)
        self._show(self.codes_page)
        self.codes_page.written.setFocus()

    def _on_created(self, created: list[CreatedPartner]) -> None:
        from workbook.ui.access.recovery_page import CodeToShow
        self.show_codes([CodeToShow(c.info.name, c.recovery_code) for c in created])

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        page.setFocus()

    @property
    def current_page(self) -> QWidget:
        page = self.stack.currentWidget()
        assert page is not None  # the stack always holds the unlock page
        return page

    # -- locking ----------------------------------------------------------------------------------
    def quick_hide(self) -> None:
        """Someone is coming: lock and get the window out of sight in one keystroke."""
        self.lock()
        self.showMinimized()

    def _lock_if_unlocked(self) -> None:
        if self.service.is_unlocked:
            self.lock()

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        # Suspended/Hidden come with a locked screen or a sleeping device; Inactive only means
        # another window has the focus, which is too common to lock on.
        if state in (Qt.ApplicationState.ApplicationSuspended,
                     Qt.ApplicationState.ApplicationHidden):
            self._lock_if_unlocked()

    def changeEvent(self, event: QEvent) -> None:
        if (event.type() == QEvent.Type.WindowStateChange and self.isMinimized()
                and self.privacy.lock_on_minimise):
            QTimer.singleShot(0, self._lock_if_unlocked)  # not inside Qt's state change
        super().changeEvent(event)

    def lock(self) -> None:
        """Close the session, forget everything on screen, and ask for a passphrase again."""
        self._save_state()
        if self._shell is not None:
            self._shell.flush()  # nothing typed is lost by locking
        self.service.lock()  # also notifies _on_service_event, which clears the screens
        self._clear_everything()
        self.show_start()

    def _on_service_event(self, changes: Change) -> None:
        """The window's one subscription: every service's announcements arrive here."""
        shell = self._shell
        if changes & Change.LOCKING and shell is not None:  # however the lock came, save first
            shell.flush()
        if changes & Change.LOCKED:
            self.idle_lock.arm(False)
            if self.clipboard_guard is not None:
                self.clipboard_guard.clear_if_ours()
            self._clear_everything()
            if self.current_page in (shell, self._lazy_pages.get("codes")):
                self.show_start()
        if changes & Change.DELETED:
            self.show_start()
        if changes & Change.UNLOCKED:
            self._finish_window()
            self.idle_lock.arm(True)
        if shell is not None and changes & Change.EVERYTHING:
            shell.refresh(changes)  # the pages that show what changed redraw (page_changes.py)

    def _clear_everything(self) -> None:
        for page in (self.unlock_page, *self._lazy_pages.values()):
            page.clear()
        if self._shell is not None:
            self._shell.clear()
        scrub_text_history(self)

    # -- remembered UI state (never names or anything typed) --------------------------------------
    def _open_settings(self) -> QSettings:
        self.paths.config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return QSettings(str(self.paths.settings_file), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self.ui_state.geometry()
        if not (geometry is not None and self.restoreGeometry(geometry)):
            room = self.screen().availableGeometry()  # an 800×600 screen gets a window that fits
            self.resize(*first_size(DEFAULT_SIZE, room))

    def _remember_page(self, key: str) -> None:
        if self.service.is_unlocked:  # (never Support: ui/common/workbook_state.py)
            self.ui_state.remember_section(key)

    def _save_state(self) -> None:
        self.ui_state.save_geometry(self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_state()
        if self.service.is_unlocked and self._shell is not None:
            self._shell.flush()
        self.service.lock()
        self._clear_everything()
        super().closeEvent(event)
