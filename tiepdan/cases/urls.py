from django.urls import path

from tiepdan.cases.views import duplicates, identity, public, publication, settings, staff

app_name = "cases"

urlpatterns = [
    # Staff
    path("", staff.case_list, name="list"),
    path("tiep-nhan/", staff.case_new, name="new"),
    path("phan-cong/", staff.bulk_assign, name="bulk_assign"),
    path("thiet-lap/", settings.case_settings, name="settings"),
    path("nhat-ky-danh-tinh/", identity.access_log, name="identity_log"),
    path("cho-duyet/", staff.approval_queue, name="approvals"),
    path("<int:pk>/", staff.case_detail, name="detail"),
    path("<int:pk>/phan-loai/", staff.case_classify, name="classify"),
    path("<int:pk>/quyet-dinh/", staff.case_decide, name="decide"),
    path("<int:pk>/giao/", staff.case_assign, name="assign"),
    path("<int:pk>/gia-han/", staff.case_extend, name="extend"),
    path("<int:pk>/phuc-tap/", staff.case_complex, name="complex"),
    path("<int:pk>/tam-dinh-chi/", staff.case_suspend, name="suspend"),
    path("<int:pk>/tiep-tuc/", staff.case_resume, name="resume"),
    path("<int:pk>/ghi-chu/", staff.case_note, name="note"),
    path("<int:pk>/tra-loi/", staff.case_answer, name="answer"),
    path("<int:pk>/dong/", staff.case_close, name="close"),
    path("<int:pk>/thong-bao.docx", staff.case_notice, name="notice"),
    path("<int:pk>/trung-lap/", duplicates.mark_duplicate, name="mark_duplicate"),
    path("<int:pk>/bo-trung-lap/", duplicates.unmark_duplicate, name="unmark_duplicate"),
    path("<int:pk>/gop-vu-viec/", duplicates.group_matter, name="group_matter"),
    path("<int:pk>/tach-vu-viec/", duplicates.leave_matter, name="leave_matter"),
    path("<int:pk>/cong-khai/", publication.case_publish, name="publish"),
    path("<int:pk>/go-cong-khai/", publication.case_unpublish, name="unpublish"),
    path("tra-loi/<int:pk>/trinh-duyet/", staff.response_submit, name="submit"),
    path("tra-loi/<int:pk>/duyet/", staff.response_approve, name="approve"),
    path("tra-loi/<int:pk>/tra-lai/", staff.response_return, name="return"),
    path("tra-loi/<int:pk>/gui/", staff.response_send, name="send"),
    path("tra-loi/<int:pk>/van-ban.docx", staff.response_document, name="response_document"),
    path("tep/<int:pk>/", staff.attachment_download, name="attachment"),
    # Citizens (no account)
    path("gui/<str:unit_code>/", public.public_new, name="public_new"),
    path(
        "gui/<str:unit_code>/tuong-tu/",
        duplicates.similar_published,
        name="similar_published",
    ),
    path("bien-nhan/<str:code>/", public.receipt, name="receipt"),
    path("tra-cuu/", public.track, name="track"),
    path("tra-cuu/<str:code>/", public.track_case, name="track_case"),
    path("tra-cuu/<str:code>/danh-gia/", public.public_rate, name="rate"),
    path("tra-cuu/<str:code>/mo-lai/", public.public_reopen, name="reopen"),
    path(
        "tra-loi-cong-khai/don-vi/<str:unit_code>/",
        publication.published_list,
        name="published_list",
    ),
    path(
        "tra-loi-cong-khai/<int:pk>/",
        publication.published_detail,
        name="published_detail",
    ),
]
