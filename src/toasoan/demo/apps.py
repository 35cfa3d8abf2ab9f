from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "toasoan.demo"
    label = "demo"
    verbose_name = "Nội dung mẫu"
