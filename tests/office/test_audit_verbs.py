"""Every audited action has a label people can read in the history and the 已办 tab."""

import re
from pathlib import Path

from django.utils import translation

from office.services.audit import VERB_LABELS

ROOT = Path(__file__).resolve().parents[2]
APPS = ["office", "documents", "meetings", "reception", "duty", "supervision"]


def test_every_verb_in_the_code_has_a_chinese_label():
    used = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                used |= set(re.findall(r'verb="([a-z_]+\.[a-z_.]+)"', path.read_text()))
    assert len(used) > 40
    missing = sorted(used - set(VERB_LABELS))
    assert not missing, missing
    with translation.override("zh-hans"):
        untranslated = sorted(
            v for v in used if not re.search(r"[\u4e00-\u9fff]", str(VERB_LABELS[v]))
        )
    assert not untranslated, untranslated
