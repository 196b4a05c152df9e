"""The Chinese UI: every string translated, and one word means one thing across apps.

Django merges all catalogues into one, so if two apps translate the same msgid differently
one of them silently shows the other's word (e.g. "Title" as 事项名称 on a document form).
App-specific meanings take a context: pgettext("documents", "Title").
"""

from collections import defaultdict
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    [
        *ROOT.glob("locale/zh_Hans/LC_MESSAGES/django.po"),
        *ROOT.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"),
    ]
)


def test_every_catalogue_is_fully_translated():
    assert len(CATALOGUES) >= 6
    missing = [
        f"{path.relative_to(ROOT)}: {entry.msgid!r}"
        for path in CATALOGUES
        for entry in polib.pofile(str(path))
        if not entry.translated() and not entry.obsolete
    ]
    assert not missing, "\n".join(missing)


def test_one_msgid_has_one_translation_across_apps():
    seen = defaultdict(set)
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.translated() and not entry.obsolete:
                seen[(entry.msgctxt, entry.msgid)].add(
                    (entry.msgstr, path.relative_to(ROOT).parts[0])
                )
    clashes = [
        f"{msgid!r}: " + ", ".join(f"{app}={text}" for text, app in sorted(values, key=str))
        for (context, msgid), values in seen.items()
        if len({text for text, _app in values}) > 1
    ]
    assert not clashes, "\n".join(sorted(clashes))
