"""The index follows the live site: publish, unpublish, move, view restrictions,
delete (by cascade)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from toasoan.news.models import ArticlePage

from .indexing import index_article, index_under, remove_article, remove_under
from .models import SearchDocument


@receiver(page_published)
def index_published(sender, instance, **kwargs):
    if isinstance(instance, ArticlePage):
        index_article(instance)


@receiver(page_unpublished)
def remove_unpublished(sender, instance, **kwargs):
    remove_article(instance.pk)


@receiver(post_save, sender=ArticlePage)
def index_converted_alias(sender, instance, update_fields=None, **kwargs):
    # Converting an alias into an ordinary page publishes nothing: it only saves
    # `alias_of`, and the page is live with the content it already showed.
    if update_fields and {"alias_of", "alias_of_id"} & set(update_fields):
        index_article(instance)


@receiver(post_save, sender=PageViewRestriction)
def hide_restricted(sender, instance, raw=False, **kwargs):
    if not raw:  # a restore loads the page's rows in any order and rebuilds the index
        remove_under(instance.page)


@receiver(post_delete, sender=PageViewRestriction)
def show_unrestricted(sender, instance, **kwargs):
    # After commit: the restriction may be going because its page is being deleted.
    page_id = instance.page_id

    def reindex():
        page = Page.objects.filter(pk=page_id).first()
        if page:
            index_under(page)

    transaction.on_commit(reindex)


@receiver(post_page_move)
def follow_moved(sender, instance, parent_page_after, **kwargs):
    SearchDocument.objects.filter(page_id=instance.pk).update(section_id=parent_page_after.pk)
