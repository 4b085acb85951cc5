#!/usr/bin/env bash
# Install a menu entry and icons for GAN Studio for the current user.
#
#   gan-studio/install-desktop-entry.sh                  # from the unpacked archive: this folder
#   packaging/linux/install-desktop-entry.sh /path/to/gan-studio          # the unpacked bundle folder
#   packaging/linux/install-desktop-entry.sh --uninstall
#
# Writes ~/.local/share/applications/gan-studio.desktop (Exec pointing at the bundle's
# executable), ~/.local/share/icons/hicolor/{NxN,scalable}/apps/gan-studio.{png,svg} and the setup
# files' type ~/.local/share/mime/packages/gan-studio-setup.xml (a setup then opens by double-click).
# Honours XDG_DATA_HOME.  Nothing outside your home folder is touched.
#
# The entry names the bundle's absolute path: after moving or renaming the folder, run this
# script again (until then the menu hides the entry, because its TryExec no longer exists).
# Exits non-zero, leaving any previous entry in place, when anything fails.
set -euo pipefail

fail() { echo "install-desktop-entry: error: $*" >&2; exit 1; }
trap 'status=$?; [[ $status -eq 0 ]] || echo "install-desktop-entry: failed (exit code $status); the menu entry was not changed" >&2' EXIT

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
template="$here/gan-studio.desktop"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data_home/applications"
icons="$data_home/icons/hicolor"
mime="$data_home/mime"

refresh() {
    # Optional cache updates: a missing tool or a failing cache update does not fail the install.
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" 2>/dev/null || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true; fi
    if command -v update-mime-database >/dev/null 2>&1 && [[ -d "$mime" ]]; then update-mime-database "$mime" 2>/dev/null || true; fi
}

# A value of type string (Desktop Entry spec, "Possible value types"): \ \n \t \r escaped.
escape_string() {
    local s="$1"
    s="${s//\\/\\\\}"
    s="${s//$'\n'/\\n}"
    s="${s//$'\t'/\\t}"
    s="${s//$'\r'/\\r}"
    printf '%s' "$s"
}

# One argument of the Exec key (spec, "The Exec key"): always double-quoted, with " ` $ \
# backslash-escaped inside the quotes, a literal % written %%, then the string escapes on top
# (so a literal backslash ends up as four).
escape_exec_arg() {
    local s="$1"
    s="${s//\\/\\\\}"
    s="${s//\"/\\\"}"
    s="${s//\`/\\\`}"
    s="${s//\$/\\\$}"
    s="${s//%/%%}"
    escape_string "\"$s\""
}

if [[ "${1:-}" == "--uninstall" ]]; then
    rm -f "$apps/gan-studio.desktop" "$mime/packages/gan-studio-setup.xml"
    if [[ -d "$icons" ]]; then
        find "$icons" -path '*/apps/gan-studio.*' -delete
    fi
    refresh
    echo "GAN Studio menu entry removed."
    exit 0
fi

# The release archive ships this script beside the executable: no argument means "this folder".
if [[ $# -eq 0 && -x "$here/gan-studio" && -f "$here/gan-studio" ]]; then
    set -- "$here"
fi
if [[ $# -ne 1 ]]; then
    echo "usage: $0 BUNDLE_DIR   (the folder holding the gan-studio executable)" >&2
    echo "       $0 --uninstall" >&2
    exit 2
fi

[[ -d "$1" ]] || fail "$1 is not a folder; pass the unpacked GAN Studio folder"
bundle="$(cd "$1" && pwd -P)" || fail "cannot enter $1"
exe="$bundle/gan-studio"
[[ -f "$exe" && -x "$exe" ]] || fail "$exe is not an executable; pass the unpacked GAN Studio folder"
[[ -f "$template" ]] || fail "the template $template is missing"

# Icons: PyInstaller >= 6 puts data under _internal/; older layouts beside the executable.
icon_dir=""
for candidate in "$bundle/_internal/resources/icons" "$bundle/resources/icons"; do
    if [[ -d "$candidate" ]]; then icon_dir="$candidate"; break; fi
done

mkdir -p "$apps" || fail "cannot create $apps"
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

# Written line by line (no sed: a path holding & | or \ must reach the file unchanged), to a
# temporary file first so a failure leaves the previous entry intact.
exec_value="$(escape_exec_arg "$exe") %F"
tryexec_value="$(escape_string "$exe")"
tmp="$(mktemp "$apps/.gan-studio.desktop.XXXXXX")" || fail "cannot write in $apps"
while IFS= read -r line || [[ -n "$line" ]]; do
    case "$line" in
        Exec=*) printf 'Exec=%s\n' "$exec_value" ;;
        TryExec=*) printf 'TryExec=%s\n' "$tryexec_value" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$template" > "$tmp" || { rm -f "$tmp"; fail "cannot write $tmp"; }
chmod 644 "$tmp"
mv -f "$tmp" "$apps/gan-studio.desktop" || { rm -f "$tmp"; fail "cannot install $apps/gan-studio.desktop"; }
# Setup files (*.json whose format is gan-studio-setup) open in GAN Studio by double-click.
if [[ -f "$here/gan-studio-setup.xml" ]]; then
    mkdir -p "$mime/packages" && cp "$here/gan-studio-setup.xml" "$mime/packages/gan-studio-setup.xml" \
        || fail "cannot install the setup file type into $mime/packages"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$apps/gan-studio.desktop" || fail "desktop-file-validate rejects $apps/gan-studio.desktop"
fi
refresh

echo "Installed $apps/gan-studio.desktop -> $exe ($installed_icons icon files)"
echo "If you move or rename the GAN Studio folder, run this script again with the new path."
