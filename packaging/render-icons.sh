#!/usr/bin/env bash
# Re-render the app icon from workbook/assets/icons/couples-workbook.svg into the PNG sizes, a Windows
# .ico and a macOS .icns. The outputs are committed, so this only runs when the SVG changes.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick's convert (imagemagick), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/../workbook/assets/icons"

SVG=couples-workbook.svg
SIZES=(16 24 32 48 64 128 256 512)

for tool in rsvg-convert png2icns; do
    command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing" >&2; exit 1; }
done
# Some images ship a stub `convert` earlier in PATH; use ImageMagick's own binary when present.
CONVERT=convert
[ -x /usr/bin/convert ] && CONVERT=/usr/bin/convert

for size in "${SIZES[@]}"; do
    rsvg-convert --width "$size" --height "$size" "$SVG" --output "couples-workbook-$size.png"
done
# Windows: the sizes the shell asks for (taskbar, Start, Explorer views); 256 is PNG-compressed.
"$CONVERT" couples-workbook-16.png couples-workbook-24.png couples-workbook-32.png \
    couples-workbook-48.png couples-workbook-64.png couples-workbook-128.png \
    couples-workbook-256.png -strip couples-workbook.ico
# macOS: png2icns understands 16, 32, 48, 128, 256, 512 (512 is the largest it writes).
png2icns couples-workbook.icns couples-workbook-16.png couples-workbook-32.png \
    couples-workbook-48.png couples-workbook-128.png couples-workbook-256.png \
    couples-workbook-512.png >/dev/null
ls -l couples-workbook*
