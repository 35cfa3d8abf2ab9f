"""Records (`records.py`) repaired, sanitised and stored as sections, articles,
images, comments and redirects, keyed in the `ImportedItem` ledger."""

import hashlib
import html
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Site

from toasoan.comments.models import Comment
from toasoan.news import invalidation
from toasoan.news.models import ArticleAuthor, ArticlePage, SectionPage
from toasoan.search.backend import title_norms_once
from toasoan.text import clean_line, fold, slugify
from toasoan.text.repair import repair, repair_html

from . import ahead, bulk, media
from .cleaning import Picture, body_blocks
from .models import ImportedItem
from .records import ArticleRecord, CommentStatus, ImageRecord, Problem, Status
from .summary import Summary

BATCH_SIZE = 500  # items a transaction: an interrupted import redoes at most these
LEAD_CHARS = 400
COMMENT_STATUS = {
    CommentStatus.APPROVED: Comment.Status.APPROVED,
    CommentStatus.PENDING: Comment.Status.PENDING,
    CommentStatus.SPAM: Comment.Status.SPAM,
}
IMPORT_CONSENT = "nhập"  # consent_version of comments that came from an import


class ItemError(Exception):
    """An item that can't be stored, with the reason in Vietnamese."""


class NeedsDatabase(Exception):
    """An article prepared offline shows a picture, which only the database knows."""


def _featured_offline(record):
    if record.image_key or (record.image and (record.image.path or record.image.url)):
        raise NeedsDatabase
    return None  # a caption with no picture (a text page without its photo file)


def _picture_offline(picture):
    raise NeedsDatabase


@dataclass
class _Text:
    """Repaired text, and what the repair found."""

    fixed: bool = False
    damage: tuple = ()

    def line(self, value: str) -> str:
        return clean_line(self._repair(repair, value or ""))

    def block(self, value: str) -> str:
        return self._repair(repair, value or "").strip()

    def html(self, value: str) -> str:
        return self._repair(repair_html, value or "")

    def _repair(self, function, value):
        if not value:
            return value
        result = function(value)
        self.fixed = self.fixed or bool(set(result.fixes) - {"nfc"})
        self.damage += result.damage
        return result.text


@dataclass
class Prepared:
    """An article record repaired and cleaned, ready to store."""

    record: ArticleRecord
    fields: dict  # ArticlePage field values
    slug: str
    section: str
    status: str
    authors: list
    tags: list
    comments: list  # (CommentRecord, name, content)
    text: _Text
    missing: list
    checksum: str

    @property
    def published_at(self):
        return self.record.published_at

    @property
    def modified_at(self):
        return self.record.modified_at


class Importer:
    def __init__(self, default_section="Tin tức", media_dir=None, site=None):
        self.site = site or Site.objects.get(is_default_site=True)
        self.home = self.site.root_page
        self.default_section = default_section
        self.media_dir = Path(media_dir) if media_dir else None
        self.summary = Summary()
        self._sections = {}
        self._waiting_for_image = {}  # attachment key -> ids of articles that show it

    def run(self, items, progress=None):
        """Store every record of `items`, BATCH_SIZE to a transaction: an interrupted
        import loses at most the batch it was in, which importing again redoes. The
        next batches are read and prepared meanwhile in a second process."""
        with title_norms_once():
            for batch in ahead.worked_ahead(ahead.batches(items, BATCH_SIZE),
                                            self._prepare_offline):
                with transaction.atomic():
                    self._batch(batch)
                if progress:
                    progress(self.summary, len(batch))
        if self._waiting_for_image:
            titles = dict(ArticlePage.objects.filter(
                pk__in=[pk for pks in self._waiting_for_image.values() for pk in pks]
            ).values_list("pk", "title"))
            for key, page_ids in self._waiting_for_image.items():
                for page_id in page_ids:
                    self.summary.missing.append((titles.get(page_id, "?"), f"ảnh đại diện {key}"))
        if self.summary.created or self.summary.updated:
            invalidation.everything_changed()
        return self.summary

    def _batch(self, batch):
        new = []
        prepared = []
        # Pictures first: a post's attachment often follows it in the file.
        for item in batch:
            if isinstance(item, ImageRecord):
                self._guarded(item, self.save_attachment, item)
        for item in batch:
            if isinstance(item, Problem):
                self.summary.failed.append((item.where, item.reason))
            elif isinstance(item, Prepared):
                prepared.append(item)
            elif isinstance(item, ArticleRecord) and (ready := self._guarded(
                    item, self.prepare, item)):
                prepared.append(ready)
        known = _ledger([ready.record.key for ready in prepared])
        existing = set(ArticlePage.objects.filter(
            pk__in=[entry.object_id for entry in known.values()]).values_list("pk", flat=True))
        for ready in prepared:
            entry = known.get(ready.record.key)
            if entry and entry.object_id in existing:
                if entry.checksum == ready.checksum:
                    self.summary.skipped += 1
                else:
                    self._guarded(ready.record, self.store, ready,
                                  ArticlePage.objects.get(pk=entry.object_id))
            else:
                new.append(ready)
        by_section = {}
        for ready in new:
            by_section.setdefault(ready.section, []).append(ready)
        for name, group in by_section.items():
            self._create_together(self._section(name), group)

    def _guarded(self, item, function, *args):
        """`function(*args)` in a savepoint: an item that fails is rolled back alone
        and reported."""
        try:
            with transaction.atomic():
                return function(*args)
        except ItemError as error:
            self.summary.failed.append((_where(item), str(error)))
        except Exception as error:  # noqa: BLE001 - one bad item must not stop the rest
            self.summary.failed.append((_where(item), f"lỗi khi lưu: {error}"))
        return None

    # Articles

    def _prepare_offline(self, batch):
        """The batch with each article that needs no database prepared (in the
        second process, see `run`); the others are prepared when stored."""
        ready = []
        for item in batch:
            if isinstance(item, ArticleRecord):
                try:
                    item = self.prepare(item, offline=True)
                except Exception:  # noqa: BLE001 - prepared again, and reported, when stored
                    pass
                else:
                    item.record.body_html = ""  # no longer needed: spares the pipe
            ready.append(item)
        return ready

    def prepare(self, record: ArticleRecord, offline=False) -> Prepared:
        """`record` repaired and cleaned. `offline`: without the database, raising
        NeedsDatabase for an article that shows a picture."""
        text = _Text()
        # WordPress keeps titles and term names HTML-escaped (`Tin &amp; ảnh`).
        title = text.line(html.unescape(record.title))[:255]
        if not title:
            raise ItemError("bài không có tiêu đề")
        featured, picture = ((_featured_offline, _picture_offline) if offline
                             else (self._featured_image, self._body_picture))
        image_id = featured(record)  # first: offline, an article with a photo stops here
        body = body_blocks(text.html(record.body_html), picture)
        lead = text.block(record.lead) or _first_sentences(body.text())
        section_name = text.line(html.unescape(record.section)) or self.default_section
        fields = {
            "title": title,
            "lead": lead,
            "body": body.blocks,
            "image_caption": text.line(record.image.caption if record.image else "")[:500],
            "image_credit": text.line(record.image.credit if record.image else "")[:200],
            "source": text.line(record.source)[:255],
            "image_id": image_id,
        }
        authors = [name for name in (text.line(name)[:200] for name in record.authors) if name]
        tags = sorted({tag for tag in (text.line(html.unescape(tag))[:100] for tag in record.tags)
                       if tag})
        comments = [(comment, text.line(comment.name), text.block(comment.content))
                    for comment in record.comments]
        status = record.status
        if text.damage:
            status = Status.DRAFT  # never published silently: an editor checks it first
        missing = list(body.missing)
        if record.image and fields["image_id"] is None and record.image.url:
            missing.append(record.image.url)
        return Prepared(
            record=record, fields=fields, slug=record.slug or title, section=section_name,
            status=status, authors=authors, tags=tags, comments=comments, text=text,
            missing=missing,
            checksum=_checksum(record, fields, authors, tags, status, section_name),
        )

    def _create_together(self, section, group):
        try:
            with transaction.atomic():
                pages = bulk.create_articles(section, group)
                self._after(pages, group)
                self.summary.created += len(pages)
        except Exception:  # noqa: BLE001 - find the item at fault, one at a time
            for ready in group:
                self._guarded(ready.record, self.store, ready, None)

    def store(self, ready: Prepared, page):
        """Create or update one article through Wagtail's own publishing."""
        section = self._section(ready.section)
        if page is None:
            page = ArticlePage(slug=find_available_slug(
                section, slugify(ready.slug, max_length=200) or "bai-viet"))
            self._set(page, ready)
            page.live = False
            section.add_child(instance=page)
            self.summary.created += 1
        else:
            if page.get_parent().pk != section.pk:
                page.move(section, pos="last-child")
                page.refresh_from_db()
            self._set(page, ready)
            self.summary.updated += 1
        self._publish(page, ready.record, ready.status)
        self._after([page], [ready])

    def _after(self, pages, group):
        """What follows the articles' own rows: counts, comments, redirects, the
        ledger; a few statements for the lot."""
        redirects, comments, ledger = {}, [], []
        for page, ready in zip(pages, group, strict=True):
            record = ready.record
            self.summary.repaired += ready.text.fixed or bool(record.fixes)
            self.summary.flagged += bool(ready.text.damage)
            if ready.fields["image_id"] is None and record.image_key:
                self._waiting_for_image.setdefault(record.image_key, []).append(page.pk)
            self.summary.missing += [(page.title, url) for url in ready.missing]
            comments += [(page, f"{record.key}#comment-{comment.key}", comment, name, content)
                         for comment, name, content in ready.comments]
            redirects.update((redirect.old_path, redirect)
                             for redirect in self._redirects(page, record.old_urls))
            ledger.append(ImportedItem(kind=ImportedItem.Kind.ARTICLE, key=record.key,
                                       object_id=page.pk, checksum=ready.checksum,
                                       damage=list(ready.text.damage)))
        Redirect.objects.bulk_create(
            redirects.values(), update_conflicts=True, unique_fields=["old_path", "site"],
            update_fields=["redirect_page", "is_permanent", "redirect_link"])
        self.summary.redirects += len(redirects)
        self._save_comments(comments)
        ImportedItem.objects.bulk_create(
            ledger, update_conflicts=True, unique_fields=["kind", "key"],
            update_fields=["object_id", "checksum", "damage", "imported_at"])

    def _set(self, page, ready):
        for name, value in ready.fields.items():
            setattr(page, name, value)
        page.authors = [ArticleAuthor(name=name) for name in ready.authors]
        page.tags.set(ready.tags, clear=True) if page.pk else page.tags.add(*ready.tags)

    def _publish(self, page, record, status):
        when = record.published_at or timezone.now()
        if status in (Status.PUBLISHED, Status.SCHEDULED):
            page.first_published_at = page.first_published_at or when
            page.go_live_at = when if when > timezone.now() else None
            revision = page.save_revision(log_action=True, clean=False)
            revision.publish(skip_permission_checks=True, log_action=True)
            # The source's dates, not the import's: lists and feeds sort by them.
            ArticlePage.objects.filter(pk=page.pk, live=True).update(
                first_published_at=when,
                last_published_at=max(record.modified_at or when, when),
            )
        else:
            page.save_revision(log_action=True, clean=False)
            if page.live:
                page.unpublish(skip_permission_checks=True)

    def _section(self, name):
        key = fold(name)
        if key not in self._sections:
            found = next((section for section in SectionPage.objects.child_of(self.home)
                          if fold(section.title) == key), None)
            if found is None:
                found = SectionPage(title=name, slug=find_available_slug(
                    self.home, slugify(name) or "chuyen-muc"))
                self.home.add_child(instance=found)
                found.save_revision().publish(skip_permission_checks=True)
            self._sections[key] = found
        return self._sections[key]

    # Pictures

    def _featured_image(self, record):
        if record.image:
            return self._stored_image(record.image)
        if record.image_key:
            item = ImportedItem.objects.filter(kind=ImportedItem.Kind.IMAGE,
                                               key=record.image_key).first()
            return item.object_id if item else None
        return None

    def _body_picture(self, picture: Picture):
        return self._stored_image(ImageRecord(key=picture.src, url=picture.src, alt=picture.alt,
                                              title=picture.alt or picture.caption))

    def save_attachment(self, record: ImageRecord):
        image_id = self._stored_image(record)
        if image_id is None:
            # Reported only if an article shows it (see `run`); unused files are no loss.
            self.summary.skipped += 1
            return
        for page_id in self._waiting_for_image.pop(record.key, []):
            page = ArticlePage.objects.get(pk=page_id)
            page.image_id = image_id
            revision = page.save_revision(log_action=False, clean=False)
            if page.live:
                revision.publish(skip_permission_checks=True, log_action=False)

    def _stored_image(self, record: ImageRecord):
        """The id of the picture `record` names, stored once per file (a post's
        attachment and the same file in its body are one image)."""
        if not record.path and not record.url:
            return None
        known = self._image_id(record.key)
        if known:
            return known
        path = Path(record.path) if record.path else media.local_file(record.url, self.media_dir)
        if path is None or not path.is_file():
            return None
        file_key = f"file:{path.resolve()}"
        image_id = self._image_id(file_key) or self._new_image(record, path, file_key)
        ImportedItem.objects.create(kind=ImportedItem.Kind.IMAGE, key=record.key,
                                    object_id=image_id, checksum="")
        return image_id

    def _image_id(self, key):
        item = ImportedItem.objects.filter(kind=ImportedItem.Kind.IMAGE, key=key).first()
        return item.object_id if item else None

    def _new_image(self, record, path, file_key):
        try:
            with PILImage.open(path) as picture:
                picture.verify()
        except Exception as error:  # noqa: BLE001 - Pillow raises many kinds
            raise ItemError(f"tệp ảnh hỏng {path.name}: {error}") from error
        text = _Text()
        image = get_image_model()(title=text.line(record.title or record.alt or path.stem)[:255])
        with path.open("rb") as file:
            image.file = ImageFile(file, name=path.name)
            image.save()
        ImportedItem.objects.create(kind=ImportedItem.Kind.IMAGE, key=file_key,
                                    object_id=image.pk, checksum="")
        self.summary.images += 1
        return image.pk

    # Comments and redirects

    def _save_comments(self, comments):
        """Store (page, key, CommentRecord, name, content) as comments, updating those
        imported before; trashed ones stay out."""
        known = {entry.key: entry.object_id for entry in ImportedItem.objects.filter(
            kind=ImportedItem.Kind.COMMENT, key__in=[key for _p, key, *_ in comments])}
        new, keys, dates = [], [], []
        for page, key, record, name, content in comments:
            status = COMMENT_STATUS.get(record.status)
            if status is None or not content:
                continue
            created = record.created_at or timezone.now()
            comment = Comment(
                page=page, name=(name or "Bạn đọc")[:100], title=_comment_title(content),
                content=content, status=status, consent_at=created,
                consent_version=IMPORT_CONSENT, ip_address=record.ip_address or None,
                search_text=fold(" ".join([name, content])),
            )
            self.summary.comments += 1
            if key in known:
                comment.pk = known[key]
                comment.save()
                Comment.objects.filter(pk=comment.pk).update(created_at=created)
            else:
                new.append(comment)
                keys.append(key)
                dates.append(created)
        Comment.objects.bulk_create(new)
        # created_at is stamped on insert; the source's date is the one that matters.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {Comment._meta.db_table} SET created_at = %s WHERE id = %s",
                [(Comment._meta.get_field("created_at").get_db_prep_save(date, connection),
                  comment.pk) for comment, date in zip(new, dates, strict=True)])
        ImportedItem.objects.bulk_create([
            ImportedItem(kind=ImportedItem.Kind.COMMENT, key=key, object_id=comment.pk,
                         checksum="") for comment, key in zip(new, keys, strict=True)])

    def _redirects(self, page, urls):
        """Redirects from the article's old addresses (not yet saved)."""
        here = page.url_path
        for url in urls:
            parts = urlsplit(url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path or path == "/":
                continue
            old_path = Redirect.normalise_path(path)
            if here.endswith(old_path.rstrip("/") + "/"):
                continue  # the old address is the new one
            yield Redirect(old_path=old_path, site=self.site, redirect_page=page,
                           is_permanent=True, redirect_link="")


def _where(item) -> str:
    title = getattr(item, "title", "") or getattr(item, "url", "")
    line = f", dòng {item.line}" if getattr(item, "line", 0) else ""
    return f"mục {item.key}{line} «{title[:80]}»"


def _first_sentences(text: str) -> str:
    if len(text) <= LEAD_CHARS:
        return text
    cut = text[:LEAD_CHARS]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[: end + 1] if end > LEAD_CHARS // 3 else cut.rsplit(" ", 1)[0] + "…"


def _comment_title(content: str) -> str:
    words = content.split()
    title = " ".join(words[:12])
    return (title + "…" if len(words) > 12 else title)[:200]


def _ledger(keys):
    return {entry.key: entry for entry in ImportedItem.objects.filter(
        kind=ImportedItem.Kind.ARTICLE, key__in=keys)}


def _checksum(record, fields, authors, tags, status, section) -> str:
    data = [fields, authors, tags, status, section, str(record.published_at),
            str(record.modified_at), record.old_urls,
            [(c.key, c.name, c.content, c.status, str(c.created_at)) for c in record.comments]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, default=str).encode()).hexdigest()
