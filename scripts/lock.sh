#!/usr/bin/env bash
# Re-pin every dependency (pyproject.toml, dev extra included) with hashes into requirements.lock,
# which scripts/bootstrap.sh installs with --require-hashes. Run after changing pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=var/locktools
[ -x "$tools/bin/pip-compile" ] || { python3 -m venv "$tools" && "$tools/bin/pip" install -q pip-tools; }
"$tools/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev \
  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml
echo "# pyproject.toml sha1: $(sha1sum pyproject.toml | cut -c1-40)" >> requirements.lock
echo "requirements.lock: $(grep -c '^[a-z0-9]' requirements.lock) packages pinned"
