from django.apps import AppConfig


class SynthesisConfig(AppConfig):
    name = "doithoai.synthesis"
    label = "synthesis"
    verbose_name = "Tổng hợp, phân loại"
