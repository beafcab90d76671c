"""Small real files for upload tests: each opens in pypdf or Pillow, as uploads must."""

import io

from PIL import Image
from pypdf import PdfWriter


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_bytes(image_format: str, *, exif=None) -> bytes:
    """A 64 x 64 grey gradient: about a kilobyte, within the browser tests' 2 KB limit and
    over the 100-byte one of the too-large tests."""
    image = Image.linear_gradient("L").resize((64, 64)).convert("RGB")
    out = io.BytesIO()
    if exif is not None:
        image.save(out, format=image_format, exif=exif)
    else:
        image.save(out, format=image_format)
    return out.getvalue()


PDF = pdf_bytes()
JPEG = image_bytes("JPEG")
PNG = image_bytes("PNG")
