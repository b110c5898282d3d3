"""Who a workbook's partners are, as the windows see them: plain data, kept apart from the
session that holds the open database connections (workbook/session.py), so the windows can name
a partner without importing anything that touches storage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartnerInfo:
    id: str
    name: str
    unlocked: bool
