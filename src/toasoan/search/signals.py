"""The index follows the live site: publish, unpublish, move, delete (by cascade)."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from toasoan.news.models import ArticlePage

from .indexing import index_article, remove_article
from .models import SearchDocument


@receiver(page_published)
def index_published(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        index_article(instance)


@receiver(page_unpublished)
def remove_unpublished(sender, instance, **kwargs):
    remove_article(instance.pk)


@receiver(post_page_move)
def follow_moved(sender, instance, parent_page_after, **kwargs):
    SearchDocument.objects.filter(page_id=instance.pk).update(section_id=parent_page_after.pk)
