"""Browser journeys of the documents app, in Chinese, as the users click.

1. A clerk registers an incoming document and proposes; the director instructs (with a lead
   handler and a supervision item); the clerk circulates it; a reader reads it on a phone
   from the to-do inbox; the clerk completes and archives it.
2. An outgoing document goes from draft through review to sign-off, gets its number, and
   its GB/T 9704 PDF opens.
3. The clerk submits a 拟办 to two leaders in turn (呈批); each writes a 批示 from the to-do
   inbox; the 收文处理单 shows both, with their times, and the 办理期限 from the last.
"""

import io
import re
from datetime import timedelta

import pdfplumber
import pytest
from django.utils.timezone import localdate
from playwright.sync_api import expect
from pypdf import PdfReader

from documents.models import IncomingDocument, OutgoingDocument

pytestmark = pytest.mark.e2e


def test_incoming_from_registration_to_archive(browser_page, login, clerk, director, staff):
    page = browser_page()
    login(page, clerk)
    page.get_by_role("link", name="办文").first.click()
    page.get_by_role("link", name="收文登记").click()
    page.get_by_label("来文单位").fill("市应急管理局")
    page.get_by_label("来文字号").fill("市应急发〔2026〕7号")
    page.get_by_label("标题").fill("关于做好寒潮天气值班值守工作的通知")
    page.get_by_label("文种").select_option(label="通知")
    page.get_by_label("紧急程度").select_option(label="加急")
    page.get_by_role("button", name="登记").click()
    expect(page.locator("#doc-number")).to_contain_text(f"收文〔{localdate().year}〕1号")
    document = IncomingDocument.objects.get()

    page.locator("#actions").get_by_role("link", name="拟办").click()
    page.get_by_label("拟办意见").fill("拟请王主任阅示，建议由财务处牵头办理。")
    page.get_by_role("button", name="拟办").click()
    expect(page.locator("#proposal")).to_contain_text("建议由财务处牵头办理")

    boss = browser_page()
    login(boss, director)
    boss.locator("#tab-todo").get_by_role("link", name=re.compile("寒潮天气")).click()
    boss.locator("#actions").get_by_role("link", name="批示").click()
    boss.locator("#id_instruction").fill("同意。请财务处抓紧落实，按时反馈。")
    boss.locator("#id_lead_handler").select_option(label="staff（财务处）", force=True)
    boss.get_by_label("办理期限").fill((localdate() + timedelta(days=7)).isoformat())
    boss.get_by_label("同时立为督办事项").check()
    boss.get_by_role("button", name="批示").click()
    expect(boss.locator("#instruction")).to_contain_text("请财务处抓紧落实")
    expect(boss.locator("#supervision-items")).to_contain_text("寒潮天气")

    page.reload()
    page.locator("#actions").get_by_role("link", name="传阅").click()
    page.locator("#id_readers-0-reader").select_option(label="staff（财务处）", force=True)
    page.locator("#id_readers-0-reason").fill("请阅知并落实")
    page.get_by_role("button", name="送传阅").click()
    expect(page.locator("#circulation")).to_contain_text("未阅")

    reader = browser_page(phone=True)
    login(reader, staff)
    reader.get_by_role("tab", name=re.compile("待阅")).click()
    reader.locator("#tab-toread").get_by_role("link", name=re.compile("寒潮天气")).click()
    reader.get_by_label("阅批意见").fill("已阅，立即安排。")
    reader.get_by_role("button", name="阅毕").click()
    expect(reader.locator("#circulation")).to_contain_text("已阅，立即安排。")
    expect(reader.locator("#read-box")).to_have_count(0)  # static/office/js/portal.js, not hx-on
    assert reader.evaluate("document.documentElement.scrollWidth") <= 390

    page.reload()
    expect(page.locator("#circulation")).to_contain_text("已阅，立即安排。")
    page.locator("#actions").get_by_role("link", name="办结").click()
    page.get_by_role("button", name="办结").click()
    expect(page.locator(".status-badge").first).to_have_text("已办结")
    page.locator("#actions").get_by_role("link", name="归档").click()
    page.get_by_label("保管期限").select_option(label="定期30年")
    page.get_by_role("button", name="归档").click()
    expect(page.locator("#archive-info")).to_contain_text(f"Z001-{localdate().year}-D30-BGS-0001")
    document.refresh_from_db()
    assert document.status == "archived"


def test_outgoing_from_draft_to_signed_with_number_and_pdf(browser_page, login, clerk, director):
    page = browser_page()
    login(page, clerk)
    page.goto("/documents/outgoing/")
    page.get_by_role("link", name="拟稿").click()
    page.get_by_label("标题").fill("关于做好元旦期间值班工作的通知")
    page.get_by_label("文种").select_option(label="通知")
    page.get_by_label("主送").fill("各处室")
    page.get_by_label("抄送").fill("局领导")
    page.get_by_label("正文").fill("各处室：\n元旦期间实行24小时值班，请做好安排。")
    page.get_by_role("button", name="保存文稿").click()
    page.get_by_role("button", name="送核稿").click()
    expect(page.locator(".status-badge").first).to_have_text("核稿中")

    boss = browser_page()
    login(boss, director)
    boss.get_by_role("tab", name=re.compile("待办")).click()
    boss.locator("#tab-todo").get_by_role("link", name=re.compile("元旦期间值班")).click()
    boss.locator("#actions").get_by_role("link", name="核稿通过").click()
    boss.get_by_role("button", name="核稿通过").click()
    boss.locator("#actions").get_by_role("link", name="签发").click()
    boss.get_by_label("意见").fill("同意印发。")
    boss.get_by_role("button", name="签发").click()
    number = f"办发〔{localdate().year}〕1号"
    expect(boss.locator("#doc-number")).to_have_text(number)
    expect(boss.locator(".status-badge").first).to_have_text("已签发")
    assert OutgoingDocument.objects.get().number == number

    with boss.expect_popup() as popup:
        boss.locator("#actions").get_by_role("link", name="公文（PDF）").click()
    pdf_url = popup.value.url
    response = boss.request.get(pdf_url)
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert number in text and "关于做好元旦期间值班工作的通知" in text


def test_document_pages_fit_a_phone(browser_page, login, clerk, director):
    """At 390 px wide nothing scrolls sideways: tables scroll inside their own box."""
    from tests.documents.factories import IncomingFactory, NoticeFactory, OutgoingFactory

    incoming = IncomingFactory(
        title="关于做好冬季安全生产和森林防火值班工作的紧急通知",
        registered_by=clerk,
        source_org="市人民政府安全生产委员会办公室",
        access=[clerk],
    )
    outgoing = OutgoingFactory(drafted_by=clerk, status="signed", number="办发〔2026〕8号")
    NoticeFactory(title="关于元旦放假安排的通知", created_by=clerk)
    page = browser_page(phone=True)
    login(page, clerk)
    for url in [
        "/documents/",
        "/documents/outgoing/",
        "/documents/notices/",
        "/documents/archive/",
        "/documents/search/?q=值班",
        incoming.get_absolute_url(),
        outgoing.get_absolute_url(),
        "/documents/incoming/new/",
        "/documents/outgoing/new/",
    ]:
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, url


def test_a_proposal_goes_to_two_leaders_and_the_sheet_shows_both(
    browser_page, login, clerk, director
):
    from tests.documents.factories import IncomingFactory
    from tests.factories import DepartmentFactory, UserFactory

    works = DepartmentFactory(code="works", name="工务处")
    deputy = UserFactory(username="deputy", name="李分管", department=works)
    works.head = deputy  # the leader in charge (分管领导): heads a department
    works.save(update_fields=["head"])
    document = IncomingFactory(
        title="关于调整部门预算支出结构的通知", registered_by=clerk, deadline=None
    )

    page = browser_page()
    login(page, clerk)
    page.goto(document.get_absolute_url())
    page.locator("#actions").get_by_role("link", name="拟办").click()
    page.get_by_label("拟办意见").fill("拟请李分管阅示后呈王主任审定。")
    page.locator("#id_leader_1").select_option(label="李分管（工务处）", force=True)
    page.locator("#id_leader_2").select_option(label="director（办公室）", force=True)
    page.get_by_label("依次呈批（按所列顺序）").check()
    page.get_by_role("button", name="拟办").click()
    expect(page.locator("#instructions")).to_contain_text("李分管")
    expect(page.locator("#instructions")).to_contain_text("待前一位领导批示")

    due = localdate() + timedelta(days=6)
    for leader, text, date in (
        (deputy, "拟同意，请王主任审定。", None),
        (director, "同意。请财务处牵头，一周内报送方案。", due),
    ):
        boss = browser_page()
        login(boss, leader)
        boss.get_by_role("tab", name=re.compile("待办")).click()
        boss.locator("#tab-todo").get_by_role("link", name=re.compile("预算支出结构")).click()
        boss.locator("#actions").get_by_role("link", name="批示").click()
        boss.locator("#id_instruction").fill(text)
        if date:
            boss.get_by_label("办理期限").fill(date.isoformat())
        boss.get_by_role("button", name="批示").click()
        expect(boss.locator("#instructions")).to_contain_text(text)

    page.reload()
    expect(page.locator(".status-badge").first).to_have_text("已批示")
    with page.expect_popup() as popup:
        page.locator("#actions").get_by_role("link", name="收文处理单（PDF）").click()
    response = page.request.get(popup.value.url)
    assert response.status == 200
    with pdfplumber.open(io.BytesIO(response.body())) as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    flat = text.replace("\n", "").replace(" ", "")
    assert "拟同意，请王主任审定。" in flat and "同意。请财务处牵头，一周内报送方案。" in flat
    assert "李分管" in flat and "director" in flat
    assert f"办理期限{due.isoformat()}" in flat
