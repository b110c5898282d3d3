"""Passphrase advice and recovery codes. No Qt: the UI shows what these return."""

from __future__ import annotations

from typing import NamedTuple

MIN_LENGTH = 8
# zxcvbn refuses longer input; what it cannot see adds strength, never takes it away.
ESTIMATED_PREFIX = 72
# Crockford's base32: no I, L, O or U, so a handwritten code cannot be misread.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 5
RECOVERY_GROUP_SIZE = 5  # 25 symbols x 5 bits = 125 bits of randomness
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
# zxcvbn's score (a guess count of about 10^3, 10^6, 10^8, 10^10 and beyond) -> what we say
_HINTS = (
    "Too easy to guess. Try three or four unrelated words.",
    "Still easy to guess. Try three or four unrelated words, with a space between them.",
    "Fair: one more unrelated word would make it strong.",
    "Good. Make sure you can remember it; it cannot be read back.",
    "Strong. Make sure you can remember it; it cannot be read back.",
)


class Strength(NamedTuple):
    score: int  # 0..4, zxcvbn's score; below 2 is refused
    hint: str

    @property
    def acceptable(self) -> bool:
        return self.score >= 2


def passphrase_strength(passphrase: str) -> Strength:
    """zxcvbn's estimate (dictionaries, keyboard patterns, sequences, dates), with a concrete
    suggestion. zxcvbn is imported here, not at the top: the unlock window never needs it."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, f"Use at least {MIN_LENGTH} characters. "
                           "A few unrelated words work well.")
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:ESTIMATED_PREFIX])
    score = int(result["score"])
    warning = result["feedback"]["warning"] if score < 3 else ""
    return Strength(score, f"{warning} {_HINTS[score]}".strip())


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
