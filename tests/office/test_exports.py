import pytest
from django.utils.timezone import now

from office import exports
from office.models import GeneratedFile, Notification
from office.pdf import render_pdf
from office.services.exports import export_build, export_request

pytestmark = pytest.mark.django_db


def sample_pdf(*, user, title):
    return render_pdf(
        "office/pdf/sample.html", {"title": f"{title}（{user.name}）", "paragraphs": []}
    )


def broken(*, user):
    raise RuntimeError("boom")


@pytest.fixture(autouse=True)
def test_builders(monkeypatch):
    monkeypatch.setattr(exports, "_builders", dict(exports._builders))
    exports.register_builder("tests.sample_pdf", sample_pdf)
    exports.register_builder("tests.broken", broken)


def test_background_export_is_built_once_and_only_its_owner_downloads_it(
    clerk, other_staff, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(
            owner=clerk,
            title="归档文件目录",
            filename="归档文件目录.pdf",
            builder="tests.sample_pdf",
            arguments={"title": "归档文件目录"},
        )
    export.refresh_from_db()
    assert export.status == GeneratedFile.Status.READY
    assert export_build(export_id=export.pk) is False  # second run: nothing to do
    assert Notification.objects.filter(recipient=clerk, url=export.get_absolute_url()).count() == 1
    response = client_for(clerk).get(export.get_absolute_url())
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_for(other_staff).get(export.get_absolute_url()).status_code == 404


def test_pending_page_polls_and_failure_is_reported(clerk, client_for):
    export = export_request(
        owner=clerk,
        title="导出",
        filename="x.pdf",
        builder="tests.broken",
        arguments={},
    )
    page = client_for(clerk).get(export.get_absolute_url())
    assert 'hx-trigger="every 3s"' in page.content.decode()
    assert export_build(export_id=export.pk) is False
    export.refresh_from_db()
    assert export.status == GeneratedFile.Status.FAILED and "boom" in export.error
    assert "hx-trigger" not in client_for(clerk).get(export.get_absolute_url()).content.decode()


def test_unknown_builder_is_refused_at_once(clerk):
    with pytest.raises(LookupError):
        export_request(owner=clerk, title="x", filename="x.pdf", builder="no.such.fn", arguments={})


def _export(owner, builder="tests.sample_pdf", **arguments):
    return export_request(
        owner=owner,
        title="导出",
        filename="导出.pdf",
        builder=builder,
        arguments=arguments or {"title": "导出"},
    )


def test_a_request_made_while_rendering_is_stored_by_the_newer_claim(clerk, monkeypatch):
    """Claim, render outside the lock, store only if the claim still holds."""
    export = _export(clerk)

    def asked_again_meanwhile(*, user, title):
        GeneratedFile.objects.filter(pk=export.pk).update(status=GeneratedFile.Status.PENDING)
        return sample_pdf(user=user, title=title)

    exports.register_builder("tests.sample_pdf", asked_again_meanwhile)
    assert export_build(export_id=export.pk) is False  # its render was overtaken
    export.refresh_from_db()
    assert export.status == GeneratedFile.Status.PENDING and not export.file
    exports.register_builder("tests.sample_pdf", sample_pdf)
    assert export_build(export_id=export.pk) is True  # the newer request renders and stores
    export.refresh_from_db()
    assert export.status == GeneratedFile.Status.READY and export.file.read().startswith(b"%PDF")


def test_a_claim_is_taken_again_only_once_it_is_stale(clerk, time_machine):
    time_machine.move_to("2026-11-30 10:00 +08:00", tick=False)
    export = _export(clerk)
    GeneratedFile.objects.filter(pk=export.pk).update(
        status=GeneratedFile.Status.RENDERING, claimed_at=now()
    )
    assert export_build(export_id=export.pk) is False  # another worker is rendering it
    time_machine.move_to("2026-11-30 11:00 +08:00", tick=False)  # that worker died
    assert export_build(export_id=export.pk) is True
    assert GeneratedFile.objects.get(pk=export.pk).status == GeneratedFile.Status.READY


def test_generated_files_past_the_keep_days_are_deleted_from_storage_and_db(
    clerk, client_for, time_machine, settings, django_capture_on_commit_callbacks
):
    from office.tasks import sweep_generated_files

    settings.OFFICE_GENERATED_FILES_KEEP_DAYS = 7
    time_machine.move_to("2026-11-20 10:00 +08:00", tick=False)
    old = _export(clerk)
    export_build(export_id=old.pk)
    time_machine.move_to("2026-11-25 10:00 +08:00", tick=False)
    recent = _export(clerk)
    export_build(export_id=recent.pk)
    old.refresh_from_db()
    stored = old.file.name
    assert old.file.storage.exists(stored)

    time_machine.move_to("2026-11-28 10:00 +08:00", tick=False)  # 8 days after the first
    with django_capture_on_commit_callbacks(execute=True):
        result = sweep_generated_files()
    assert result["pruned"] == 1
    assert not GeneratedFile.objects.filter(pk=old.pk).exists()
    assert not old.file.storage.exists(stored)
    assert client_for(clerk).get(old.get_absolute_url()).status_code == 404
    recent.refresh_from_db()
    assert recent.file.storage.exists(recent.file.name)  # 3 days old: kept
    assert client_for(clerk).get(recent.get_absolute_url()).status_code == 200


def test_the_prune_job_is_on_the_beat_schedule(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["office-generated-files"]
    assert entry["task"] == "office.tasks.sweep_generated_files"
