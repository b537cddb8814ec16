"""URL map. Public pages are listed in tiepdan.public; everything else needs a login."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from config.api import api
from tiepdan.accounts import urls as accounts_urls
from tiepdan.inbox import views as inbox

admin.site.site_header = _("tiepdan · system administration")
admin.site.site_title = "tiepdan"
admin.site.index_title = _("Units, accounts and lists")

# The staff home is the inbox's page, named `accounts:home` as the whole site links it:
# accounts sits below the inbox and may not import it, so the wiring adds it to its URLs here.
staff_home = [path("", inbox.home, name="home")]

urlpatterns = [
    path("", include("tiepdan.public.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("tai-khoan/", include((staff_home + accounts_urls.urlpatterns, accounts_urls.app_name))),
    path("thong-bao/", include("tiepdan.notifications.urls")),
    path("lich-lam-viec/", include("tiepdan.workcalendar.urls")),
    path("tiep-cong-dan/", include("tiepdan.reception.urls")),
    path("don-thu/", include("tiepdan.cases.urls")),
    path("chi-dao/", include("tiepdan.directives.urls")),
    path("doi-thoai/", include("tiepdan.dialogues.urls")),
    path("hoa-giai/", include("tiepdan.mediation.urls")),
    path("bao-ve-du-lieu/", include("tiepdan.privacy.urls")),
    path("chi-tieu/", include("tiepdan.targets.urls")),
    path("bao-cao/", include("tiepdan.reports.urls")),
    path("quan-tri/", admin.site.urls),
    path("tich-hop/", include("tiepdan.integrations.urls")),
    path("api/v1/", api.urls),
    path("open311/", include("tiepdan.open311.urls")),
]

handler403 = "tiepdan.public.views.permission_denied"
handler404 = "tiepdan.public.views.page_not_found"
handler500 = "tiepdan.public.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
