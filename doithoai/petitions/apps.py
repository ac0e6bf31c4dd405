from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "doithoai.petitions"
    label = "petitions"
    verbose_name = "Kiến nghị, phản ánh"
