"""The workbook service: create a workbook, unlock and lock it, add a partner, change a
passphrase, recover with a recovery code. The UI and the command line call this; it calls storage.

Listeners registered with `subscribe` hear a `Change` (changes.py) after each change: this
service announces UNLOCKED, PARTNERS and LOCKED, and LOCKING just before a lock closes the
databases, so anything typed but not yet saved can be written first. The services beside it
(answers, trackers, Together, imports, deletion) announce what they write through `announce`, so
there is one list of listeners and every screen can redraw without knowing who caused a change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from workbook.changes import Change
from workbook.errors import Locked
from workbook.passphrases import new_recovery_code, normalize_recovery_code, passphrase_strength
from workbook.storage.errors import AlreadyUnlocked, VaultError
from workbook.storage.layout import PASSPHRASE_SLOT, RECOVERY_SLOT, workbook_exists
from workbook.text import InvalidText, clean_display_name

if TYPE_CHECKING:  # imported where first used: SQLCipher loads after the unlock window shows
    from workbook.partners import PartnerInfo
    from workbook.session import Session
    from workbook.storage.vault import VaultFolder

log = logging.getLogger(__name__)
MAX_PARTNERS = 2


class NewPartner(NamedTuple):
    name: str
    passphrase: str

    def __repr__(self) -> str:
        return "NewPartner(<hidden>)"


class CreatedPartner(NamedTuple):
    info: PartnerInfo
    recovery_code: str

    def __repr__(self) -> str:
        return f"CreatedPartner(id={self.info.id!r}, recovery_code=<hidden>)"


class WorkbookService:
    def __init__(self, data_dir: Path, *, auto_backups: bool = False):
        self.data_dir = Path(data_dir)
        self._vault: VaultFolder | None = None
        self.auto_backups = auto_backups  # the window turns them on (backups.py)
        self.session: Session | None = None
        # the workbook's OS lock while a session is open (storage/lock.py)
        self._lock_key: Path | None = None
        self._listeners: list[Callable[[Change], None]] = []

    @property
    def vault(self) -> VaultFolder:
        """The storage code (and SQLCipher) loads on first use, not while the window opens."""
        if self._vault is None:
            from workbook.storage.vault import VaultFolder
            self._vault = VaultFolder(self.data_dir)
        return self._vault

    def prepare_unlock(self) -> None:
        """Load the code unlocking runs (the session, the workbook lock, the automatic backups)
        ahead of time: the window calls this after its first paint, while a passphrase is typed."""
        from workbook import backups, session  # noqa: F401
        from workbook.storage import lock, removal  # noqa: F401 - removal: a due backup

    # -- state ----------------------------------------------------------------------
    def exists(self) -> bool:
        return workbook_exists(self.data_dir)

    @property
    def is_unlocked(self) -> bool:
        return self.session is not None

    def partners(self) -> list[PartnerInfo]:
        return self._session().partners()

    def present_partners(self) -> list[PartnerInfo]:
        return [p for p in self.partners() if p.unlocked]

    def can_join(self, partner_id: str) -> bool:
        """Whether this partner has a passphrase here. One who left (keeping what they shared)
        or whose entries came in from an export is a name beside their shared entries only."""
        return self.vault.slot(partner_id, PASSPHRASE_SLOT).exists()

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """The one way to hear what changed in this workbook, whichever service changed it."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def announce(self, change: Change) -> None:
        """Tell every listener what changed; the services beside this one call it after they
        write (answers.py, trackers/, together/, portable_import.py, deletion.py)."""
        for listener in list(self._listeners):
            listener(change)

    def current_session(self) -> Session:
        return self._session()

    def _session(self) -> Session:
        if self.session is None:
            raise Locked()
        return self.session

    # -- create ----------------------------------------------------------------------
    def create(self, partners: list[NewPartner]) -> list[CreatedPartner]:
        """Create the workbook with one or two partners, all unlocked afterwards."""
        if not 1 <= len(partners) <= MAX_PARTNERS:
            raise InvalidText("A workbook has one or two partners.")
        for partner in partners:
            _validate_new_partner(partner)
        if len({p.passphrase for p in partners}) < len(partners):
            raise InvalidText("Each partner needs their own passphrase.")
        from workbook.session import Session
        self._hold()
        try:
            shared_key, shared_conn = self.vault.create()
        except BaseException:
            self._let_go()
            raise
        self.session = Session(self.vault, shared_key, shared_conn)
        created = [self._add_partner_files(p) for p in partners]
        log.info("workbook created with %d partner(s)", len(created))
        self.announce(Change.UNLOCKED)
        return created

    def add_partner(self, partner: NewPartner) -> CreatedPartner:
        """Add the second partner from an unlocked session; they are unlocked afterwards."""
        session = self._session()
        if len(session.partners()) >= MAX_PARTNERS:
            raise InvalidText("This workbook already has two partners.")
        _validate_new_partner(partner)
        self._ensure_unused(partner.passphrase)
        created = self._add_partner_files(partner)
        log.info("partner added")
        self.announce(Change.PARTNERS)
        return created

    def _add_partner_files(self, partner: NewPartner) -> CreatedPartner:
        from workbook.session import UnlockedPartner
        session = self._session()
        code = new_recovery_code()
        material, conn = self.vault.create_partner(session.shared_key, partner.passphrase, code)
        session.present[material.partner_id] = UnlockedPartner(material, conn)
        session.partner_repo.add(material.partner_id, clean_display_name(partner.name))
        info = next(p for p in session.partners() if p.id == material.partner_id)
        return CreatedPartner(info, code)

    # -- unlock and lock ----------------------------------------------------------------------
    def unlock(self, passphrase: str) -> PartnerInfo:
        """Open the partner whose keyslot this passphrase opens; join the session if one is open."""
        with self._writing():
            material = self.vault.find_keys(passphrase, PASSPHRASE_SLOT)
            return self._join(material)

    def recover(self, recovery_code: str, new_passphrase: str) -> tuple[PartnerInfo, str]:
        """Open with a recovery code, set a new passphrase, and issue a fresh recovery code
        (the old one has now been typed somewhere, so it is retired)."""
        _check_passphrase(new_passphrase)
        with self._writing():
            material = self.vault.find_keys(normalize_recovery_code(recovery_code),
                                            RECOVERY_SLOT)
            self._ensure_unused(new_passphrase)
            # All or nothing: opening the shared and private files checks every page the new
            # slots will serve; only then are both slots replaced, together.
            info = self._join(material)
            new_code = new_recovery_code()
            try:
                self.vault.replace_slots(material, {PASSPHRASE_SLOT: new_passphrase,
                                                    RECOVERY_SLOT: new_code})
            except BaseException:
                self._leave(material.partner_id)
                raise
            self._forget_old_secrets([material.partner_id])
            log.info("passphrase reset with a recovery code")
            return info, new_code

    def _join(self, material) -> PartnerInfo:
        from workbook.session import Session, UnlockedPartner
        if self.session is not None and material.partner_id in self.session.present:
            raise AlreadyUnlocked()
        first = self.session is None
        if first:
            conn = self.vault.open_shared(material.shared_key, material.previous_shared)
            self.session = Session(self.vault, material.shared_key, conn)
            self._hold()
        if self.session is None:  # opened just above when first
            raise Locked()
        try:
            private = self.vault.open_private(material)
        except VaultError:
            if first:
                self.lock()
            raise
        if first:
            self.vault.erase_deleted_search_entries(self.session.shared_conn)
        self.vault.erase_deleted_search_entries(private)
        self.session.present[material.partner_id] = UnlockedPartner(material.settled(), private)
        self.vault.refresh_manifest(material)
        log.info("partner unlocked (%d present)", len(self.session.present))
        if first and self.auto_backups:
            self._take_auto_backup()
        self.announce(Change.UNLOCKED)
        return next(p for p in self.session.partners() if p.id == material.partner_id)

    def _take_auto_backup(self) -> None:
        """A failed automatic backup (a full disk) must never stand between someone and their
        workbook: it is logged, by type only, and tried again at the next unlock."""
        from workbook.backups import auto_backup_if_due
        try:
            if auto_backup_if_due(self):
                log.info("automatic backup taken")
        except (VaultError, OSError) as error:
            log.warning("automatic backup failed: %s", type(error).__name__)

    def _leave(self, partner_id: str) -> None:
        """Undo a join that must not stand (a recovery whose new slots could not be written)."""
        if self.session is None or partner_id not in self.session.present:
            return
        if len(self.session.present) == 1:
            self.lock()
            return
        self.session.present.pop(partner_id).conn.close()
        self.announce(Change.PARTNERS)

    def lock(self) -> None:
        if self.session is not None:
            self.announce(Change.LOCKING)  # last chance to save pending edits
            self.session.close()
            self.session = None
            self._let_go()
            log.info("workbook locked")
            self.announce(Change.LOCKED)

    # -- one writer per workbook (storage/lock.py) ---------------------------------------------
    def _hold(self) -> None:
        """The session's hold on the workbook's lock, taken once and kept until `lock`."""
        if self._lock_key is None:
            from workbook.storage import lock
            self._lock_key = lock.acquire(self.data_dir)

    def _let_go(self) -> None:
        if self._lock_key is not None:
            from workbook.storage import lock
            lock.release(self._lock_key)
            self._lock_key = None

    def _writing(self):
        """The lock for one step that may write (it is shared with this process's session)."""
        from workbook.storage.lock import Held
        return Held(self.data_dir)

    # -- secrets ----------------------------------------------------------------------
    def change_passphrase(self, partner_id: str, old: str, new: str) -> None:
        """The old passphrase must open this partner's own slot; then only the slot is rewritten."""
        _check_passphrase(new)
        with self._writing():
            material = self.vault.find_keys(old, PASSPHRASE_SLOT)
            if material.partner_id != partner_id:
                raise VaultError("That is not your current passphrase.")
            self._ensure_unused(new)
            self.vault.replace_slot(material, PASSPHRASE_SLOT, new)
            self._forget_old_secrets([material.partner_id])
            log.info("passphrase changed")

    def _forget_old_secrets(self, partner_ids: list[str], rekeys=None) -> None:
        """The automatic backups must not keep a slot the old secret still opens."""
        from workbook.backups import forget_old_secrets
        forget_old_secrets(self.vault, partner_ids, rekeys)

    def _ensure_unused(self, passphrase: str) -> None:
        """Each slot must answer to exactly one passphrase, or unlocking would be ambiguous."""
        try:
            self.vault.find_keys(passphrase, PASSPHRASE_SLOT)
        except VaultError:
            return
        raise InvalidText("Please choose a different passphrase from your partner's.")

    def new_recovery_code(self, partner_id: str) -> str:
        """Replace a present partner's recovery code (for example after losing the paper)."""
        partner = self._session().partner(partner_id)
        code = new_recovery_code()
        with self._writing():
            self.vault.replace_slot(partner.material, RECOVERY_SLOT, code)
            self._forget_old_secrets([partner_id])
        log.info("recovery code replaced")
        return code


def _check_passphrase(passphrase: str) -> None:
    strength = passphrase_strength(passphrase)
    if not strength.acceptable:
        raise InvalidText(strength.hint)


def _validate_new_partner(partner: NewPartner) -> None:
    clean_display_name(partner.name)
    _check_passphrase(partner.passphrase)
