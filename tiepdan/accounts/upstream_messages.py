"""Messages Django 5.2 shows to staff whose Vietnamese translation Django does not ship yet.

Listing them here puts them in this app's catalogue, where they are translated; the list itself
is never used.
"""

from django.utils.translation import ngettext_lazy

MISSING_FROM_DJANGO = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
]
