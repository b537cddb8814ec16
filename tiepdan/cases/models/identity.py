"""The log of who saw a denouncer's identity (rule 19): written wherever it is shown."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.cases.models.case import Case


class IdentityAccess(models.Model):
    """One view of a denouncer's identity (Law on Denunciations Art. 47; DOMAIN rule 19).

    Written by whatever shows the identity (page, API, export, notice); read by the unit admin.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="identity_accesses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    via = models.CharField(_("shown by"), max_length=20)
    path = models.CharField(pgettext_lazy("web", "address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("identity access")
        verbose_name_plural = _("identity accesses")
        indexes = [models.Index(fields=["case", "at"], name="identity_access_case_at")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.at:%d/%m/%Y %H:%M} {self.via}"
