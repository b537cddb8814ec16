"""The one upload checker: type by content, a size limit per use, pictures without metadata."""

import io
from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from tiepdan.lib.errors import DomainError
from tiepdan.lib.tests.photos import GPS_IFD, MAKE, exif_of, gps_photo
from tiepdan.lib.uploads import (
    ATTACHMENT,
    EVIDENCE,
    MB,
    RECORDING,
    SCAN,
    clean_upload,
    clean_uploads,
)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"
MP4 = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 4
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_the_photo_made_for_these_tests_carries_gps_and_make():
    tags = exif_of(gps_photo())
    assert tags[MAKE] == "PhoneMaker" and 2 in tags


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_it_strips_exif_and_gps_from_every_picture_format(fmt):
    photo = gps_photo(fmt)
    assert exif_of(photo)[MAKE] == "PhoneMaker"
    clean = clean_upload(upload("anh.img", photo))
    assert clean.content_type == f"image/{fmt.lower()}"
    assert exif_of(clean.data) == {}
    with Image.open(io.BytesIO(clean.data)) as img:
        assert img.size == (40, 30) and not img.getexif().get_ifd(GPS_IFD)


@pytest.mark.parametrize("policy", [ATTACHMENT, SCAN, EVIDENCE], ids=lambda p: p.field)
def test_every_policy_that_takes_photos_strips_their_exif(policy):
    clean = clean_upload(upload("anh.jpg", gps_photo()), policy)
    assert exif_of(clean.data) == {}


@pytest.mark.parametrize("policy", [ATTACHMENT, SCAN, RECORDING, EVIDENCE], ids=lambda p: p.field)
def test_a_file_named_jpg_that_is_html_is_refused(policy):
    """The name and the browser's content type say JPEG; the content decides."""
    with pytest.raises(DomainError) as err:
        clean_upload(upload("anh.jpg", HTML, "image/jpeg"), policy)
    assert err.value.field == policy.field


def test_a_recording_keeps_its_bytes_and_takes_its_extension_from_the_content():
    clean = clean_upload(upload("buoi-tiep.bin", MP4, "application/octet-stream"), RECORDING)
    assert (clean.data, clean.name, clean.content_type) == (MP4, "buoi-tiep.mp4", "video/mp4")


def test_a_pdf_passes_through_unchanged():
    assert clean_upload(upload("bien-ban.pdf", PDF, "application/pdf"), SCAN).data == PDF


def test_the_name_follows_the_content_not_the_client():
    clean = clean_upload(upload("anh.pdf", gps_photo(), "application/pdf"), EVIDENCE)
    assert (clean.name, clean.content_type) == ("anh.jpg", "image/jpeg")


def test_each_use_has_its_own_types():
    """A recording is not a scan, and a WebP photo is not directive evidence."""
    with pytest.raises(DomainError, match=r"allowed: JPEG, PDF, PNG"):
        clean_upload(upload("ghi-hinh.mp4", MP4, "video/mp4"), SCAN)
    with pytest.raises(DomainError, match="Attach a PDF, Word, Excel, JPEG or PNG file."):
        clean_upload(upload("anh.webp", gps_photo("WEBP"), "image/webp"), EVIDENCE)


def test_each_use_has_its_own_size_limit_and_wording():
    big_pdf = PDF + bytes(10 * MB)
    with pytest.raises(DomainError) as err:
        clean_upload(
            upload("bien-ban.pdf", big_pdf, "application/pdf"), replace(SCAN, max_bytes=MB)
        )
    assert err.value.field == "scan"
    assert err.value.message == "“bien-ban.pdf” is larger than 1 MB."
    with pytest.raises(DomainError, match="“a.pdf” is larger than 10 MB."):
        clean_upload(upload("a.pdf", big_pdf), ATTACHMENT)
    assert clean_upload(upload("a.pdf", big_pdf), EVIDENCE).data == big_pdf


def test_a_truncated_picture_is_refused():
    broken = gps_photo()[:200]
    with pytest.raises(DomainError, match="could not be read as a picture") as err:
        clean_upload(upload("anh.jpg", broken), EVIDENCE)
    assert err.value.field == "evidence"


def test_it_reads_from_the_start_even_after_an_earlier_read():
    f = upload("bien-ban.pdf", PDF, "application/pdf")
    f.read(4)
    assert clean_upload(f, SCAN).data == PDF


def test_case_attachments_keep_their_count_limit_and_wording():
    files = [upload(f"a{i}.jpg", gps_photo()) for i in range(6)]
    with pytest.raises(DomainError, match="Attach at most 5 files.") as err:
        clean_uploads(files)
    assert err.value.field == "attachments"
    with pytest.raises(DomainError, match="is not a photo"):
        clean_uploads([upload("trang.jpg", HTML)])


def test_word_and_excel_evidence_pass_through():
    import docx
    import openpyxl

    document, workbook = io.BytesIO(), io.BytesIO()
    docx.Document().save(document)
    openpyxl.Workbook().save(workbook)
    for name, data in (("bao-cao.docx", document.getvalue()), ("so.xlsx", workbook.getvalue())):
        clean = clean_upload(upload(name, data, "application/octet-stream"), EVIDENCE)
        assert (clean.name, clean.data) == (name, data)
