from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkcalendarConfig(AppConfig):
    name = "tiepdan.workcalendar"
    label = "workcalendar"
    verbose_name = _("Working-day calendar")

    def ready(self) -> None:
        from tiepdan.lib.workdays import set_calendar_loader
        from tiepdan.workcalendar.loader import is_stale, load_calendar

        set_calendar_loader(load_calendar, stale=is_stale)
