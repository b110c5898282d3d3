"""Optional password protection for exported PDFs: AES-256 through reportlab.

reportlab (5.1) writes AES-256 as PDF revision 5 ("Adobe extension level 3"), but pads three
key fields that the standard says are unpadded: /UE and /OE come out 48 bytes long instead of
32, and /Perms 32 instead of 16. Poppler (Evince, Okular and most Linux viewers) then refuses
the password. Cutting the padding off gives exactly the unpadded values, because the fields
are encrypted with a zero IV (CBC over one or two blocks), so the first blocks are already
right. Checked against poppler by tests/test_export_blank.py.

Revision 5 checks a password with a single SHA-256, so it is quick to guess: it keeps a
casual reader out, and a long password matters. docs/printing.md says so to the user.
"""

from __future__ import annotations

from reportlab.lib import pdfencrypt

from workbook.export.errors import ExportError


def check_password(password: str | None) -> None:
    """Builders call this first, so a bad password fails before any file is touched."""
    if password is not None and not (isinstance(password, str) and password):
        raise ValueError("the PDF password must be a non-empty text, or None for no password")


def encryption_for(password: str | None) -> pdfencrypt.StandardEncryption | None:
    """A reportlab encryption object for `password`, or None to leave the PDF unencrypted."""
    check_password(password)
    if password is None:
        return None
    # reportlab's AES comes from the optional pyaes package
    if pdfencrypt.pyaes is None:  # type: ignore[attr-defined]  # its optional import: not in the stubs
        raise ExportError("Password protection for PDFs is not available in this installation "
                          "(the 'pyaes' package is missing).")
    # The owner password equals the user password, and every permission stays granted: the
    # point is to keep strangers out, not to stop the owner printing their own pages.
    return _StandardAES256(password, strength=256)


class _StandardAES256(pdfencrypt.StandardEncryption):
    def prepare(self, document, overrideID=None):
        super().prepare(document, overrideID)
        # Unpadded lengths from ISO 32000-2, 7.6.4.4: see the module docstring.
        self.UE, self.OE, self.Perms = self.UE[:32], self.OE[:32], self.Perms[:16]
