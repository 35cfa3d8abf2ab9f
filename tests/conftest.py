import pytest
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def isolated_files(tmp_path_factory):
    """Uploaded files go to a temporary folder, and static files come from the apps
    (the hashed-name storage needs `collectstatic`, which the end-to-end tests run)."""
    from django.conf import settings

    overrides = override_settings(
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
