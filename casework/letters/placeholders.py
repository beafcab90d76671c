"""The placeholder language of letter templates: plain text with `{{ name }}` and nothing else.

Templates are edited by staff in the admin, so they are never Django templates: no tags, no
filters, no attribute lookups, nothing that could reach the database or run code. The body is
plain text: a blank line starts a new paragraph, a line starting with "# " is a heading, and a
placeholder on a paragraph of its own is filled with the element as paragraphs or a list.

Every value is escaped when rendered to HTML, and so is everything the template says around
it; a placeholder nothing fills is shown as typed (escaped), never dropped silently.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
LIST_BULLET = re.compile(r"^\s*(?:[-*•]\s+)")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names in `text`, in order, repeats included."""
    return PLACEHOLDER.findall(text or "")


def _normalise(text: str) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text: str) -> list[str]:
    return [part.strip("\n") for part in PARAGRAPH_BREAK.split(_normalise(text)) if part.strip()]


def list_items(text: str) -> list[str]:
    return [
        LIST_BULLET.sub("", line).strip() for line in _normalise(text).split("\n") if line.strip()
    ]


LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _lines_html(text: str) -> str:
    return LINE_BREAK.sub("<br>", escape(text))


def _value_block_html(value: str, kind: str) -> str:
    if kind == "list":
        items = list_items(value)
        if len(items) > 1:
            return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
        return "".join(f"<p>{escape(item)}</p>" for item in items)
    return "".join(f"<p>{_lines_html(part)}</p>" for part in paragraphs(value))


def _value_block_text(value: str, kind: str) -> str:
    if kind == "list":
        items = list_items(value)
        if len(items) > 1:
            return "\n".join(f"- {item}" for item in items)
        return "\n".join(items)
    return "\n\n".join(paragraphs(value))


def _inline(text: str, values: dict[str, str], *, html: bool) -> str:
    """Fill the placeholders in a run of text. Unknown placeholders stay as typed."""
    out = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        literal = text[position : match.start()]
        out.append(_lines_html(literal) if html else literal)
        name = match.group(1)
        if name in values:
            value = _normalise(str(values[name] or "")).strip()
            out.append(_lines_html(value) if html else value)
        else:
            out.append(escape(match.group(0)) if html else match.group(0))
        position = match.end()
    rest = text[position:]
    out.append(_lines_html(rest) if html else rest)
    return "".join(out)


def _whole_placeholder(paragraph: str) -> str | None:
    match = PLACEHOLDER.fullmatch(paragraph.strip())
    return match.group(1) if match else None


def render_html(
    template: str, values: dict[str, str], kinds: dict[str, str] | None = None
) -> SafeString:
    """The template as HTML paragraphs, headings and lists, every value escaped."""
    kinds = kinds or {}
    blocks = []
    for paragraph in paragraphs(template):
        name = _whole_placeholder(paragraph)
        if name is not None and name in values:
            blocks.append(_value_block_html(str(values[name] or ""), kinds.get(name, "text")))
        elif paragraph.lstrip().startswith("# "):
            heading = paragraph.lstrip()[2:].strip()
            blocks.append(f"<h2>{_inline(heading, values, html=True)}</h2>")
        else:
            blocks.append(f"<p>{_inline(paragraph, values, html=True)}</p>")
    # Safe: every piece of text above went through escape().
    return mark_safe("\n".join(block for block in blocks if block))  # noqa: S308


def render_text(template: str, values: dict[str, str], kinds: dict[str, str] | None = None) -> str:
    """The same letter as plain text, for the email body and for reading-ease."""
    kinds = kinds or {}
    blocks = []
    for paragraph in paragraphs(template):
        name = _whole_placeholder(paragraph)
        if name is not None and name in values:
            blocks.append(_value_block_text(str(values[name] or ""), kinds.get(name, "text")))
        elif paragraph.lstrip().startswith("# "):
            blocks.append(_inline(paragraph.lstrip()[2:].strip(), values, html=False))
        else:
            blocks.append(_inline(paragraph, values, html=False))
    return "\n\n".join(block for block in blocks if block.strip())


def render_line(template: str, values: dict[str, str]) -> str:
    """A one-line template (the subject) as plain text, on one line."""
    return " ".join(_inline(template or "", values, html=False).split())
