#!/usr/bin/env bash
# Build the Linux bundle with PyInstaller and wrap it in a .deb.
#
#   packaging/linux/build-deb.sh [--venv DIR] [--no-bundle]
#
#   --venv DIR    Python environment to build with (default: $VENV or .venv). Created if missing;
#                 the app's dependencies and packaging/requirements-build.txt are installed in it.
#   --no-bundle   reuse dist/couples-workbook/ from an earlier run (only re-make the .deb)
#
# Output (both git-ignored):
#   dist/couples-workbook/                          the PyInstaller one-folder bundle
#   dist/couples-workbook_<version>_<arch>.deb
# Scratch: build/pyinstaller/, build/deb/. Safe to run again: each run starts those afresh.
# DEB_COMPRESSION=zstd makes a quicker (larger) package than the default xz, but lintian 2.116
# (Debian 12) rejects zstd members; DEB_COMPRESS_LEVEL=1 keeps xz and is nearly as quick.
# DEB_MAINTAINER sets the Maintainer field.
# As root it installs missing build tools with apt-get (dpkg-dev, desktop-file-utils, appstream,
# binutils, patchelf) and the Qt runtime libraries the bundle links to (needed to compute Depends).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
VENV=${VENV:-$ROOT/.venv}
BUILD_BUNDLE=1
while [ $# -gt 0 ]; do
    case "$1" in
        --venv) VENV=$2; shift 2 ;;
        --no-bundle) BUILD_BUNDLE=0; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "build-deb: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$VENV" in /*) ;; *) VENV=$ROOT/$VENV ;; esac

APP=couples-workbook
APP_ID=io.github.couplesworkbook.CouplesWorkbook
LINUX=$ROOT/packaging/linux
DIST=$ROOT/dist
BUNDLE=$DIST/$APP
STAGE=$ROOT/build/deb/root
ICON_SIZES="16 24 32 48 64 128 256 512"
MAINTAINER=${DEB_MAINTAINER:-"Couples Workbook maintainers <packaging@couples-workbook.invalid>"}

# Qt's xcb platform plugin loads these at run time (they are not all visible to dpkg-shlibdeps,
# which only sees direct links), plus CUPS for printing.
RUNTIME_DEPENDS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb1 libx11-6 libx11-xcb1 \
libglib2.0-0 libcups2"
BUILD_TOOLS="dpkg-dev desktop-file-utils appstream binutils file patchelf"
# Libraries the spec bundles on purpose (what Python's own extension modules link to).
BUNDLED_PACKAGES="libssl3 libffi8 libexpat1 libmpdec3 libuuid1 libsqlite3-0"
T64_RENAMED="libcups2 libglib2.0-0"

say() { printf '\n== %s\n' "$*"; }
started=$(date +%s)

# --- build tools -------------------------------------------------------------------------------
missing_packages() {
    local pkg status out=""
    for pkg in "$@"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        case "$status" in *"ok installed"*) ;; *) out="$out $pkg" ;; esac
    done
    echo "$out"
}
# shellcheck disable=SC2086  # word splitting of the package lists is intended
missing=$(missing_packages $BUILD_TOOLS $RUNTIME_DEPENDS)
if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "build-deb: please install (as root): apt-get install$missing" >&2
        exit 1
    fi
    say "installing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# --- Python environment ------------------------------------------------------------------------
PY=$VENV/bin/python
if [ ! -x "$PY" ]; then
    say "creating $VENV"
    python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip
fi
if ! "$PY" -c "import PySide6, sqlcipher3, reportlab, platformdirs, bidi, arabic_reshaper" 2>/dev/null; then
    say "installing the app's dependencies into $VENV"
    "$PY" -m pip install -q -e "$ROOT"
fi
"$PY" -m pip install -q -r "$ROOT/packaging/requirements-build.txt"

VERSION=$("$PY" - "$ROOT/workbook/__init__.py" <<'EOF'
import re, sys
print(re.search(r'^__version__ = "([^"]+)"', open(sys.argv[1]).read(), re.M).group(1))
EOF
)
ARCH=$(dpkg --print-architecture)
DEB=$DIST/${APP}_${VERSION}_${ARCH}.deb
echo "version $VERSION, architecture $ARCH"

# --- check the desktop metadata before spending minutes on a build -----------------------------
say "validating desktop file and AppStream metadata"
desktop-file-validate "$LINUX/$APP_ID.desktop"
METAINFO=$LINUX/$APP_ID.metainfo.xml
if ! grep -q "<release version=\"$VERSION\"" "$METAINFO"; then
    echo "build-deb: $METAINFO has no <release version=\"$VERSION\">: add the release first" >&2
    exit 1
fi
# --strict: infos fail too (only the pedantic note on the reverse-DNS id's capitals remains).
appstreamcli validate --strict --no-net "$METAINFO"

# --- the PyInstaller bundle --------------------------------------------------------------------
if [ "$BUILD_BUNDLE" = 1 ]; then
    say "building the bundle with PyInstaller"
    rm -rf "$ROOT/build/pyinstaller" "$BUNDLE"
    bundle_start=$(date +%s)
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
        --workpath "$ROOT/build/pyinstaller" --distpath "$DIST" "$ROOT/packaging/$APP.spec"
    echo "PyInstaller took $(( $(date +%s) - bundle_start )) s"
fi
[ -x "$BUNDLE/$APP" ] || { echo "build-deb: no bundle at $BUNDLE" >&2; exit 1; }
reported=$("$BUNDLE/$APP" --version)
[ "$reported" = "Couples Workbook $VERSION" ] || {
    echo "build-deb: the bundle reports '$reported', expected version $VERSION" >&2; exit 1; }

# --- stage the package tree --------------------------------------------------------------------
say "staging the package"
rm -rf "$ROOT/build/deb"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/$APP" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$BUNDLE" "$STAGE/opt/$APP"
# The bootloader finds its _internal/ folder through /proc/self/exe, so a symlink is enough.
ln -s "/opt/$APP/$APP" "$STAGE/usr/bin/$APP"
install -m 0644 "$LINUX/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
install -m 0644 "$METAINFO" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
for size in $ICON_SIZES; do
    install -D -m 0644 "$ROOT/workbook/assets/icons/$APP-$size.png" \
        "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -m 0644 "$ROOT/workbook/assets/icons/$APP.svg" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
# The man page, the licences of everything bundled (generated by the spec), and a changelog.
mkdir -p "$STAGE/usr/share/man/man1"
gzip -9n < "$LINUX/$APP.1" > "$STAGE/usr/share/man/man1/$APP.1.gz"
# What a bundle in /opt inherently does, each with its reason (packaging/linux/lint-deb.sh).
install -D -m 0644 "$LINUX/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$APP"
NOTICES=$BUNDLE/_internal/THIRD-PARTY-NOTICES.txt
[ -f "$NOTICES" ] || { echo "build-deb: the bundle has no THIRD-PARTY-NOTICES.txt" >&2; exit 1; }
gzip -9n < "$NOTICES" > "$STAGE/usr/share/doc/$APP/THIRD-PARTY-NOTICES.txt.gz"
RELEASE_DATE=$(sed -n "s/.*<release version=\"$VERSION\" date=\"\([0-9-]*\)\".*/\1/p" "$METAINFO")
{
    printf '%s (%s) unstable; urgency=medium\n\n' "$APP" "$VERSION"
    printf '  * Release %s. Release notes: the AppStream metainfo file.\n\n' "$VERSION"
    printf ' -- %s  %s\n' "$MAINTAINER" "$(LC_ALL=C date -u -R -d "$RELEASE_DATE 12:00")"
} | gzip -9n > "$STAGE/usr/share/doc/$APP/changelog.gz"
cat > "$STAGE/usr/share/doc/$APP/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Couples Workbook

Files: *
License: GPL-3.0-or-later
 On Debian systems the full text is in /usr/share/common-licenses/GPL-3.

Files: opt/$APP/_internal/workbook/assets/fonts/*
License: Bitstream-Vera and public-domain (DejaVu fonts)
 See opt/$APP/_internal/workbook/assets/fonts/LICENSE-DejaVu.txt.

Files: opt/$APP/_internal/PySide6/* opt/$APP/_internal/shiboken6/*
License: LGPL-3.0-only (Qt for Python, Qt)

Files: opt/$APP/_internal/sqlcipher3/*
License: Zlib (sqlcipher3), BSD-3-clause (SQLCipher) and Apache-2.0 (OpenSSL 3)

Comment: Every bundled component, with its licence text, is listed in
 /usr/share/doc/$APP/THIRD-PARTY-NOTICES.txt.gz (also opt/$APP/_internal/).
EOF
# Plain, predictable permissions whatever the umask of the build machine; shared libraries and
# Python extension modules are not programs (0644), only the two launchers are.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod go-w,a+r {} +
find "$STAGE/opt/$APP" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +
# No RUNPATH pointing at the build machine (a pyenv or CI path in libpython or an extension);
# entries relative to the file itself ($ORIGIN) are kept, they are how Qt finds its libraries.
say "removing build-host RUNPATHs"
patched=0
while IFS= read -r -d '' elf; do
    head -c4 "$elf" | grep -q $'\x7fELF' || continue
    runpath=$(patchelf --print-rpath "$elf" 2>/dev/null) || continue
    [ -n "$runpath" ] || continue
    kept=$(printf '%s' "$runpath" | tr ':' '\n' | grep -E '^[$]ORIGIN' | paste -sd: - || true)
    if [ "$kept" != "$runpath" ]; then
        [ "$patched" -gt 0 ] || echo "  e.g. ${elf#"$STAGE"}: $runpath -> ${kept:-(none)}"
        patched=$((patched + 1))
        if [ -n "$kept" ]; then patchelf --set-rpath "$kept" "$elf"; else patchelf --remove-rpath "$elf"; fi
    fi
done < <(find "$STAGE/opt/$APP" -type f -print0)
echo "  $patched files patched"

# --- dependencies ------------------------------------------------------------------------------
say "computing Depends with dpkg-shlibdeps"
SHLIBS_DIR=$ROOT/build/deb/shlibs
mkdir -p "$SHLIBS_DIR/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$APP" "$APP" > "$SHLIBS_DIR/debian/control"
mapfile -t elf_files < <("$PY" - "$STAGE/opt/$APP" <<'EOF'
import os, sys
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        path = os.path.join(folder, name)
        if not os.path.islink(path):
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    print(path)
EOF
)
mapfile -t private_dirs < <(printf '%s\n' "${elf_files[@]}" | xargs -n1 dirname | sort -u)
lib_args=()
for dir in "${private_dirs[@]}"; do lib_args+=("-l$dir"); done
shlibs_start=$(date +%s)
shlibs=$(cd "$SHLIBS_DIR" && dpkg-shlibdeps -O --ignore-missing-info --warnings=1 \
    "${lib_args[@]}" "${elf_files[@]}" 2>"$ROOT/build/deb/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
# Merge with the run-time (dlopen) list; keep the first, versioned mention of each package.
# Leave out what the bundle carries itself (dpkg-shlibdeps also resolves those to the system's
# copies), and accept the names Debian 13 / Ubuntu 24.04 gave libraries in the 64-bit time_t
# transition (libcups2t64, libglib2.0-0t64), so one .deb installs on both generations.
# shellcheck disable=SC2086
DEPENDS=$(printf '%s\n' "$shlibs" | tr ',' '\n' | cat - <(printf '%s\n' $RUNTIME_DEPENDS) \
    | sed 's/^ *//; s/ *$//' \
    | awk -v bundled="$BUNDLED_PACKAGES" -v t64="$T64_RENAMED" '
        BEGIN { split(bundled, b, " "); for (i in b) skip[b[i]] = 1
                split(t64, t, " "); for (i in t) renamed[t[i]] = 1 }
        NF && !skip[$1] && !seen[$1]++ { print (renamed[$1] ? $0 " | " $1 "t64" : $0) }' \
    | paste -sd, - | sed 's/,/, /g')
echo "Depends: $DEPENDS"
echo "dpkg-shlibdeps took $(( $(date +%s) - shlibs_start )) s"

INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Section: misc
Priority: optional
Description: private, encrypted workbook to write in together
 A gentle, guided workbook for couples who want to reconnect after a hard
 time. Each partner works through short chapters at their own pace and keeps
 some answers private until they choose to share them.
 .
 Everything stays on this computer: no account, no cloud, no tracking.
 Answers are stored encrypted with SQLCipher.
EOF
chmod 0644 "$STAGE/DEBIAN/control"

# --- build the .deb ----------------------------------------------------------------------------
say "building $DEB"
rm -f "$DIST/${APP}_"*"_$ARCH.deb"
deb_start=$(date +%s)
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" ${DEB_COMPRESS_LEVEL:+-z"$DEB_COMPRESS_LEVEL"} \
    --build "$STAGE" "$DEB" >/dev/null
echo "dpkg-deb (${DEB_COMPRESSION:-xz}) took $(( $(date +%s) - deb_start )) s"
dpkg-deb --info "$DEB" | sed -n '/Package:/,$p'

bundle_mb=$(du -sm "$BUNDLE" | cut -f1)
deb_mb=$(awk -v b="$(stat -c %s "$DEB")" 'BEGIN { printf "%.1f", b / 1048576 }')
say "done in $(( $(date +%s) - started )) s: $DEB (${deb_mb} MiB; bundle ${bundle_mb} MiB, installed ${INSTALLED_KB} KiB)"
