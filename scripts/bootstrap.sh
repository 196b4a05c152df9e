#!/usr/bin/env bash
# Install what the portal needs on a Debian machine: system packages (if missing) and the
# Python virtualenv. Safe to run again; it only does what is not yet done.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES="postgresql redis-server fonts-wqy-microhei fonts-noto-cjk texlive-lang-chinese gettext chromium poppler-utils wrk"
missing=""
for pkg in $PACKAGES; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
# PostgreSQL server binaries may come from elsewhere than the Debian package.
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing=${missing/ postgresql/}; fi
if [ -n "${missing// /}" ]; then
  echo "Installing system packages:$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[dev]'
  rm -f .venv/.installed-* && touch "$stamp"
fi
