"""Roles are groups of capabilities (permission codenames); scope comes from the user's unit.

Each app adds its own codenames (`Meta.permissions`) to the roles that need them here; the groups
are brought in line with this table after every `migrate`.
"""

from django.utils.translation import gettext_lazy as _

RECEPTION_OFFICER = "reception_officer"
HANDLING_OFFICER = "handling_officer"
LEADER = "leader"
MEDIATOR = "mediator"
UNIT_ADMIN = "unit_admin"
HIGHER_LEVEL = "higher_level"

ROLE_LABELS = {
    RECEPTION_OFFICER: _("Reception officer"),
    HANDLING_OFFICER: _("Handling officer"),
    LEADER: _("Leader"),
    MEDIATOR: _("Mediator"),
    UNIT_ADMIN: _("Unit administrator"),
    HIGHER_LEVEL: _("Higher-level reader"),
}

# Roles whose accounts must use two-factor sign-in when TIEPDAN_REQUIRE_2FA is on.
TWO_FACTOR_ROLES = {LEADER, UNIT_ADMIN}

# role -> "app_label.codename" capabilities. Apps append their own codenames.
CAPABILITIES: dict[str, set[str]] = {
    RECEPTION_OFFICER: {
        "accounts.view_staff_pages",
    },
    HANDLING_OFFICER: {
        "accounts.view_staff_pages",
    },
    LEADER: {
        "accounts.view_staff_pages",
    },
    MEDIATOR: {
        "accounts.view_staff_pages",
    },
    UNIT_ADMIN: {
        "accounts.view_staff_pages",
        "accounts.manage_unit_users",
        "workcalendar.manage_calendar",
    },
    HIGHER_LEVEL: {
        "accounts.view_staff_pages",
    },
}
