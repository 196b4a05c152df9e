#!/usr/bin/env python
"""Fill msgstr entries of a .po file from a JSON object {msgid: msgstr} on stdin, then list
the msgids still untranslated. Used after `manage.py makemessages -l zh_Hans --app X`.

    python scripts/po_fill.py duty/locale/zh_Hans/LC_MESSAGES/django.po < zh.json
    python scripts/po_fill.py --check   # every catalogue: exit 1 if anything is untranslated
"""

import glob
import json
import sys

import polib


def fill(path: str, mapping: dict) -> list[str]:
    po = polib.pofile(path)
    for entry in po:
        if entry.msgid in mapping and not entry.msgstr:
            value = mapping[entry.msgid]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value}
            else:
                entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save(path)
    return [e.msgid for e in po if not e.translated()]


def main() -> int:
    if sys.argv[1:] == ["--check"]:
        missing = 0
        for path in sorted(
            glob.glob("locale/*/LC_MESSAGES/django.po")
            + glob.glob("*/locale/*/LC_MESSAGES/django.po")
        ):
            left = [e.msgid for e in polib.pofile(path) if not e.translated()]
            for msgid in left:
                print(f"{path}: untranslated: {msgid!r}")
            missing += len(left)
        return 1 if missing else 0
    path = sys.argv[1]
    left = fill(path, json.load(sys.stdin) if not sys.stdin.isatty() else {})
    for msgid in left:
        print(f"untranslated: {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
