"""`couples-workbook export`: a session packet from the command line.

The person who unlocks is the only one present, so only their answers can be printed (the
same rule as the window); `--include-private` ticks every one of their own private answers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from workbook.storage.errors import VaultNotFound
from workbook.text import InvalidText

NOT_ENCRYPTED = ("Warning: the PDF is NOT encrypted. Anyone who can open it can read what it "
                 "holds. Keep it somewhere private, and delete it once it is printed.")


def export_packet(args: argparse.Namespace, folder: Path,
                  read_secret: Callable[[str], str]) -> int:
    from workbook.accounts import WorkbookService
    from workbook.content.loader import load_content
    service = WorkbookService(folder)
    if not service.exists():
        raise VaultNotFound(f"There is no workbook in {folder}.")
    content = load_content().content
    _check_chapters(content, args.chapter)
    print(NOT_ENCRYPTED, file=sys.stderr)  # before anything is written
    me = service.unlock(read_secret("Passphrase: "))
    try:
        packet = _gather(service, content, me.id, args)
    finally:
        service.lock()  # the PDF is laid out from plain objects; the vault is closed first
    from workbook.export import build_session_packet
    pages = build_session_packet(args.output, packet, page_size=args.page_size)
    print(f"Wrote a {pages}-page session packet to {args.output}.")
    return 0


def _check_chapters(content, chapter_ids) -> None:
    known = {c.id for c in content.chapters}
    for cid in chapter_ids or ():
        if cid not in known:
            raise InvalidText(f"There is no chapter {cid!r}. Known: {', '.join(sorted(known))}.")


def _gather(service, content, me: str, args: argparse.Namespace):
    from workbook.answers import AnswerKey
    from workbook.packet import PacketRequest, PacketService
    packets = PacketService(service, content)
    chapters = tuple(args.chapter) if args.chapter else None
    ticked: frozenset[tuple[str, AnswerKey]] = frozenset()
    if args.include_private:
        ticked = frozenset((c.owner_id, c.key) for c in packets.answer_choices([me], chapters)
                           if c.private)
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise InvalidText("--from must be on or before --to.")
    request = PacketRequest(partner_ids=(me,), chapter_ids=chapters, date_from=args.date_from,
                            date_to=args.date_to, private_keys=ticked, names=args.names)
    return packets.gather(request)
