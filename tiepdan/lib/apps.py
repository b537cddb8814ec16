from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "tiepdan.lib"
    label = "lib"
    verbose_name = "tiepdan"
