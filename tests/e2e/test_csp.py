"""The Content-Security-Policy holds in a real browser: injected inline script does not run,
and the browser says so on the console (which conftest's journeys treat as a failure)."""

import pytest

pytestmark = pytest.mark.e2e


def test_an_injected_inline_script_is_refused_and_reported(_browser, live_server):
    context = _browser.new_context(base_url=live_server.url, locale="zh-CN")
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.goto("/accounts/login/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.injected = true";
                   document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected") is None
    assert any("Content Security Policy" in text for text in console), console
    context.close()
