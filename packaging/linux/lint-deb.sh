#!/usr/bin/env bash
# lintian over the built .deb: any error or warning fails, unless packaging/linux/lintian-overrides
# (shipped in the package, each override with its reason) explains it.
#
#   packaging/linux/lint-deb.sh [path/to/couples-workbook_<version>_<arch>.deb]
#
# Default package: the newest dist/couples-workbook_*.deb. As root it installs lintian if missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APP=couples-workbook
DEB=${1:-$(find "$ROOT/dist" -maxdepth 1 -name "${APP}_*.deb" -printf '%T@ %p\n' 2>/dev/null \
           | sort -n | tail -1 | cut -d' ' -f2-)}
if [ -z "$DEB" ] || [ ! -f "$DEB" ]; then echo "lint-deb: no .deb given or found in dist/" >&2; exit 2; fi
if ! command -v lintian >/dev/null 2>&1; then
    [ "$(id -u)" -eq 0 ] || { echo "lint-deb: please install lintian" >&2; exit 2; }
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends lintian >/dev/null
fi
echo "lintian $(lintian --version | awk '{ print $2 }') on ${DEB##*/}"
# Every finding is shown (no display limit); errors and warnings that are not overridden fail.
lintian --tag-display-limit 0 --fail-on error,warning "$DEB"
echo "lintian: no error or warning left unexplained. Overridden, with the reasons in"
echo "packaging/linux/lintian-overrides (installed as /usr/share/lintian/overrides/$APP):"
sed -n 's/^couples-workbook: \([a-z-]*\).*/  \1/p' "$ROOT/packaging/linux/lintian-overrides" | sort -u
