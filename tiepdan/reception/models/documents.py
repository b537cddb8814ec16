"""Reception documents: refusal notices (Form 01/TCD), receipts (Form 02/TCD), the head's
sessions with their conclusions notice, and the configurable reception minimums."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.lib.fields import EncryptedCharField
from tiepdan.orgunits.models import Department, OrgUnit


class RefusalNotice(models.Model):
    """The written refusal, Form 01/TCD, due within 3 working days (Decree 154 Art. 4)."""

    entry = models.OneToOneField(
        "reception.ReceptionEntry", on_delete=models.CASCADE, related_name="refusal_notice"
    )
    due_on = models.DateField(pgettext_lazy("official letter", "due on"))
    number = models.CharField(_("number"), max_length=40, blank=True)
    issued_on = models.DateField(
        pgettext_lazy("official letter", "issued on"), null=True, blank=True
    )
    legal_basis = models.TextField(_("legal basis"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("refusal notice (Form 01/TCD)")
        verbose_name_plural = _("refusal notices (Form 01/TCD)")
        ordering = ["due_on"]
        # The notices still to issue, by deadline (the reception page and the staff inbox).
        # `IS NULL` is no bound parameter, so SQLite matches this partial index too.
        indexes = [
            models.Index(
                fields=["due_on"], condition=Q(issued_on__isnull=True), name="refusal_to_issue"
            )
        ]

    def __str__(self) -> str:
        return self.number or str(self.entry)


class Receipt(models.Model):
    """Receipt of documents handed over by a citizen, Form 02/TCD (Decree 154 Art. 14)."""

    entry = models.ForeignKey(
        "reception.ReceptionEntry", on_delete=models.CASCADE, related_name="receipts"
    )
    received_at = models.DateTimeField(_("received at"))
    place = models.CharField(_("place"), max_length=300)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("receiving officer"), on_delete=models.PROTECT
    )
    provider_name = models.CharField(_("handed over by"), max_length=200)
    provider_id_number = EncryptedCharField(_("their document number"), max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("receipt (Form 02/TCD)")
        verbose_name_plural = _("receipts (Form 02/TCD)")
        ordering = ["received_at"]

    def __str__(self) -> str:
        return f"{self.provider_name} {self.received_at:%d/%m/%Y}"


class ReceiptItem(models.Model):
    class Condition(models.TextChoices):
        ORIGINAL = "original", _("Original")
        COPY = "copy", _("Photocopy")
        CERTIFIED = "certified", _("Certified copy")

    receipt = models.ForeignKey(Receipt, on_delete=models.CASCADE, related_name="items")
    description = models.CharField(_("document"), max_length=300)
    pages = models.PositiveSmallIntegerField(_("pages"))
    condition = models.CharField(_("condition"), max_length=10, choices=Condition.choices)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("receipt item")
        verbose_name_plural = _("receipt items")
        ordering = ["receipt", "order"]

    def __str__(self) -> str:
        return self.description


class LeaderSession(models.Model):
    """The head's reception session and its conclusions notice (Decree 154 Art. 25)."""

    day = models.OneToOneField(
        "reception.ReceptionDay", on_delete=models.PROTECT, related_name="session"
    )
    participants = models.TextField(_("who took part"), blank=True)
    raised = models.TextField(_("what citizens raised"), blank=True)
    conclusions = models.TextField(_("conclusions"), blank=True)
    notice_number = models.CharField(_("notice number"), max_length=40, blank=True)
    notice_issued_on = models.DateField(_("notice issued on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reception session")
        verbose_name_plural = _("reception sessions")

    def __str__(self) -> str:
        return str(self.day)

    @property
    def is_concluded(self) -> bool:
        return self.notice_issued_on is not None


class ConclusionItem(models.Model):
    """One task of the conclusions notice: it becomes a directive with an owner and deadline."""

    session = models.ForeignKey(LeaderSession, on_delete=models.CASCADE, related_name="items")
    content = models.TextField(_("task"))
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    owner_department = models.ForeignKey(
        Department,
        verbose_name=_("owner department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("deadline"))
    directive = models.ForeignKey(
        "directives.Directive", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("conclusion item")
        verbose_name_plural = _("conclusion items")
        ordering = ["session", "order"]

    def __str__(self) -> str:
        return self.content[:60]

    def owner_display(self) -> str:
        return " · ".join(str(x) for x in (self.owner_user, self.owner_department) if x is not None)


class ReceptionMinimum(models.Model):
    """A unit's own minimum of periodic reception days for a post (overrides the defaults)."""

    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE)
    post = models.CharField(_("leadership post"), max_length=20)
    per_month = models.PositiveSmallIntegerField(_("days per month"), default=0)
    per_week = models.PositiveSmallIntegerField(_("days per week"), default=0)

    class Meta:
        verbose_name = _("reception minimum")
        verbose_name_plural = _("reception minimums")
        constraints = [
            models.UniqueConstraint(fields=["unit", "post"], name="reception_minimum_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.post}"
