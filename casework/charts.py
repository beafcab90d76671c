"""Charts as server-rendered SVG (issue 6), always shown next to a table of the same figures.

The SVG is an image with a text alternative (`role="img"`, `<title>`, `<desc>` listing every
value), drawn in the page's text colour and one brand colour, with each value written at the end
of its bar so nothing depends on colour alone. No JavaScript; it prints and scales.
"""

from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

TEXT = "#0b0c0c"
BAR = "#1d70b8"  # 5.2:1 on white
GRID = "#b1b4b6"
# Presentation attributes rather than a style attribute, which the Content-Security-Policy refuses.
FONT = 'font-family="Arial,Helvetica,sans-serif" font-size="14"'


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str = ""  # how the value is written; defaults to the number

    @property
    def text(self) -> str:
        if self.shown:
            return self.shown
        return f"{self.value:g}" if isinstance(self.value, float) else str(self.value)


def _shortened(label: str, most: int) -> str:
    """A label that fits its room: cut at `most` characters with an ellipsis. (The full label
    is always in the chart's description and in the table beside it.)"""
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


def _description(bars: list[Bar]) -> str:
    return "; ".join(f"{bar.label}: {bar.text}" for bar in bars)


def bar_chart(title: str, bars: list[Bar], *, chart_id: str, width: int = 640) -> SafeString:
    """Horizontal bars, one per category, longest scale from the largest value."""
    # 14px Arial is about 7px a character: 36 characters fit the label room.
    row, gap, label_width, value_room = 28, 10, 280, 70
    height = max(1, len(bars)) * (row + gap) + gap
    largest = max((bar.value for bar in bars), default=0) or 1
    scale = (width - label_width - value_room) / largest
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="redress-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_description(bars) or _("No figures"))}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = gap + index * (row + gap)
        length = max(0.0, bar.value * scale)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + row * 0.68:.1f}" text-anchor="end" '
            f'fill="{TEXT}">{escape(_shortened(bar.label, 36))}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{row}" fill="{BAR}"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + row * 0.68:.1f}" '
            f'fill="{TEXT}">{escape(bar.text)}</text>'
        )
    parts.append(
        f'<line x1="{label_width}" y1="0" x2="{label_width}" y2="{height}" stroke="{GRID}"/>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def column_chart(title: str, bars: list[Bar], *, chart_id: str, height: int = 260) -> SafeString:
    """Vertical columns over time (months, quarters), labels under each column."""
    column, gap, top, bottom = 36, 12, 24, 44
    width = max(1, len(bars)) * (column + gap) + gap
    largest = max((bar.value for bar in bars), default=0) or 1
    scale = (height - top - bottom) / largest
    baseline = height - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="redress-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" {FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_description(bars) or _("No figures"))}</desc>',
        f'<line x1="0" y1="{baseline}" x2="{width}" y2="{baseline}" stroke="{GRID}"/>',
    ]
    for index, bar in enumerate(bars):
        x = gap + index * (column + gap)
        length = max(0.0, bar.value * scale)
        centre = x + column / 2
        parts.append(
            f'<rect x="{x}" y="{baseline - length:.1f}" width="{column}" '
            f'height="{length:.1f}" fill="{BAR}"/>'
        )
        parts.append(
            f'<text x="{centre:.1f}" y="{baseline - length - 6:.1f}" text-anchor="middle" '
            f'fill="{TEXT}">{escape(bar.text)}</text>'
        )
        # "Apr 2026" is wider than its column: the month, and the year under it.
        for line, words in enumerate(_shortened(bar.label, 12).split(" ", 1)):
            parts.append(
                f'<text x="{centre:.1f}" y="{baseline + 18 + line * 16}" text-anchor="middle" '
                f'fill="{TEXT}">{escape(words)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
