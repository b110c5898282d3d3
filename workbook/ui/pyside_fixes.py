"""Work-arounds for defects of the Qt binding, each with the version it was seen in.

PySide6 6.12.0 on CPython 3.11 drops one reference to `None` on every call of a Qt method that
returns void (`setText`, `QTimer.start`, `processEvents`, …). After a few thousand such calls
`None`'s count reaches zero and the interpreter aborts ("deallocating None"), which a long writing
session or a 10-year vault reaches easily. CPython 3.12 made `None` immortal; on 3.11 we do the
same by giving it a count no session can exhaust. Nothing else is touched.
"""

from __future__ import annotations

import ctypes
import sys

_NONE_BALLAST = 1 << 40
_pinned = False


def pin_none() -> None:
    global _pinned
    if _pinned or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is PyObject's first field
    refcount.value += _NONE_BALLAST
    _pinned = True
