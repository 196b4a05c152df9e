"""Hypothesis profiles and the explored portal every fuzz test of a module shares.

HYPOTHESIS_PROFILE=ci (default): a few examples per form, derandomised, so CI is repeatable.
HYPOTHESIS_PROFILE=long (scripts/fuzz.sh): at least 300 examples per form, random.
"""

import os

import pytest
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, Phase, settings

_COMMON = dict(
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
    # Each failure message carries the request that failed; shrinking would re-send hundreds.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.register_profile("ci", max_examples=3, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=300, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="module")
def fuzz_media(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-media")


@pytest.fixture(autouse=True)
def _media_of_the_site(_media_in_tmp, settings, fuzz_media):
    """The base data's files stay where it saved them (not each test's own empty media), so
    a request for an attachment by its id finds it."""
    settings.MEDIA_ROOT = fuzz_media


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, fuzz_media):
    """The demo data and the crawl of every page, built once, rolled back at the module's end."""
    from .site import build_base_data, explore

    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            MEDIA_ROOT=fuzz_media,
            CELERY_TASK_ALWAYS_EAGER=True,
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ),
        transaction.atomic(),
    ):
        yield explore(build_base_data())
        transaction.set_rollback(True)
