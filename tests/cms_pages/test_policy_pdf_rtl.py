"""The Urdu translation of the policy as a tagged PDF (issue 7): right to left, in fonts that
have the Arabic script's glyphs (Debian's fonts-noto-core), text that can be extracted."""

import io
import shutil
import subprocess

import pypdf
import pytest
from PIL import Image

from cms_pages.models import PolicyPage

pytestmark = pytest.mark.django_db


def pdf_of(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def fonts(reader: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def title_ink(data: bytes, folder) -> tuple[float, float]:
    """Where the title's ink starts and ends across the first page, as fractions of its
    width (rendered with pdftoppm, as a reader's viewer would)."""
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (Debian's poppler-utils) is needed to render the PDF"
    source, target = folder / "policy.pdf", folder / "page"
    source.write_bytes(data)
    subprocess.run(  # noqa: S603 - our own PDF, to a program found on the PATH
        [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", source, target],
        check=True,
    )
    png = (folder / "page.png").read_bytes()
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    band = image.crop((0, int(height * 0.12), width, int(height * 0.19)))
    box = band.point(lambda value: 255 if value < 128 else 0).getbbox()
    assert box is not None, "no title on the first page"
    return box[0] / width, box[2] / width


def test_the_urdu_policy_pdf_reads_right_to_left_in_arabic_script_fonts(
    client, translated_demo_site, tmp_path
):
    urdu = PolicyPage.objects.get(locale__language_code="ur")
    data = pdf_of(client, "/ur/complaints-policy/pdf/")
    reader = pypdf.PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "ur"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    text = "\n".join(page.extract_text() for page in reader.pages)
    # The glyphs are real Urdu text, not boxes: the words come back out of the PDF.
    assert urdu.title in text
    assert urdu.sections[0].value["heading"] in text
    assert any(name.startswith("Noto-Sans-Arabic") for name in fonts(reader)), fonts(reader)

    # Right to left: the Urdu title is set against the right margin, the English one against
    # the left.
    start, end = title_ink(data, tmp_path)
    assert start > 0.4 and end > 0.8, (start, end)
    start, end = title_ink(pdf_of(client, "/complaints-policy/pdf/"), tmp_path)
    assert start < 0.2, (start, end)
