from django.urls import re_path

from tiepdan.open311 import views

app_name = "open311"

FMT = r"\.(?P<fmt>json|xml)$"
ID = r"(?P<request_id>[\w-]{1,40})"

urlpatterns = [
    re_path(r"^v2/discovery" + FMT, views.discovery, name="discovery"),
    re_path(r"^v2/services" + FMT, views.services, name="services"),
    re_path(r"^v2/services/(?P<code>[\w-]{1,30})" + FMT, views.service_definition, name="service"),
    re_path(r"^v2/requests" + FMT, views.requests, name="requests"),
    re_path(r"^v2/requests/" + ID + FMT, views.service_request, name="request"),
    re_path(r"^v2/tokens/(?P<token>[\w-]{1,40})" + FMT, views.token, name="token"),
]
