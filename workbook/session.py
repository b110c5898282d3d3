"""An unlocked session: the open shared database and the private databases of the partners who
are present. Locking closes all of them and drops the keys."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlcipher3

from workbook.errors import NotPresent
from workbook.field_kinds import indexed_words
from workbook.partners import PartnerInfo
from workbook.storage import answer_words
from workbook.storage.keyslots import KeyMaterial
from workbook.storage.repositories import (
    AnswerRepository,
    BookmarkRepository,
    PartnerRepository,
    SharedAnswerRepository,
)
from workbook.storage.vault import VaultFolder

# Every file a session opens indexes answers with the words their field's kind gives (the
# search-index triggers call `answer_words`); installed here, before any file is opened.
answer_words.use(indexed_words)


@dataclass
class UnlockedPartner:
    material: KeyMaterial
    conn: sqlcipher3.Connection

    @property
    def id(self) -> str:
        return self.material.partner_id

    @property
    def answers(self) -> AnswerRepository:
        return AnswerRepository(self.conn)

    @property
    def bookmarks(self) -> BookmarkRepository:
        return BookmarkRepository(self.conn)


@dataclass
class Session:
    vault: VaultFolder
    shared_key: bytes
    shared_conn: sqlcipher3.Connection
    present: dict[str, UnlockedPartner] = field(default_factory=dict)

    @property
    def partner_repo(self) -> PartnerRepository:
        return PartnerRepository(self.shared_conn)

    @property
    def shared_answers(self) -> SharedAnswerRepository:
        return SharedAnswerRepository(self.shared_conn)

    def partners(self) -> list[PartnerInfo]:
        return [PartnerInfo(row.id, row.display_name, row.id in self.present)
                for row in self.partner_repo.all()]

    def partner(self, partner_id: str) -> UnlockedPartner:
        try:
            return self.present[partner_id]
        except KeyError:
            raise NotPresent() from None

    def close(self) -> None:
        """Close every connection. Python cannot wipe immutable bytes; dropping every reference
        is the best we can do, and docs/security.md says so."""
        for partner in self.present.values():
            partner.conn.close()
        self.present.clear()
        self.shared_conn.close()
        self.shared_key = b""

    def __repr__(self) -> str:
        return f"Session(partners={len(self.present)}, keys=<hidden>)"
