import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template

from office.models import AuditEvent
from office.roles import Role, granted, sync_role_permissions
from office.services import audit
from office.uploads import validate_upload

ROOT = Path(__file__).resolve().parents[2]
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


@pytest.mark.django_db
def test_role_groups_exist_with_their_permissions():
    sync_role_permissions()
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}
    director = Group.objects.get(name="director")
    held = {f"{p.content_type.app_label}.{p.codename}" for p in director.permissions.all()}
    assert "office.view_auditevent" in held
    assert held == set(granted("director")) & held  # nothing beyond what is declared


@pytest.mark.django_db
def test_audit_records_actor_target_data_and_history_partial(clerk, director):
    audit(
        actor=clerk,
        verb="user.profile_changed",
        target=director,
        data={"reason": "更正电话", "subject": "王建国"},
    )
    event = AuditEvent.objects.get()
    assert (event.actor, event.target) == (clerk, director)
    assert event.data == {"reason": "更正电话", "subject": "王建国"}
    html = Template("{% load office_tags %}{% audit_history obj %}").render(
        Context({"obj": director})
    )
    assert "修改个人资料" in html or "Profile changed" in html
    assert "更正电话" in html and "王建国" in html


def test_uploads_checked_by_size_name_and_content(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    ok = SimpleUploadedFile("扫描件.png", PNG + b"\0" * 10)
    validate_upload(ok, allowed={"png", "pdf"})
    cases = [
        (SimpleUploadedFile("big.png", PNG + b"\0" * 2000), "too_large"),
        (SimpleUploadedFile("empty.pdf", b""), "empty"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "bad_extension"),
        (SimpleUploadedFile("fake.pdf", PNG), "bad_content"),
        (SimpleUploadedFile("note.txt", "关于做好值班工作的通知".encode("gbk")), "bad_content"),
    ]
    for upload, code in cases:
        with pytest.raises(ValidationError) as raised:
            validate_upload(upload, allowed={"png", "pdf", "txt", "exe"})
        assert raised.value.code == code, upload.name


def test_check_deploy_is_clean_with_production_settings():
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "production-secret-key-with-enough-entropy-1234567890",
        "ALLOWED_HOSTS": "office.example.org",
        "DATABASE_URL": "postgres://u@127.0.0.1:1/office",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_secret_key():
    env = {"PATH": "/usr/bin:/bin", "DEBUG": "false"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
