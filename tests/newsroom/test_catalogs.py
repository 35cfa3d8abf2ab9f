"""The Vietnamese admin catalogs shipped in `src/toasoan/locale/vi`: how much of
every Wagtail app's catalog they translate, and that every translation is safe to
render."""

import re
import unicodedata
from pathlib import Path

import polib
import wagtail
from django.test import SimpleTestCase

import toasoan

OURS = Path(toasoan.__file__).parent / "locale" / "vi" / "LC_MESSAGES"
WAGTAIL = Path(wagtail.__file__).parent
MINIMUM = 0.95
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
TAG = re.compile(r"<[^>]+>")


def translations(domain):
    return {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(OURS / f"{domain}.po"))
        if entry.translated()
    }


def wagtail_catalogs():
    """Every Wagtail app's source catalog (its English messages), by app."""
    for path in sorted(WAGTAIL.glob("**/locale/en/LC_MESSAGES/*.po")):
        app = path.parents[3].relative_to(WAGTAIL.parent).as_posix().replace("/", ".")
        yield app, path


class CoverageTests(SimpleTestCase):
    def test_every_wagtail_catalog_is_at_least_95_percent_translated(self):
        ours = {"django": translations("django"), "djangojs": translations("djangojs")}
        checked = 0
        for app, path in wagtail_catalogs():
            domain = path.stem
            messages = [(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete]
            done = sum(1 for key in messages if key in ours[domain])
            with self.subTest(app=app, domain=domain):
                self.assertGreaterEqual(
                    done / len(messages), MINIMUM,
                    f"{app} {domain}: {done} of {len(messages)} messages translated",
                )
            checked += 1
        self.assertGreaterEqual(checked, 18)  # the catalogs were found at all


    def test_the_django_strings_the_admin_shows_are_translated(self):
        # Django's own Vietnamese catalogs, completed by ours (form errors, "3 phút trước").
        import django

        ours = translations("django")
        for app in ("conf", "contrib/auth"):
            base = Path(django.__file__).parent / app / "locale"
            theirs = {(e.msgctxt, e.msgid) for e in
                      polib.pofile(str(base / "vi" / "LC_MESSAGES" / "django.po"))
                      if e.translated()}
            messages = [(e.msgctxt, e.msgid) for e in
                        polib.pofile(str(base / "en" / "LC_MESSAGES" / "django.po"))
                        if not e.obsolete]
            done = sum(1 for key in messages if key in ours or key in theirs)
            with self.subTest(app=app):
                self.assertGreaterEqual(done / len(messages), MINIMUM, f"django {app}")


class SafetyTests(SimpleTestCase):
    def test_translations_keep_placeholders_and_markup_and_are_nfc(self):
        for domain in ("django", "djangojs"):
            for entry in translations(domain).values():
                text = entry.msgstr or entry.msgstr_plural[0]
                source = entry.msgid_plural or entry.msgid
                with self.subTest(msgid=entry.msgid):
                    self.assertEqual(text, unicodedata.normalize("NFC", text))
                    self.assertEqual(sorted(set(PLACEHOLDER.findall(text))),
                                     sorted(set(PLACEHOLDER.findall(source))))
                    self.assertEqual(sorted(TAG.findall(text)), sorted(TAG.findall(entry.msgid)))

    def test_the_compiled_catalog_matches_its_source(self):
        for domain in ("django", "djangojs"):
            compiled = polib.mofile(str(OURS / f"{domain}.mo"))
            with self.subTest(domain=domain):
                self.assertEqual(
                    {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in compiled},
                    {key: e.msgstr or e.msgstr_plural.get(0)
                     for key, e in translations(domain).items()},
                    "the .mo is stale: reinstall (./toasoan does it when a catalog changes)",
                )
