from django.urls import path

from tiepdan.cases import (
    duplicate_views,
    identity_views,
    public_views,
    publication_views,
    unit_settings,
    views,
)

app_name = "cases"

urlpatterns = [
    # Staff
    path("", views.case_list, name="list"),
    path("tiep-nhan/", views.case_new, name="new"),
    path("phan-cong/", views.bulk_assign, name="bulk_assign"),
    path("thiet-lap/", unit_settings.case_settings, name="settings"),
    path("nhat-ky-danh-tinh/", identity_views.access_log, name="identity_log"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/phan-loai/", views.case_classify, name="classify"),
    path("<int:pk>/quyet-dinh/", views.case_decide, name="decide"),
    path("<int:pk>/giao/", views.case_assign, name="assign"),
    path("<int:pk>/gia-han/", views.case_extend, name="extend"),
    path("<int:pk>/phuc-tap/", views.case_complex, name="complex"),
    path("<int:pk>/tam-dinh-chi/", views.case_suspend, name="suspend"),
    path("<int:pk>/tiep-tuc/", views.case_resume, name="resume"),
    path("<int:pk>/ghi-chu/", views.case_note, name="note"),
    path("<int:pk>/tra-loi/", views.case_answer, name="answer"),
    path("<int:pk>/dong/", views.case_close, name="close"),
    path("<int:pk>/thong-bao.docx", views.case_notice, name="notice"),
    path("<int:pk>/trung-lap/", duplicate_views.mark_duplicate, name="mark_duplicate"),
    path("<int:pk>/bo-trung-lap/", duplicate_views.unmark_duplicate, name="unmark_duplicate"),
    path("<int:pk>/gop-vu-viec/", duplicate_views.group_matter, name="group_matter"),
    path("<int:pk>/tach-vu-viec/", duplicate_views.leave_matter, name="leave_matter"),
    path("<int:pk>/cong-khai/", publication_views.case_publish, name="publish"),
    path("<int:pk>/go-cong-khai/", publication_views.case_unpublish, name="unpublish"),
    path("tra-loi/<int:pk>/duyet/", views.response_approve, name="approve"),
    path("tra-loi/<int:pk>/gui/", views.response_send, name="send"),
    path("tra-loi/<int:pk>/van-ban.docx", views.response_document, name="response_document"),
    path("tep/<int:pk>/", views.attachment_download, name="attachment"),
    # Citizens (no account)
    path("gui/<str:unit_code>/", public_views.public_new, name="public_new"),
    path(
        "gui/<str:unit_code>/tuong-tu/",
        duplicate_views.similar_published,
        name="similar_published",
    ),
    path("bien-nhan/<str:code>/", public_views.receipt, name="receipt"),
    path("tra-cuu/", public_views.track, name="track"),
    path("tra-cuu/<str:code>/", public_views.track_case, name="track_case"),
    path("tra-cuu/<str:code>/danh-gia/", public_views.public_rate, name="rate"),
    path("tra-cuu/<str:code>/mo-lai/", public_views.public_reopen, name="reopen"),
    path(
        "tra-loi-cong-khai/don-vi/<str:unit_code>/",
        publication_views.published_list,
        name="published_list",
    ),
    path(
        "tra-loi-cong-khai/<int:pk>/",
        publication_views.published_detail,
        name="published_detail",
    ),
]
