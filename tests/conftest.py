import uuid

import pytest
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def isolated_files(tmp_path_factory):
    """Data files and uploads go to temporary folders, cache keys (Redis outlives the run)
    get a prefix of this run's own, and static files come from the apps
    (the hashed-name storage needs `collectstatic`, which the end-to-end tests run)."""
    from django.conf import settings

    caches = {name: {**config, "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"}
              for name, config in settings.CACHES.items()}
    overrides = override_settings(
        CACHES=caches,
        DATA_DIR=tmp_path_factory.mktemp("data"),
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        STATIC_ROOT=tmp_path_factory.mktemp("static"),
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    overrides.enable()
    yield
    overrides.disable()


@pytest.fixture(autouse=True)
def fresh_page_cache(settings):
    """Each test starts with no stored pages (a test database reuses page ids and
    paths, and its rolled-back changes never bump the page cache's tags)."""
    from toasoan.news import pagecache, portal

    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.CACHES["default"], "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"},
    }
    # Nor a site kept from another test's database (some travel back in time, where
    # a fresh clock would read older than what was kept).
    portal._kept.clear()
    pagecache.forget_recent()
