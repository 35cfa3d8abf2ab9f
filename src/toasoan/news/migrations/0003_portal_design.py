import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import toasoan.news.normalizing


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_shared_cache_table"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="portalsettings",
            name="logo",
            field=models.ForeignKey(blank=True, help_text="Biểu trưng (logo) của cơ quan ở đầu trang, nên là ảnh PNG nền trong, cao ít nhất 128 điểm ảnh. Để trống thì dùng biểu tượng mặc định.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="Biểu trưng"),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="editor_in_chief",
            field=models.CharField(blank=True, help_text="Họ tên và chức vụ người chịu trách nhiệm nội dung, ví dụ «Nguyễn Văn A – Chánh Văn phòng HĐND và UBND huyện».", max_length=255, verbose_name="Chịu trách nhiệm chính"),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="licence",
            field=models.CharField(blank=True, help_text="Dòng giấy phép ở cuối trang, ví dụ «Giấy phép số 12/GP-TTĐT do Sở Văn hóa, Thể thao và Du lịch tỉnh … cấp ngày 08/01/2025».", max_length=500, verbose_name="Giấy phép"),
        ),
        migrations.CreateModel(
            name="ContactPage",
            fields=[
                ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ("intro", wagtail.fields.RichTextField(blank=True, help_text="Đoạn mở đầu, ví dụ giờ tiếp công dân hoặc cách gửi ý kiến. Địa chỉ, điện thoại và thư điện tử lấy từ «Thông tin cổng» trong phần Cài đặt.", verbose_name="Giới thiệu")),
            ],
            options={
                "verbose_name": "Trang liên hệ",
                "verbose_name_plural": "Trang liên hệ",
            },
            bases=(toasoan.news.normalizing.NormalizedPageMixin, "wagtailcore.page"),
        ),
    ]
