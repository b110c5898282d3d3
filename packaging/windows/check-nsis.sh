#!/usr/bin/env bash
# Compile-check the Windows installer script on Linux with Debian's makensis, against a dummy
# bundle (the real one is built on Windows). Catches syntax errors, missing includes and
# warnings (-WX makes them errors) without a Windows machine.
#   packaging/windows/check-nsis.sh      -> build/nsis-check/couples-workbook-<version>-setup.exe
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if ! command -v makensis >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis >/dev/null 2>&1 \
            || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis >/dev/null; }
    else
        echo "check-nsis: makensis missing (apt-get install nsis)" >&2; exit 1
    fi
fi
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/workbook/__init__.py")
WORK=$ROOT/build/nsis-check
rm -rf "$WORK"
mkdir -p "$WORK/dist/_internal/workbook/assets"
printf 'MZ dummy\n' > "$WORK/dist/couples-workbook.exe"
printf 'MZ dummy\n' > "$WORK/dist/couples-workbook-cli.exe"
printf 'dummy\n' > "$WORK/dist/_internal/python311.dll"
makensis -V2 -WX -DVERSION="$VERSION" -DDIST_DIR="$WORK/dist" \
    -DOUTFILE="$WORK/couples-workbook-$VERSION-setup.exe" "$ROOT/packaging/windows/couples-workbook.nsi"
ls -l "$WORK/couples-workbook-$VERSION-setup.exe"
