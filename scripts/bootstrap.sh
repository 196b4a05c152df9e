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

# Python packages: exactly the pinned, hash-checked set of requirements.lock (scripts/lock.sh
# writes it from pyproject.toml and records which pyproject.toml it was made from).
want=$(sha1sum pyproject.toml | cut -c1-40)
if ! grep -q "^# pyproject.toml sha1: $want" requirements.lock; then
  echo "requirements.lock was not made from this pyproject.toml: run scripts/lock.sh" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum requirements.lock | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --require-hashes --no-deps -r requirements.lock
  rm -f .venv/.installed-* && touch "$stamp"
fi
