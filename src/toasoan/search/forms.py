from datetime import datetime

from django import forms

from toasoan.news.models import SectionPage

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
DATE_ERROR = "Ngày không hợp lệ: hãy nhập ngày/tháng/năm, ví dụ 08/01/2021."


class DateInput(forms.DateInput):
    """A date picker; a date typed as 08/01/2021 in the address comes back as the
    picker's 2021-01-08, or the browser would show the box empty and drop it."""

    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            for date_format in DATE_FORMATS:
                try:
                    return datetime.strptime(value.strip(), date_format).strftime("%Y-%m-%d")
                except ValueError:
                    continue
        return super().format_value(value)


def section_choices():
    sections = SectionPage.objects.live().order_by("path").only("pk", "title", "depth")
    base = min((section.depth for section in sections), default=0)
    return [("", "Tất cả chuyên mục")] + [
        (str(section.pk), "— " * (section.depth - base) + section.title) for section in sections
    ]


class SearchForm(forms.Form):
    q = forms.CharField(label="Từ khóa", required=False, strip=True)
    chuyen_muc = forms.ChoiceField(
        label="Chuyên mục",
        required=False,
        error_messages={"invalid_choice": "Chuyên mục này không có trên cổng."},
    )
    tu_ngay = forms.DateField(
        label="Từ ngày",
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": DATE_ERROR},
    )
    den_ngay = forms.DateField(
        label="Đến ngày",
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": DATE_ERROR},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chuyen_muc"].choices = section_choices()

    def clean(self):
        data = super().clean()
        start, end = data.get("tu_ngay"), data.get("den_ngay")
        if start and end and start > end:
            self.add_error("den_ngay", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data

    def section_ids(self):
        chosen = self.cleaned_data.get("chuyen_muc")
        if not chosen:
            return None
        section = SectionPage.objects.get(pk=chosen)
        return list(
            SectionPage.objects.descendant_of(section, inclusive=True).values_list("pk", flat=True)
        )
