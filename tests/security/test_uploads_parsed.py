"""Uploads are judged by a real parser, kept under the extension of what they really are, and
images lose their metadata (a phone photo's location is personal data)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from casework import uploads
from tests.support.files import PDF, image_bytes

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
GPS_IFD = 0x8825


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def phone_photo() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: turn 90 degrees to show
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 40.0)})
    return image_bytes("JPEG", exif=exif)


@pytest.mark.parametrize("name", ["evil.html", "evil.exe", "evil.pdf"])
def test_a_pdf_header_over_html_is_refused(name):
    uploaded = upload(name, b"%PDF-1.7\n" + HTML * 20)
    assert uploads.sniff_file(uploaded) is None
    assert uploads.problem(uploaded, uploads.sniff_file(uploaded)).startswith(
        f"{name} must be a JPG, PNG, HEIC or PDF file."
    )


@pytest.mark.parametrize("head", [b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", b"\x89PNG\r\n\x1a\n"])
def test_an_image_header_over_anything_else_is_refused(head):
    assert uploads.sniff_file(upload("photo.jpg", head + HTML * 20)) is None


def test_a_real_pdf_named_html_is_kept_as_pdf():
    checked = uploads.file_check(upload("evil.html", PDF))
    assert checked.content_type == uploads.PDF
    assert checked.name == "evil.pdf"
    assert checked.content == PDF


@pytest.mark.parametrize(
    "name, expected",
    [("photo", "photo.jpg"), ("photo.png", "photo.jpg"), (".htaccess", ".htaccess.jpg")],
)
def test_an_image_is_named_for_what_it_is(name, expected):
    assert uploads.file_check(upload(name, image_bytes("JPEG"))).name == expected


def test_a_phone_photo_loses_its_location_and_keeps_its_orientation():
    original = phone_photo()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD), "the photo has GPS"
    checked = uploads.file_check(upload("IMG_0001.jpg", original))
    assert checked.content_type == uploads.JPEG
    kept = Image.open(io.BytesIO(checked.content))
    assert not kept.getexif(), "no EXIF at all: no location, no maker"
    assert b"PhoneMaker" not in checked.content
    assert kept.size == (64, 64)
    assert kept.format == "JPEG"


def test_a_png_loses_its_text_chunks():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "home address 1 High Street")
    image = Image.linear_gradient("L")
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    checked = uploads.file_check(upload("scan.png", out.getvalue()))
    assert checked.content_type == uploads.PNG
    assert b"High Street" not in checked.content
