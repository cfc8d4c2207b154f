# Headless Chromium for end-to-end tests of the HTML report. Source after
# lib.bash. `need_chromium` exits 77 (skipped) with a message when no
# Chromium is installed; `chromium_run ARGS... URL` runs it headless, closed
# off from the network, with a fresh profile under $E2E_TMP.
find_chromium() {
  local c
  for c in "${CHROMIUM:-}" chromium chromium-browser google-chrome-stable google-chrome; do
    [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && { command -v "$c"; return 0; }
  done
  return 1
}

need_chromium() {
  CHROMIUM_BIN=$(find_chromium) || {
    echo "SKIPPED: Chromium not found (Debian package chromium; \`make deps\` installs it)" >&2
    exit 77
  }
}

# chromium_run [--dump-dom | --screenshot=FILE --window-size=W,H] URL
chromium_run() {
  local profile
  profile=$(mktemp -d "$E2E_TMP/chromium-profile.XXXXXX")
  timeout 120 "$CHROMIUM_BIN" --headless --no-sandbox --disable-gpu \
    --disable-background-networking --disable-component-update --no-first-run \
    --disable-sync --disable-quic --disable-extensions --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2>>"$E2E_TMP/chromium.log"
}

# file:// URL of an absolute path, with an optional fragment.
file_url() {
  python3 -c 'import pathlib,sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri() + sys.argv[2])' "$1" "${2:-}"
}
