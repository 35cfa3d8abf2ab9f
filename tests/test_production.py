"""What production settings give: a clean deployment check, a Content-Security-Policy
on public pages, and a locked door for password guessing at the admin login."""

import os
import secrets
import subprocess
import sys
from datetime import timedelta

import time_machine
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.utils import timezone

from tests.factories import make_article, make_home, make_section, vn_time


def test_the_deployment_check_passes_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "TOASOAN_DATA_DIR": str(tmp_path),
        "TOASOAN_BASE_URL": "https://cong.thunghiem.gov.vn",
        "TOASOAN_ALLOWED_HOSTS": "cong.thunghiem.gov.vn",
        "TOASOAN_SECRET_KEY": secrets.token_urlsafe(50),
        "TOASOAN_DEBUG": "0",
    }
    result = subprocess.run(
        [sys.executable, "-m", "toasoan.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


class SecurityHeadersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Thời sự")
        cls.article = make_article(section, "Tin có ảnh", vn_time(2026, 5, 1))

    def test_public_pages_forbid_inline_scripts_stored_or_built(self):
        for _ in range(2):  # built, then from the page cache
            response = self.client.get(self.article.url)
            policy = response["Content-Security-Policy"]
            self.assertIn("script-src 'self'", policy)
            self.assertNotIn("unsafe-inline", policy)
            self.assertIn("frame-ancestors 'self'", policy)
            self.assertEqual(response["X-Content-Type-Options"], "nosniff")

    def test_the_admin_keeps_wagtails_own_scripts(self):
        response = self.client.get("/admin/login/")
        self.assertContains(response, "Mật khẩu")  # Wagtail leaves it "Password"
        self.assertNotIn("Content-Security-Policy", response)


class LoginLockoutTests(TestCase):
    PASSWORD = "Mật-khẩu-đúng-2026"

    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        users.create_user("bientap", password=cls.PASSWORD, is_staff=True)
        users.create_user("phongvien", password=cls.PASSWORD, is_staff=True)
        from django.contrib.auth.models import Permission

        access = Permission.objects.get(codename="access_admin")
        for user in users.all():
            user.user_permissions.add(access)

    def attempt(self, username, password, ip="203.0.113.5", **headers):
        self.client.logout()
        return self.client.post("/admin/login/", {"username": username, "password": password},
                                REMOTE_ADDR=ip, headers=headers)

    def assert_locked(self, response):
        self.assertContains(response, "Tạm khóa đăng nhập", status_code=429)

    def test_five_wrong_passwords_lock_that_user_name_from_anywhere(self):
        for _ in range(4):
            self.assertContains(self.attempt("bientap", "sai"), "Sai Tên đăng nhập hoặc mật khẩu")
        self.assert_locked(self.attempt("bientap", "sai"))  # the fifth
        self.assert_locked(self.attempt("bientap", self.PASSWORD, ip="198.51.100.7"))
        self.assertEqual(self.attempt("phongvien", self.PASSWORD, ip="192.0.2.9").status_code, 302)

    def test_five_failures_from_one_address_lock_that_address(self):
        for n in range(5):
            self.attempt(f"khong-co-{n}", "sai")
        self.assert_locked(self.attempt("phongvien", self.PASSWORD))
        self.assertEqual(self.attempt("phongvien", self.PASSWORD, ip="192.0.2.9").status_code, 302)

    def test_the_lock_lifts_after_fifteen_minutes(self):
        for _ in range(5):
            self.attempt("bientap", "sai")
        self.assert_locked(self.attempt("bientap", self.PASSWORD))
        with time_machine.travel(timezone.now() + timedelta(minutes=16)):
            self.assertEqual(self.attempt("bientap", self.PASSWORD).status_code, 302)

    @override_settings(PROXY_COUNT=1)
    def test_behind_the_proxy_the_forwarded_address_is_the_one_locked(self):
        for n in range(5):
            self.attempt(f"khong-co-{n}", "sai", ip="127.0.0.1",
                         x_forwarded_for="10.9.9.9, 203.0.113.5")
        self.assert_locked(self.attempt("phongvien", self.PASSWORD, ip="127.0.0.1",
                                        x_forwarded_for="203.0.113.5"))
        # A reader behind the same proxy, from elsewhere, is not.
        response = self.attempt("phongvien", self.PASSWORD, ip="127.0.0.1",
                                x_forwarded_for="203.0.113.5, 192.0.2.9")
        self.assertEqual(response.status_code, 302)


class ForgedHostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_home()

    def test_a_host_not_ours_gets_the_400_page_not_a_500(self):
        for path in ["/", "/healthz", "/tim-kiem/?q=huyen"]:
            response = self.client.get(path, HTTP_HOST="evil.example")
            self.assertEqual(response.status_code, 400, path)
            self.assertIn("Yêu cầu không hợp lệ", response.content.decode())
