"""The admin's page form, with Vietnamese-aware slugs."""

from wagtail.admin.forms import WagtailAdminPageForm

from .slugging import is_machine_slug, unique_slug


class VietnamesePageForm(WagtailAdminPageForm):
    def clean_slug(self):
        from toasoan.text import slugify

        slug = self.cleaned_data.get("slug", "")
        title = self.cleaned_data.get("title") or ""
        if title and is_machine_slug(slug, title):
            slug = unique_slug(slugify(title), self.parent_page, self.instance)
        return slug
