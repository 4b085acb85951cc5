#!/usr/bin/env bash
# Install a menu entry and icons for GAN Studio for the current user.
#
#   packaging/linux/install-desktop-entry.sh /path/to/gan-studio          # the unpacked bundle folder
#   packaging/linux/install-desktop-entry.sh --uninstall
#
# Writes ~/.local/share/applications/gan-studio.desktop (Exec pointing at the bundle's
# executable) and ~/.local/share/icons/hicolor/{NxN,scalable}/apps/gan-studio.{png,svg}.
# Honours XDG_DATA_HOME.  Nothing outside your home folder is touched.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data_home/applications"
icons="$data_home/icons/hicolor"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
}

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -f "$apps/gan-studio.desktop"
    find "$icons" -path '*/apps/gan-studio.*' -delete 2>/dev/null || true
    refresh
    echo "GAN Studio menu entry removed."
    exit 0
fi

if [[ $# -ne 1 ]]; then
    echo "usage: $0 BUNDLE_DIR   (the folder holding the gan-studio executable)" >&2
    echo "       $0 --uninstall" >&2
    exit 2
fi

bundle="$(cd "$1" && pwd)"
exe="$bundle/gan-studio"
if [[ ! -x "$exe" ]]; then
    echo "error: $exe is not an executable; pass the unpacked GAN Studio folder" >&2
    exit 1
fi

# Icons: PyInstaller >= 6 puts data under _internal/; older layouts beside the executable.
icon_dir=""
for candidate in "$bundle/_internal/resources/icons" "$bundle/resources/icons"; do
    [[ -d "$candidate" ]] && { icon_dir="$candidate"; break; }
done

mkdir -p "$apps"
installed_icons=0
if [[ -n "$icon_dir" ]]; then
    for png in "$icon_dir"/gan-studio-*.png; do
        [[ -f "$png" ]] || continue
        size="$(basename "$png" .png)"; size="${size#gan-studio-}"
        [[ "$size" =~ ^[0-9]+$ ]] || continue
        mkdir -p "$icons/${size}x${size}/apps"
        cp "$png" "$icons/${size}x${size}/apps/gan-studio.png"
        installed_icons=$((installed_icons + 1))
    done
    if [[ -f "$icon_dir/gan-studio.svg" ]]; then
        mkdir -p "$icons/scalable/apps"
        cp "$icon_dir/gan-studio.svg" "$icons/scalable/apps/gan-studio.svg"
        installed_icons=$((installed_icons + 1))
    fi
fi

# Quote the executable path per the Desktop Entry spec when it holds spaces.
exec_field="$exe"
if [[ "$exe" == *" "* ]]; then
    exec_field="\"$exe\""
fi
sed -e "s|^Exec=.*|Exec=$exec_field %F|" -e "s|^TryExec=.*|TryExec=$exe|" \
    "$here/gan-studio.desktop" > "$apps/gan-studio.desktop.tmp"
mv "$apps/gan-studio.desktop.tmp" "$apps/gan-studio.desktop"
chmod 644 "$apps/gan-studio.desktop"
refresh

echo "Installed $apps/gan-studio.desktop -> $exe ($installed_icons icon files)"
