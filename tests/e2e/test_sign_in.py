"""A clerk signs in, in Chinese, switches to English and logs out; wrong passwords are
answered in Chinese and repeated failures lock the account."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_clerk_signs_in_switches_language_and_logs_out(browser_page, login, clerk):
    page = browser_page()
    login(page, clerk)
    expect(page.locator("h1")).to_contain_text("您好")
    expect(page.get_by_role("tab", name=re.compile("待办"))).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_contain_text("Welcome")
    expect(page.get_by_role("tab", name=re.compile("To do"))).to_be_visible()
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_wrong_password_then_lockout(browser_page, clerk, settings):
    settings.AXES_FAILURE_LIMIT = 3
    page = browser_page()
    for _attempt in range(2):
        page.goto("/accounts/login/")
        page.get_by_label("用户名").fill("clerk")
        page.get_by_label("密码").fill("wrong-password")
        page.get_by_role("button", name="登录").click()
        expect(page.locator("#login-form")).to_contain_text("请输入一个正确的用户名和密码")
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录").click()
    expect(page.locator("#lockout-message")).to_contain_text("登录失败次数过多")
    # Even the right password is refused while locked.
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill("demo12345")
    page.get_by_role("button", name="登录").click()
    expect(page.locator("#lockout-message")).to_be_visible()


def test_phone_width_navigation_collapses(browser_page, login, clerk):
    page = browser_page(phone=True)
    login(page, clerk)
    toggler = page.locator(".navbar-toggler")
    expect(toggler).to_be_visible()
    toggler.click()
    expect(page.get_by_role("link", name="首页")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
