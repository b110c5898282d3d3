"""Third-party notices: every distribution the app runs on, with its licence texts.

Generated from the installed distributions' own metadata and licence files (the closure of
couples-workbook's runtime requirements), plus the parts that come inside those wheels without
a licence file of their own: Qt (in PySide6), ICU (in Qt), OpenSSL (linked into sqlcipher3),
Python itself, and the DejaVu fonts. Packaging writes it to THIRD-PARTY-NOTICES.txt at build
time (`python -m workbook.notices OUT`) for the bundle, the .deb and the installers; Settings →
About shows the bundle's file, or generates the same text for a pip install.
"""

from __future__ import annotations

import re
import sys
import sysconfig
import textwrap
from importlib import metadata
from pathlib import Path

from workbook.resources import resource_path

APP_DISTRIBUTION = "couples-workbook"
FILE_NAME = "THIRD-PARTY-NOTICES.txt"
FALLBACK_REQUIREMENTS = ("PySide6-Essentials", "sqlcipher3", "reportlab", "platformdirs", "pyaes",
                         "python-bidi", "arabic-reshaper")
_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.I)
_RULE = "=" * 78
# Distributions whose metadata names no clear licence, read by hand from their licence files.
READ_FROM_LICENCE_FILES = {"sqlcipher3": "Zlib", "python-bidi": "LGPL-3.0-or-later",
                           "pyinstaller": "GPL-2.0-or-later WITH Bootloader-exception"}

# Inside the wheels above but without a licence file there: (what, licence, where the text is).
EMBEDDED = (
    ("Qt 6 (inside PySide6-Essentials and shiboken6: Qt libraries and plugins)",
     "LGPL-3.0-only", "licenses/LGPL-3.0.txt"),
    ("ICU (inside Qt: libicu*)", "Unicode/ICU licence (MIT style)", "licenses/ICU.txt"),
    ("OpenSSL 3 (libcrypto, linked into sqlcipher3's extension module)", "Apache-2.0",
     "licenses/Apache-2.0.txt"),
    ("SQLCipher (linked into sqlcipher3's extension module)",
     "BSD-3-Clause (its crypto code) and public domain (SQLite)", "licenses/SQLCipher.txt"),
)
# Every bundled font family ships its licence as workbook/assets/fonts/LICENSE-<family>*.txt;
# all of them are listed, so a font added later cannot miss the notices.
FONT_LICENCES = {"DejaVu": "Bitstream Vera licence and public domain", "Noto": "OFL-1.1",
                 "Nanum": "OFL-1.1", "DroidSansFallback": "Apache-2.0"}


def notices_text() -> str:
    """The notices shipped with this copy: the bundle's file when frozen, else generated."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / FILE_NAME).is_file():
        return (Path(bundle) / FILE_NAME).read_text(encoding="utf-8")
    return generate()


def runtime_distributions() -> list[metadata.Distribution]:
    """couples-workbook's runtime requirements and theirs, without extras, sorted by name."""
    try:
        pending = _requirement_names(metadata.distribution(APP_DISTRIBUTION))
    except metadata.PackageNotFoundError:  # a checkout run without installing
        pending = list(FALLBACK_REQUIREMENTS)
    found: dict[str, metadata.Distribution] = {}
    while pending:
        name = pending.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform
        found[key] = dist
        pending.extend(_requirement_names(dist))
    return sorted(found.values(), key=lambda d: d.metadata["Name"].lower())


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        if match:
            names.append(match.group(1))
    return names


def _header(meta: metadata.PackageMetadata, name: str) -> str | None:
    """meta.get(name), which the metadata protocol is typed with only from Python 3.12 on."""
    return meta[name] if name in meta else None


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if _header(meta, "License-Expression"):
        return meta["License-Expression"]
    known = READ_FROM_LICENCE_FILES.get(meta["Name"].lower())
    if known:
        return known
    text = (_header(meta, "License") or "").strip()
    if text and len(text) < 120 and "\n" not in text:
        return text.rsplit(" :: ", 1)[-1]
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "see the licence text below"


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        name = str(file)
        if _LICENCE_FILE.search(name) and not name.endswith((".py", ".pyc")):
            try:
                texts.append((name, Path(str(dist.locate_file(file))).read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError):
                continue
    return texts


def python_licence() -> str:
    """CPython's own LICENSE, from wherever this interpreter keeps it."""
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [Path(sysconfig.get_path("stdlib")) / "LICENSE.txt", base / "LICENSE.txt",
                  base / "lib" / version / "LICENSE.txt",
                  Path("/usr/share/doc") / version / "copyright"]
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return ("The Python Software Foundation License Version 2 (PSF-2.0): "
            "https://docs.python.org/3/license.html")


def generate(bundle: bool = False) -> str:
    """The notices; `bundle` adds PyInstaller, whose bootloader starts every frozen bundle (GPL-2.0
    or later with an exception that allows shipping it with programs under any licence)."""
    dists = runtime_distributions()
    if bundle:
        dists.append(metadata.distribution("pyinstaller"))
    intro = ("Couples Workbook is free software under the GNU General Public License, version 3 "
             "or later (GPL-3.0-or-later); its full text is in LICENSE. Installed copies also "
             "carry the following software, each under its own licence, all of which allow it "
             "to be shipped with a GPL-3.0-or-later program.")
    out = ["THIRD-PARTY NOTICES for Couples Workbook", "", textwrap.fill(intro, 78), "",
           "Summary:"]
    version = ".".join(map(str, sys.version_info[:3]))
    out += [f"  - {d.metadata['Name']} {d.version}: {licence_of(d)}" for d in dists]
    out += [f"  - {what}: {licence}" for what, licence, _ in EMBEDDED + font_licences()]
    out += [f"  - Python {version} (the interpreter and standard library): PSF-2.0", ""]
    for dist in dists:
        out += [_RULE, f"{dist.metadata['Name']} {dist.version}", f"Licence: {licence_of(dist)}"]
        home = _header(dist.metadata, "Home-page") or _project_url(dist)
        out += [f"Home: {home}"] if home else []
        texts = licence_files(dist)
        if not texts:
            texts = [("(no licence file in this distribution)",
                      "See the licence named above; its full text follows under Qt below."
                      if "LGPL" in licence_of(dist) else "See the licence named above.")]
        for name, text in texts:
            out += ["", f"--- {name}", "", text.rstrip()]
        out.append("")
    for what, licence, path in EMBEDDED + font_licences():
        out += [_RULE, what, f"Licence: {licence}", "",
                resource_path(*path.split("/")).read_text(encoding="utf-8").rstrip(), ""]
    out += [_RULE, f"Python {version}", "Licence: PSF-2.0", "", python_licence().rstrip(), ""]
    return "\n".join(out)


def font_licences() -> tuple[tuple[str, str, str], ...]:
    """(what, licence, assets path) for each LICENSE-*.txt beside the bundled fonts."""
    found = []
    for path in sorted(resource_path("fonts").glob("LICENSE-*.txt")):
        family = path.stem.removeprefix("LICENSE-")
        licence = next((v for k, v in FONT_LICENCES.items() if family.startswith(k)), None)
        if licence is None:  # LICENSE-<Family>-<SPDX id>.txt names its licence
            licence = family.split("-", 1)[1] if "-" in family else "see the text below"
        found.append((f"{family.split('-')[0]} fonts (workbook/assets/fonts)", licence,
                      f"fonts/{path.name}"))
    return tuple(found)


def _project_url(dist: metadata.Distribution) -> str:
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return ""


def main(argv: list[str]) -> int:
    """`python -m workbook.notices OUT [--bundle]`: write the notices file."""
    bundle = "--bundle" in argv
    argv = [a for a in argv if a != "--bundle"]
    text = generate(bundle)
    missing = [what for what, _, path in EMBEDDED
               if not resource_path(*path.split("/")).is_file()]
    if missing:
        print(f"notices: licence text missing for {', '.join(missing)}", file=sys.stderr)
        return 1
    Path(argv[0]).write_text(text, encoding="utf-8")
    count = len(runtime_distributions()) + bundle
    print(f"notices: {count} distributions, {len(text) // 1024} KiB written to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
