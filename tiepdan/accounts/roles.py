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
        "reception.view_reception",
        "reception.manage_schedule",
        "reception.record_entry",
        "reception.export_book",
        "reception.import_book",
        "cases.view_case",
        "cases.receive_case",
        "cases.classify_case",
        "cases.decide_case",
        "cases.assign_case",
        "cases.answer_case",
        "targets.view_targets",
        "reports.view_dashboard",
        "directives.view_directive",
        "directives.report_directive_progress",
        "dialogues.view_dialogue",
    },
    HANDLING_OFFICER: {
        "accounts.view_staff_pages",
        "reception.view_reception",
        "cases.view_case",
        "cases.answer_case",
        "targets.view_targets",
        "targets.enter_target_results",
        "reports.view_dashboard",
        "directives.view_directive",
        "directives.report_directive_progress",
        "dialogues.view_dialogue",
    },
    LEADER: {
        "accounts.view_staff_pages",
        "reception.view_reception",
        "reception.manage_schedule",
        "reception.export_book",
        "reception.hold_session",
        "reception.view_compliance",
        "cases.view_case",
        "cases.decide_case",
        "cases.assign_case",
        "cases.approve_answer",
        "cases.extend_case",
        "targets.view_targets",
        "targets.manage_targets",
        "targets.enter_target_results",
        "reports.view_dashboard",
        "reports.make_reports",
        "directives.view_directive",
        "directives.issue_directive",
        "directives.report_directive_progress",
        "dialogues.view_dialogue",
        "dialogues.manage_dialogues",
        "mediation.view_mediationcase",
        "mediation.manage_mediation_teams",
    },
    MEDIATOR: {
        "accounts.view_staff_pages",
        "mediation.view_mediationcase",
        "mediation.record_mediation",
    },
    UNIT_ADMIN: {
        "accounts.view_staff_pages",
        "reception.view_reception",
        "reception.import_book",
        "reception.view_compliance",
        "cases.view_case",
        "cases.manage_case_settings",
        "cases.view_identityaccess",  # the denouncer-identity access log (rule 19)
        "targets.view_targets",
        "targets.manage_targets",
        "reports.view_dashboard",
        "reports.make_reports",
        "reports.manage_report_settings",
        "accounts.manage_unit_users",
        "workcalendar.manage_calendar",
        "integrations.manage_api_keys",
        "mediation.view_mediationcase",
        "mediation.manage_mediation_teams",
        "privacy.manage_privacy",
    },
    HIGHER_LEVEL: {
        "accounts.view_staff_pages",
        "reception.view_reception",
        "reception.export_book",
        "reception.view_compliance",
        "cases.view_case",
        "targets.view_targets",
        "reports.view_dashboard",
        "reports.make_reports",
        "directives.view_directive",
        "dialogues.view_dialogue",
        "mediation.view_mediationcase",
    },
}
