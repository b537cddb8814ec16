"""Pages anyone may open without an account: the home page, health check and error pages."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from tiepdan.lib.text import fold
from tiepdan.orgunits.models import OrgUnit

# Above this many wards (a whole province), the home page offers a search box.
SEARCH_FROM = 7


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    communes = list(OrgUnit.objects.current().communes().select_related("parent").order_by("name"))
    query = request.GET.get("q", "").strip()
    context = {"searchable": len(communes) >= SEARCH_FROM, "query": query}
    if query:
        key = fold(query)
        communes = [unit for unit in communes if key in fold(unit.name)]
    return render(request, "public/home.html", {**context, "communes": communes})


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 when the database answers, 503 otherwise (for load balancers and monitors)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any database failure means unhealthy
        return JsonResponse(
            {"status": "error", "database": str(exc.__class__.__name__)}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


@login_not_required
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


@login_not_required
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page left open too long (or without cookies): say how to go on."""
    return render(request, "errors/csrf.html", status=403)
