"""Browser journeys: Playwright's sync API driving Debian's Chromium against live_server.

def test_x(live_server, browser_page, login, clerk):
    page = browser_page()                 # a phone: browser_page(phone=True)
    login(page, clerk)                    # logs in through the real form, in Chinese
"""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def _browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(_browser, live_server):
    """browser_page(phone=False, locale="zh-CN") -> a fresh page whose base URL is the server."""
    contexts = []

    def make(*, phone: bool = False, locale: str = "zh-CN"):
        options = {"base_url": live_server.url, "locale": locale}
        if phone:
            options.update(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
        else:
            options.update(viewport={"width": 1280, "height": 900})
        context = _browser.new_context(**options)
        context.set_default_timeout(15000)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: _note_policy_violation(violations, message.text))
        page.on("pageerror", lambda error: _note_policy_violation(violations, str(error)))
        return page

    violations: list[str] = []
    yield make
    for context in contexts:
        context.close()
    # The pages need no inline script, eval or injected style: the browser must not have
    # refused anything under the Content-Security-Policy (or found the Permissions-Policy bad).
    assert violations == [], violations


def _note_policy_violation(violations: list[str], text: str) -> None:
    if any(word in text for word in ("Content Security Policy", "Content-Security-Policy")) or (
        "Permissions-Policy" in text
    ):
        violations.append(text)


@pytest.fixture
def login():
    def do(page, user, password: str = "demo12345"):
        page.goto("/accounts/login/")
        page.get_by_label("用户名").fill(user.username)
        page.get_by_label("密码").fill(password)
        page.get_by_role("button", name="登录").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)

    return do


@pytest.fixture
def pick():
    """pick(page, "#id_host", "zxm") -> the people picker (office.widgets, Tom Select): types
    into it as a person would (name, pinyin initials or department) and takes the first
    match with Enter. A plain select_option on the hidden <select> also works (force=True)."""

    def do(page, select: str, typed: str, expect_text: str | None = None):
        page.locator(f"{select}-ts-control").focus()
        page.keyboard.type(typed)
        first = page.locator(f"{select}-ts-dropdown .option").first
        if expect_text:
            from playwright.sync_api import expect

            expect(first).to_contain_text(expect_text)
        else:
            first.wait_for()
        page.keyboard.press("Enter")

    return do
