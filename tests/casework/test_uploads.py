"""The checks every file on a case passes, whoever sends it: by what it contains, and by size."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casework import uploads
from tests.support.files import PDF


@pytest.mark.parametrize(
    "head, expected",
    [
        (b"\xff\xd8\xff\xe0rest", uploads.JPEG),
        (b"\x89PNG\r\n\x1a\nrest", uploads.PNG),
        (b"%PDF-1.7\n", uploads.PDF),
        (b"\x00\x00\x00\x18ftypheic", uploads.HEIC),
        (b"\x00\x00\x00\x18ftypisom", None),  # an MP4 video
        (b"MZ\x90\x00", None),  # a Windows program
        (b"<html>", None),
        (b"", None),
    ],
)
def test_sniff_reads_the_first_bytes(head, expected):
    assert uploads.sniff(head) == expected


def test_sniff_file_leaves_the_file_to_be_read_from_the_start():
    uploaded = SimpleUploadedFile("a.pdf", PDF)
    assert uploads.sniff_file(uploaded) == uploads.PDF
    assert uploaded.read() == PDF


def test_the_name_loses_any_folder():
    assert uploads.display_name("C:\\Users\\me\\photo.jpg") == "photo.jpg"
    assert uploads.display_name("../../etc/passwd") == "passwd"
    assert uploads.display_name("") == "Unnamed file"


def test_problems_in_plain_words(settings):
    settings.REDRESS_UPLOAD_MAX_BYTES = 10
    empty = SimpleUploadedFile("empty.pdf", b"")
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"\x00" * 20)
    fine = SimpleUploadedFile("fine.pdf", b"%PDF-1.7")
    assert uploads.problem(empty, uploads.PDF).startswith("empty.pdf is empty.")
    assert uploads.problem(big, uploads.PDF) == "big.pdf must be smaller than 10\xa0bytes."
    assert uploads.problem(fine, None).startswith("fine.pdf must be a JPG, PNG, HEIC or PDF file.")
    assert uploads.problem(fine, uploads.PDF) is None


def test_sizes_read_as_gov_uk_writes_them():
    assert uploads.size_text(10 * 1024 * 1024) == "10MB"
    assert uploads.size_text(1536) == "1.5\xa0KB"
