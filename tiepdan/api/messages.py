"""Messages the app routers of the API raise (kept in this app's catalogue)."""

from django.utils.translation import gettext as _


def no_unit() -> str:
    return _("Your account has no unit: give unit_id.")


def unknown_field() -> str:
    return _("Choose a field of this unit.")


def unknown_department() -> str:
    return _("No such department in the case's unit.")


def unknown_officer() -> str:
    return _("No such officer in the case's unit.")


def report_not_ready() -> str:
    return _("The report is not ready yet: wait until its status is done.")
