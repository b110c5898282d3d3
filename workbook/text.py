"""Checks on text the user typed, before it is stored."""

from __future__ import annotations

from workbook.errors import InvalidInput

MAX_NAME_LENGTH = 60


class InvalidText(InvalidInput):
    """The message is for the user and never repeats their text."""


def check_storable(text: str) -> str:
    """Any Unicode text round-trips except lone surrogates, which UTF-8 cannot hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidText("This text contains a broken character (a lone surrogate) that cannot "
                          "be saved. Please retype the last few characters.") from None
    if "\x00" in text:
        raise InvalidText("This text contains a null character, which cannot be saved.")
    return text


def clean_line(text: str, max_length: int, if_empty: str, if_long: str,
               error: type[InvalidText] = InvalidText) -> str:
    """A one-line entry (a name, a title): storable, trimmed, not empty, not too long."""
    text = check_storable(text).strip()
    if not text:
        raise error(if_empty)
    if len(text) > max_length:
        raise error(if_long)
    return text


def clean_display_name(name: str) -> str:
    return clean_line(name, MAX_NAME_LENGTH,
                      "Please enter a name (a first name or a nickname is enough).",
                      f"Please keep the name under {MAX_NAME_LENGTH} characters.")
