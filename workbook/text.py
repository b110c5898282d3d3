"""Checks on text the user typed, before it is stored."""

from __future__ import annotations

MAX_NAME_LENGTH = 60


class InvalidText(ValueError):
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


def clean_display_name(name: str) -> str:
    name = check_storable(name).strip()
    if not name:
        raise InvalidText("Please enter a name (a first name or a nickname is enough).")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidText(f"Please keep the name under {MAX_NAME_LENGTH} characters.")
    return name
