"""What a case carries: the answer given to the citizen, and the files attached to it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.cases.models.case import CaseEvent


class Response(models.Model):
    """The answer given to the citizen: drafted, submitted to a leader, who approves it or
    returns it with a comment (then it is revised and submitted again); approved, it is sent.

    Each step is a `CaseEvent` of the case (`services.answers`); the row holds where it is."""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("answer", "Draft")
        SUBMITTED = "submitted", _("Awaiting approval")
        RETURNED = "returned", _("Returned for revision")
        APPROVED = "approved", _("Approved")
        SENT = "sent", _("Sent")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="responses")
    text = models.TextField(_("answer"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drafted_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    document = models.FileField(_("signed document"), upload_to="cases/answers/%Y/", blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["-drafted_at", "-id"]
        # The leaders' queue (search.approvals): the submitted drafts, oldest first.
        indexes = [
            models.Index(fields=["state", "submitted_at", "id"], name="response_state_submitted")
        ]

    def __str__(self) -> str:
        return f"{self.case} · {self.get_state_display()}"

    def last_return(self) -> CaseEvent | None:
        """The latest time a leader returned this answer, with the comment in its data."""
        return (
            CaseEvent.objects.filter(
                case_id=self.case_id, kind=CaseEvent.Kind.ANSWER_RETURNED, data__response=self.pk
            )
            .order_by("-at", "-id")
            .first()
        )


class Attachment(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="cases/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    is_public = models.BooleanField(_("shown to the citizen"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
