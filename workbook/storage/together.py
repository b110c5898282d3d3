"""SQL for Together conversations (issue 19; schema migrations 4). Services call these; the UI
never does. The shared repository takes `shared.db`; the notes repository takes one partner's
own connection, so it can never read the other partner's lines."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.storage.repositories import utc_now
from workbook.storage.trackers import _Repo

TOGETHER_ID = ""  # partner_id of a line the couple wrote together


@dataclass(frozen=True)
class ConversationRow:
    id: int
    kind: str
    topic: str
    started_on: str
    state: str
    step: int


@dataclass(frozen=True)
class NoteRow:
    conversation_id: int
    kind: str
    topic: str
    day: str
    slot: str
    text: str
    shared: bool


_CONVERSATION_COLS = "id, kind, topic, started_on, state, step"


class ConversationRepository(_Repo):
    def start(self, kind: str, topic: str, day: str) -> int:
        return self._write("INSERT INTO conversations (kind, topic, started_on, updated_at) "
                           "VALUES (?, ?, ?, ?)", (kind, topic, day, utc_now()))

    def get(self, conversation_id: int) -> ConversationRow | None:
        row = self._one(f"SELECT {_CONVERSATION_COLS} FROM conversations WHERE id = ?",
                        (conversation_id,))
        return ConversationRow(*row) if row else None

    def set_step(self, conversation_id: int, step: int) -> None:
        self._write("UPDATE conversations SET step = ?, updated_at = ? WHERE id = ?",
                    (step, utc_now(), conversation_id))

    def keep(self, conversation_id: int) -> None:
        self._write("UPDATE conversations SET state = 'kept', updated_at = ? WHERE id = ?",
                    (utc_now(), conversation_id))

    def delete(self, conversation_id: int) -> None:
        """The record and every line shared into it, in one transaction."""
        with self.conn:
            self.conn.execute("DELETE FROM conversation_lines WHERE conversation_id = ?",
                              (conversation_id,))
            self.conn.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    def in_state(self, state: str, offset: int = 0, limit: int = 50) -> list[ConversationRow]:
        rows = self._all(f"SELECT {_CONVERSATION_COLS} FROM conversations WHERE state = ? "
                         "ORDER BY started_on DESC, id DESC LIMIT ? OFFSET ?",
                         (state, limit, offset))
        return [ConversationRow(*r) for r in rows]

    def share_line(self, conversation_id: int, partner_id: str, slot: str, text: str) -> None:
        self._write("INSERT INTO conversation_lines (conversation_id, partner_id, slot, text, "
                    "shared_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                    "text = excluded.text, shared_at = excluded.shared_at",
                    (conversation_id, partner_id, slot, text, utc_now()))

    def unshare_line(self, conversation_id: int, partner_id: str, slot: str) -> None:
        self._write("DELETE FROM conversation_lines WHERE conversation_id = ? AND "
                    "partner_id = ? AND slot = ?", (conversation_id, partner_id, slot))

    def lines(self, conversation_id: int) -> list[tuple[str, str, str]]:
        """(partner_id, slot, text) of every shared or joint line, in writing order."""
        return self._all("SELECT partner_id, slot, text FROM conversation_lines "
                         "WHERE conversation_id = ? ORDER BY id", (conversation_id,))


class NoteRepository(_Repo):
    def save(self, conversation: ConversationRow, slot: str, text: str, shared: bool) -> None:
        self._write("INSERT INTO conversation_notes (conversation_id, kind, topic, day, slot, "
                    "text, shared, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (conversation_id, slot) DO UPDATE SET text = excluded.text, "
                    "shared = excluded.shared, updated_at = excluded.updated_at",
                    (conversation.id, conversation.kind, conversation.topic,
                     conversation.started_on, slot, text, int(shared), utc_now()))

    def delete(self, conversation_id: int, slot: str) -> None:
        self._write("DELETE FROM conversation_notes WHERE conversation_id = ? AND slot = ?",
                    (conversation_id, slot))

    def for_conversation(self, conversation_id: int) -> list[NoteRow]:
        rows = self._all("SELECT conversation_id, kind, topic, day, slot, text, shared "
                         "FROM conversation_notes WHERE conversation_id = ? ORDER BY id",
                         (conversation_id,))
        return [NoteRow(conversation_id, kind, topic, day, slot, text, bool(shared))
                for conversation_id, kind, topic, day, slot, text, shared in rows]

    def forget_sharing(self, conversation_id: int) -> None:
        """The shared record is gone, so nothing of this conversation is shared any more."""
        self._write("UPDATE conversation_notes SET shared = 0 WHERE conversation_id = ?",
                    (conversation_id,))
