#!/usr/bin/env bash
# Installs the Debian packages Tidings needs: `install-deps.sh` for building and
# running, `install-deps.sh --test` for the test suite as well. Needs root (or sudo)
# only when something is missing.
set -euo pipefail

packages=(libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config ca-certificates)
if [ "${1:-}" = "--test" ]; then
    # python3 reads delivered mail back with its email package and runs the parser
    # comparison; feedparser checks republished feeds; mu indexes the test maildirs;
    # gzip/brotli make compressed bodies for the fetch tests; systemd provides
    # systemd-analyze, which verifies the unit files in systemd/; chromium renders
    # the static site headless (ChromiumRenderTests).
    packages+=(python3 python3-feedparser maildir-utils gzip brotli systemd chromium openssl)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v swift >/dev/null; then
    echo "install-deps: swift is not on PATH; install Swift 6.1 or later from swift.org first" >&2
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
