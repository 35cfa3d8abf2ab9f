"""Home, section and article pages, the site's portal settings and daily view counts."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from toasoan.search.fields import FoldedSearchField, folded
from toasoan.text import slugify

from . import feeds, pagecache, portal
from .blocks import ArticleBodyBlock
from .forms import VietnamesePageForm
from .normalizing import NormalizedPageMixin, normalize_instance
from .panels import PROMOTE_PANELS
from .queries import articles_under, most_read

PAGE_SIZE = 20
# Articles listed before and after an article, each way ("Các bài mới/đã đăng").
NEIGHBOURS = 10


def paginate(request, queryset, per_page=PAGE_SIZE):
    """The requested page of a list; a page number that is not one is a 404."""
    number = request.GET.get("trang", "1")
    try:
        if not (number.isascii() and number.isdigit()):
            raise PageNotAnInteger(number)
        return Paginator(queryset, per_page).page(number)
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404("Không có trang này") from exc


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """What the header and footer of every page say about the agency."""

    agency_name = models.CharField(
        "Cơ quan chủ quản", max_length=255, blank=True,
        help_text="Tên cơ quan hiển thị ở đầu và cuối trang.",
    )
    agency_tag = models.CharField(
        "Ký hiệu tin", max_length=20, default="TS",
        help_text="In trước phần sapo của mỗi bài, ví dụ «HNP - Sáng 08/01, ...».",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Biểu trưng", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text="Biểu trưng (logo) của cơ quan ở đầu trang, nên là ảnh PNG nền trong, "
                  "cao ít nhất 128 điểm ảnh. Để trống thì dùng biểu tượng mặc định.",
    )
    address = models.CharField("Địa chỉ", max_length=255, blank=True)
    phone = models.CharField("Điện thoại", max_length=50, blank=True)
    email = models.EmailField("Thư điện tử", blank=True)
    editor_in_chief = models.CharField(
        "Chịu trách nhiệm chính", max_length=255, blank=True,
        help_text="Họ tên và chức vụ người chịu trách nhiệm nội dung, "
                  "ví dụ «Nguyễn Văn A – Chánh Văn phòng HĐND và UBND huyện».",
    )
    licence = models.CharField(
        "Giấy phép", max_length=500, blank=True,
        help_text="Dòng giấy phép ở cuối trang, ví dụ «Giấy phép số 12/GP-TTĐT do Sở Văn "
                  "hóa, Thể thao và Du lịch tỉnh … cấp ngày 08/01/2025».",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("agency_name"), FieldPanel("logo"), FieldPanel("agency_tag")],
            heading="Cơ quan",
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading="Liên hệ",
        ),
        MultiFieldPanel(
            [FieldPanel("editor_in_chief"), FieldPanel("licence")],
            heading="Cuối trang",
        ),
    ]

    line_fields = ("agency_name", "agency_tag", "address", "phone", "email",
                   "editor_in_chief", "licence")

    class Meta:
        verbose_name = "Thông tin cổng"

    def save(self, *args, **kwargs):
        normalize_instance(self)  # NFC, one line each, like the pages' own fields
        super().save(*args, **kwargs)


class CachedPageMixin:
    """Public pages are kept in the page cache under the tags they were built from."""

    def serve(self, request, *args, **kwargs):
        from .invalidation import page_tags

        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        return pagecache.mark(response, page_tags(self, context))

    def get_view_restrictions(self):
        # Routed through the portal, which knows where restrictions are (`route`).
        if getattr(self, "_no_view_restrictions", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class FeedMixin(RoutablePageMixin):
    """Home and section pages: the RSS feed of their list at `rss.xml`."""

    @path("rss.xml/", name="rss")
    def rss(self, request):
        return feeds.ArticleFeed()(request, self)


class HomePage(CachedPageMixin, NormalizedPageMixin, FeedMixin, Page):
    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["news.SectionPage", "news.ContactPage"]
    search_fields = folded(Page.search_fields)
    promote_panels = PROMOTE_PANELS
    base_form_class = VietnamesePageForm

    class Meta:
        verbose_name = "Trang chủ"

    @cached_property
    def sections(self):
        return SectionPage.objects.child_of(self).live().in_menu().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        latest = list(articles_under(self)[:11])
        context["lead_article"] = latest[0] if latest else None
        context["latest"] = latest[1:]
        context["section_blocks"] = [
            (section, list(articles_under(section)[:5])) for section in self.sections
        ]
        context["most_read"] = most_read(self)
        return context

    def route(self, request, path_components):
        page = self._page_at(request, path_components)
        if page is not None:
            return page.route(request, [])
        return super().route(request, path_components)

    def _page_at(self, request, components):
        """The section or article at this path in one query, its sections taken from
        the portal (Wagtail's own routing reads every level of the tree, twice)."""
        if not components:
            return None
        try:
            self.resolve_subpage("/" + "/".join(components) + "/")
            return None  # one of this page's own routes (a tag page)
        except Http404:
            pass
        site = portal.for_request(request)
        if site.home is None or site.home.pk != self.pk:
            return None
        parent_path = self.url_path + "".join(f"{part}/" for part in components[:-1])
        parent = self if len(components) == 1 else site.section_at(parent_path)
        if parent is None:
            return None
        slug = components[-1]
        page = (ArticlePage.objects.child_of(parent).filter(slug=slug).first()
                or SectionPage.objects.child_of(parent).filter(slug=slug).first())
        if page is None:
            return None
        page._cached_parent_obj = parent
        page._no_view_restrictions = not site.may_be_restricted(page)
        return page

    @path("chu-de/<str:tag>/", name="tag")
    def tag(self, request, tag):
        tag_obj = Tag.objects.filter(slug=tag).first()
        if tag_obj is None:
            raise Http404("Không có chủ đề này")
        articles = articles_under(self).filter(tags=tag_obj)
        return self.render(
            request,
            context_overrides={"tag": tag_obj, "articles": paginate(request, articles)},
            template="news/tag_page.html",
        )


class SectionPage(CachedPageMixin, NormalizedPageMixin, FeedMixin, Page):
    intro = models.TextField("Giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage", "news.SectionPage"]
    subpage_types = ["news.ArticlePage", "news.SectionPage"]
    search_fields = folded(Page.search_fields)
    promote_panels = PROMOTE_PANELS
    base_form_class = VietnamesePageForm

    class Meta:
        verbose_name = "Chuyên mục"
        verbose_name_plural = "Chuyên mục"

    @classmethod
    def can_create_at(cls, parent):
        # Sections nest one level: a section may sit under a top-level section only.
        parent = parent.specific
        grandparent = parent.get_parent().specific if isinstance(parent, SectionPage) else None
        if isinstance(grandparent, SectionPage):
            return False
        return super().can_create_at(parent)

    @cached_property
    def subsections(self):
        return SectionPage.objects.child_of(self).live().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, articles_under(self))
        return context


class ContactPage(CachedPageMixin, NormalizedPageMixin, Page):
    """The agency's contact page (`/lien-he/`): an introduction written in the admin,
    then the address, phone and e-mail from the portal settings."""

    intro = RichTextField(
        "Giới thiệu", blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text="Đoạn mở đầu, ví dụ giờ tiếp công dân hoặc cách gửi ý kiến. Địa chỉ, "
                  "điện thoại và thư điện tử lấy từ «Thông tin cổng» trong phần Cài đặt.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    search_fields = folded(Page.search_fields)
    promote_panels = PROMOTE_PANELS
    base_form_class = VietnamesePageForm

    class Meta:
        verbose_name = "Trang liên hệ"
        verbose_name_plural = "Trang liên hệ"


class Tag(TagBase):
    """Tags with ASCII slugs the way page slugs are made (`xay-dung-dang`)."""

    free_tagging = True

    class Meta:
        verbose_name = "Từ khóa"
        verbose_name_plural = "Từ khóa"

    def slugify(self, tag, i=None):
        slug = slugify(tag) or "tu-khoa"
        return f"{slug}-{i}" if i is not None else slug


class ArticleTag(ItemBase):
    tag = models.ForeignKey(Tag, related_name="tagged_articles", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(CachedPageMixin, NormalizedPageMixin, Page):
    lead = models.TextField(
        "Sapo", help_text="Đoạn mở đầu; ký hiệu tin của cổng được in trước đoạn này."
    )
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Ảnh đại diện", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    image_caption = models.CharField("Chú thích ảnh", max_length=500, blank=True)
    image_credit = models.CharField("Nguồn ảnh", max_length=200, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name="Nội dung", blank=True)
    source = models.CharField(
        "Nguồn tin", max_length=255, blank=True, help_text="Ví dụ: Theo Báo Nhân Dân."
    )
    tags = ClusterTaggableManager("Từ khóa", through=ArticleTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_caption"), FieldPanel("image_credit")],
            heading="Ảnh đại diện",
        ),
        FieldPanel("body"),
        InlinePanel("authors", label="Tác giả", min_num=0),
        FieldPanel("source"),
        FieldPanel("tags"),
    ]
    search_fields = folded(Page.search_fields) + [
        FoldedSearchField("lead"),
        FoldedSearchField("body"),
        FoldedSearchField("image_caption"),
        index.RelatedFields("tags", [FoldedSearchField("name")]),
        index.RelatedFields("authors", [FoldedSearchField("name")]),
        index.FilterField("first_published_at"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    promote_panels = PROMOTE_PANELS
    base_form_class = VietnamesePageForm
    line_fields = ("title", "image_caption", "image_credit", "source")

    class Meta:
        verbose_name = "Bài viết"
        verbose_name_plural = "Bài viết"

    @cached_property
    def section(self):
        return self.get_parent().specific

    @property
    def byline(self):
        return [author.name for author in self.authors.all()]

    def _siblings(self, parent=None):
        # Listed by title: their bodies are neither read nor decoded.
        return ArticlePage.objects.live().child_of(parent or self.get_parent()).defer_streamfields()

    def newer_articles(self, limit=NEIGHBOURS, parent=None):
        """Same-section articles published after this one, nearest first (in `parent`,
        by default its own section)."""
        when = self.first_published_at
        if when is None:
            return ArticlePage.objects.none()
        newer = self._siblings(parent).filter(
            models.Q(first_published_at__gt=when)
            | models.Q(first_published_at=when, pk__gt=self.pk)
        )
        return newer.order_by("first_published_at", "pk")[:limit]

    def older_articles(self, limit=NEIGHBOURS, parent=None):
        """Same-section articles published before this one, nearest first."""
        when = self.first_published_at
        if when is None:
            return (self._siblings(parent).exclude(pk=self.pk)
                    .order_by("-first_published_at")[:limit])
        older = self._siblings(parent).filter(
            models.Q(first_published_at__lt=when)
            | models.Q(first_published_at=when, pk__lt=self.pk)
        )
        return older.order_by("-first_published_at", "-pk")[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["newer"] = list(reversed(self.newer_articles()))
        context["older"] = list(self.older_articles())
        return context


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, related_name="authors", on_delete=models.CASCADE)
    name = models.CharField("Họ tên", max_length=200)

    panels = [FieldPanel("name")]
    line_fields = ("name",)

    class Meta(Orderable.Meta):
        verbose_name = "Tác giả"
        verbose_name_plural = "Tác giả"


class DailyViews(models.Model):
    """Views of one article on one day (Vietnam time), written in batches."""

    page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "Lượt xem theo ngày"
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="news_dailyviews_page_day")
        ]
        indexes = [models.Index(fields=["day", "page"])]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"
