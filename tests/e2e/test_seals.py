"""Seal journey, in Chinese, as the people click: a clerk asks for the office seal on an
issued document, the director approves, the clerk seals it and the sealed, signed PDF
verifies on the verify page."""

import pytest
from playwright.sync_api import expect

from seals.models import SealRequest
from tests.seals.conftest import (  # noqa: F401 - fixtures
    _certificate_dir,
    _private_files,
    issued,
    keeper,
    seal,
    seal_png,
)

pytestmark = pytest.mark.e2e


def test_clerk_requests_director_approves_and_the_sealed_pdf_verifies(
    browser_page,
    login,
    clerk,
    director,
    seal,  # noqa: F811 - the fixture imported above
    issued,  # noqa: F811
    tmp_path,
):
    page = browser_page()
    login(page, clerk)
    page.goto("/seals/")
    expect(page.locator("#seal-register")).to_contain_text(seal.name)
    page.get_by_role("link", name="申请用印").first.click()
    page.get_by_label("印章").select_option(label=seal.name)
    page.get_by_label("用途").fill("对外印发")
    page.get_by_label("发文").select_option(value=str(issued.pk))
    page.get_by_role("button", name="提交审批").click()
    expect(page.locator("#request-status")).to_contain_text("待审批")
    request = SealRequest.objects.get()
    expect(page.get_by_role("button", name="加盖印章")).to_have_count(0)

    boss = browser_page()
    login(boss, director)
    boss.goto("/")
    boss.get_by_role("link", name=str(request)).first.click()
    boss.get_by_role("button", name="批准").click()
    expect(boss.locator("#request-status")).to_contain_text("已批准")

    page.reload()
    page.get_by_role("button", name="加盖印章").click()
    expect(page.locator("#request-status")).to_contain_text("已用印")
    with page.expect_download() as download:
        page.locator("#sealed-pdf").click()
    sealed = tmp_path / "sealed.pdf"
    download.value.save_as(sealed)
    assert sealed.read_bytes().startswith(b"%PDF")

    page.get_by_role("link", name="验证盖章文件").click()
    page.get_by_label("待验证的 PDF").set_input_files(str(sealed))
    page.get_by_role("button", name="验证", exact=True).click()
    verdict = page.locator("#verdict")
    expect(verdict).to_contain_text("真实有效")
    expect(page.locator("#verdict-document")).to_contain_text(issued.number)
    expect(page.locator("#verdict-approver")).to_contain_text(director.display_name)

    changed = bytearray(sealed.read_bytes())
    changed[changed.index(b"stream", len(changed) // 4) + 100] ^= 0x01
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(bytes(changed))
    page.get_by_label("待验证的 PDF").set_input_files(str(altered))
    page.get_by_role("button", name="验证", exact=True).click()
    expect(page.locator("#verdict")).to_contain_text("已被改动")


def test_the_clerk_requests_the_seal_from_the_outgoing_document_and_sees_it_sealed(
    browser_page,
    login,
    clerk,
    director,
    seal,  # noqa: F811 - the fixture imported above
    issued,  # noqa: F811
):
    page = browser_page()
    login(page, clerk)
    page.goto(issued.get_absolute_url())
    panel = page.locator("#seal-panel")
    expect(panel.locator("#seal-state")).to_have_text("未申请用印")
    panel.get_by_role("link", name="申请用印").click()
    expect(page.get_by_label("发文")).to_have_value(str(issued.pk))
    page.get_by_label("印章").select_option(label=seal.name)
    page.get_by_label("用途").fill("对外印发")
    page.get_by_role("button", name="提交审批").click()
    expect(page.locator("#request-status")).to_contain_text("待审批")

    page.goto(issued.get_absolute_url())
    expect(panel.locator("#seal-state")).to_have_text("待审批")
    request = SealRequest.objects.get()
    boss = browser_page()
    login(boss, director)
    boss.goto(request.get_absolute_url())
    boss.get_by_role("button", name="批准").click()
    expect(boss.locator("#request-status")).to_contain_text("已批准")

    page.reload()
    expect(panel.locator("#seal-state")).to_have_text("已批准")
    panel.get_by_role("link", name=seal.name).click()
    page.get_by_role("button", name="加盖印章").click()
    expect(page.locator("#request-status")).to_contain_text("已用印")
    page.goto(issued.get_absolute_url())
    expect(panel.locator("#seal-state")).to_have_text("已用印")
