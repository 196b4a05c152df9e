import pytest

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
