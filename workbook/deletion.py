"""Deleting: one partner's private space, or the whole workbook.

- A partner deletes their own private space while unlocked: their private file, both keyslots
  and their manifest entries are destroyed, so their passphrase and recovery code open nothing
  afterwards. What they shared stays for the other partner unless they choose to remove it too
  (then their name goes as well). The automatic backups still held their keyslots, so they are
  deleted; a backup file saved elsewhere is the person's own to delete, and the UI says so.
  The last partner cannot leave this way: deleting the whole workbook is the way out.
- Deleting the whole workbook needs every partner present (unlocked in this session).
Before either, the UI offers the JSON export of that partner's own entries (portable.py).
"""

from __future__ import annotations

import logging

from workbook.backups import auto_backups
from workbook.changes import Change
from workbook.errors import NotPresent
from workbook.storage.lock import Held
from workbook.storage.removal import remove_partner_files, remove_shared_rows, remove_vault, shred
from workbook.text import InvalidText

log = logging.getLogger(__name__)
CONFIRM_WORD = "DELETE"


def typed_confirmation_ok(typed: str | None) -> bool:
    return (typed or "").strip().upper() == CONFIRM_WORD


def delete_private_space(service, partner_id: str, remove_shared: bool) -> None:
    session = service.current_session()
    partner = session.partner(partner_id)  # PermissionError unless present
    if len(session.partners()) < 2:
        raise InvalidText("You are the only partner in this workbook. To remove everything, "
                          "delete the whole workbook instead.")
    if remove_shared:
        remove_shared_rows(session.shared_conn, partner_id, include_partner=True)
    partner.conn.close()
    del session.present[partner_id]
    remove_partner_files(service.vault, partner_id)
    _drop_auto_backups(service)
    log.info("a private space was deleted")
    if not session.present:
        service.lock()
    else:
        service.announce(Change.PARTNERS)


def delete_workbook(service) -> None:
    session = service.current_session()
    if not all(p.unlocked for p in session.partners()):
        raise NotPresent("Deleting the whole workbook needs both of you here: the other "
                              "partner unlocks first, from Home.")
    with Held(service.data_dir):  # kept while the files go, after the session lets go
        service.lock()
        remove_vault(service.vault)
    log.info("the workbook was deleted")
    service.announce(Change.DELETED)  # screens that showed the unlock page start afresh


def _drop_auto_backups(service) -> None:
    for path in auto_backups(service.vault.folder):
        shred(path)
