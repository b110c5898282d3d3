"""Passphrase advice and recovery codes. No Qt: the UI shows what these return."""

from __future__ import annotations

import math
from typing import NamedTuple

MIN_LENGTH = 8
# Crockford's base32: no I, L, O or U, so a handwritten code cannot be misread.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 5
RECOVERY_GROUP_SIZE = 5  # 25 symbols x 5 bits = 125 bits of randomness
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_COMMON = {"password", "passw0rd", "12345678", "123456789", "qwertyuiop", "iloveyou",
           "letmein1", "11111111", "sunshine", "princess", "football", "baseball"}


class Strength(NamedTuple):
    score: int  # 0 (too weak to accept) .. 4 (strong)
    hint: str

    @property
    def acceptable(self) -> bool:
        return self.score > 0


def passphrase_strength(passphrase: str) -> Strength:
    """A rough, honest estimate; the hint always suggests something concrete."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, f"Use at least {MIN_LENGTH} characters. "
                           "A few unrelated words work well.")
    if passphrase.lower() in _COMMON or len(set(passphrase)) <= 2:
        return Strength(0, "That one is very common and easy to guess. Try a few unrelated words.")
    bits = _estimated_bits(passphrase)
    if bits < 40:
        return Strength(1, "Weak: a longer passphrase would be much safer, for example four "
                           "unrelated words.")
    if bits < 60:
        return Strength(2, "Fair: one or two more words would make it strong.")
    if bits < 80:
        return Strength(3, "Good. Make sure you can remember it; it cannot be read back.")
    return Strength(4, "Strong. Make sure you can remember it; it cannot be read back.")


def _estimated_bits(passphrase: str) -> float:
    pool = 0
    pool += 26 if any(c.islower() for c in passphrase) else 0
    pool += 26 if any(c.isupper() for c in passphrase) else 0
    pool += 10 if any(c.isdigit() for c in passphrase) else 0
    pool += 33 if any(not c.isalnum() and c.isascii() for c in passphrase) else 0
    pool += 100 if any(not c.isascii() for c in passphrase) else 0
    # Repeated characters add little: count distinct ones at full weight, the rest at a quarter.
    distinct = len(set(passphrase))
    effective = distinct + (len(passphrase) - distinct) / 4
    return effective * math.log2(max(pool, 2)) * 0.6  # 0.6: people pick words, not noise


def new_recovery_code() -> str:
    import secrets  # here, not at the top: the unlock window needs only the strength check
    symbols = "".join(secrets.choice(RECOVERY_ALPHABET)
                      for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_SIZE))
    return format_recovery_code(symbols)


def format_recovery_code(symbols: str) -> str:
    size = RECOVERY_GROUP_SIZE
    return "-".join(symbols[i:i + size] for i in range(0, len(symbols), size))


def normalize_recovery_code(typed: str) -> str:
    """Accept the code however it was copied: any case, spaces or dashes, O for 0, I/L for 1."""
    symbols = "".join(c for c in typed.upper() if c.isalnum()).translate(_CONFUSABLE)
    return format_recovery_code(symbols)
