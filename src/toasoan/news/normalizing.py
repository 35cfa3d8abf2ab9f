"""Store every text field in NFC, and one-line fields without invisible characters."""

from django.db import models
from wagtail.fields import StreamField

from toasoan.text import clean_line, normalize


def _normalize_data(value):
    if isinstance(value, str):
        return normalize(value)
    if isinstance(value, list):
        return [_normalize_data(item) for item in value]
    if isinstance(value, dict):
        return {key: _normalize_data(item) for key, item in value.items()}
    return value


def normalize_instance(instance):
    """Normalise the text fields of a model instance in place."""
    line_fields = set(getattr(instance, "line_fields", ("title",)))
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            stream = getattr(instance, field.attname)
            raw = field.get_prep_value(stream)
            if raw:
                setattr(instance, field.attname, _normalize_data(raw))
            continue
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            clean = clean_line if field.name in line_fields else normalize
            setattr(instance, field.attname, clean(value))


class NormalizedPageMixin:
    """Normalises text before Wagtail validates, saves or snapshots a revision."""

    line_fields = ("title",)

    def full_clean(self, *args, **kwargs):
        self.prepare_text()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.prepare_text()
        super().minimal_clean()

    def prepare_text(self):
        from .slugging import fill_slug

        normalize_instance(self)
        fill_slug(self)
