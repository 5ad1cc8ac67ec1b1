#!/bin/sh
# deps.sh: install the Debian packages KI-Landkarte builds and tests with,
# but only those missing, so that a second run costs nothing. Works as root
# or through sudo; CI and a fresh Debian 12 machine both take this path.
#   deps.sh           what make, make run and make test need
#   deps.sh fuzz      clang and libFuzzer, for make fuzz only
#   deps.sh valgrind  valgrind, for make valgrind only
set -eu
PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libjansson-dev libstemmer-dev
libcmocka-dev libsodium-dev jq libmicrohttpd-dev curl chromium"
FUZZ_PKGS="clang libclang-rt-14-dev"
VALGRIND_PKGS="valgrind"
case "${1:-}" in
fuzz) PKGS=$FUZZ_PKGS ;;
valgrind) PKGS=$VALGRIND_PKGS ;;
"") ;;
*) echo "deps.sh: unknown set '$1' (fuzz, valgrind)" >&2; exit 2 ;;
esac
missing=""
# Node and npm build the page (npm ci) and drive the browser tests; a
# machine may have them from elsewhere (NodeSource), so only ask Debian
# for them when the commands are missing.
if [ -z "${1:-}" ]; then
    command -v node >/dev/null 2>&1 || missing="$missing nodejs"
    command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "deps: installing$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# The npm packages (Leaflet, markercluster, playwright-core, axe-core) as
# pinned by package-lock.json: again when the lock file is newer than the
# installed tree. Playwright never downloads a browser: the tests use
# Debian's chromium.
if [ -z "${1:-}" ]; then
    root=$(cd "$(dirname "$0")/.." && pwd)
    tree="$root/node_modules/.package-lock.json"
    if [ ! -f "$tree" ] || [ "$root/package-lock.json" -nt "$tree" ]; then
        echo "deps: npm ci"
        (cd "$root" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    fi
fi
