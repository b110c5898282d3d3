"""The words of a stored answer, as the SQL function `answer_words(chapter, worksheet, field,
value)` that the search-index triggers call (search_text.py), so the index holds what the field's
kind says a person wrote or chose (workbook/field_kinds.py, `Kind.words`) and never the JSON the
app stores.

Storage cannot know field kinds (they live above it), so the kind-aware function
(`field_kinds.indexed_words`) is handed in with `use()` by the session module, which is imported
before any file is opened. Without it, and for an answer to a question this version of the app
does not have, `stored_words` reads any stored JSON object as the strings inside it, which is what
every structured kind's words are too (tests/test_field_kinds.py). Every connection the app
opens has the function (sqlcipher.py), so a write through any road keeps the index right.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Words = Callable[[str, str, str, str], str]


def stored_words(stored: Any) -> Any:
    """Every string inside a stored JSON object, one per line; anything else as it is."""
    if not isinstance(stored, str) or not stored.startswith("{"):
        return stored
    try:
        obj = json.loads(stored)
    except (ValueError, RecursionError):
        return stored
    if not isinstance(obj, dict):
        return stored
    return "\n".join(_strings(obj))


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    return [text for child in children for text in _strings(child)]


def _any_field(_chapter_id: str, _worksheet_id: str, _field_id: str, stored: str) -> str:
    return stored_words(stored)


_words: Words = _any_field


def use(words: Words) -> None:
    """Index answers with `words(chapter_id, worksheet_id, field_id, stored)` from now on."""
    global _words
    _words = words


def _sql_words(chapter_id: Any, worksheet_id: Any, field_id: Any, stored: Any) -> Any:
    if not isinstance(stored, str):
        return stored
    try:
        return _words(chapter_id, worksheet_id, field_id, stored)
    except Exception as error:  # a save must never fail over its index entry
        log.warning("answer words fell back to the stored text: %s", type(error).__name__)
        return stored_words(stored)


def register(conn) -> None:
    conn.create_function("answer_words", 4, _sql_words, deterministic=True)
