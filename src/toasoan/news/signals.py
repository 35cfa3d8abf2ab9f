from django.db.models.signals import pre_save
from django.dispatch import receiver

from .normalizing import normalize_instance

# Our models, and the titles of uploaded images and documents.
NORMALIZED_APPS = {"news", "wagtailimages", "wagtaildocs"}


@receiver(pre_save)
def normalize_text_fields(sender, instance, raw=False, **kwargs):
    if not raw and sender._meta.app_label in NORMALIZED_APPS:
        normalize_instance(instance)
