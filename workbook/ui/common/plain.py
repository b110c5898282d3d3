"""User text shown where Qt might read it as HTML. Labels use PlainText format (widgets.py);
tooltips have no such switch — Qt renders any tooltip that looks like HTML as HTML — so user
text in a tooltip is escaped and wrapped, which shows `<b>` as the characters `<b>`."""

from __future__ import annotations

import html


def plain_tooltip(text: str) -> str:
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
