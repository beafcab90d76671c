"""Small rules the staff lists share."""

import pytest

from casework.selectors import shortened


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Replace the ceiling", "Replace the ceiling"),
        (
            "Complete the outstanding repair and check it with the resident by phone",
            "Complete the outstanding repair and check it with the…",
        ),
        ("A" * 70, "A" * 60 + "…"),  # one long word is cut where it must be
        ("Fix it,   then\nphone", "Fix it, then phone"),  # spaces and lines folded
        ("x" * 60, "x" * 60),  # exactly the limit
        (
            "Send the letter, the photos, and the report to the resident today please",
            "Send the letter, the photos, and the report to the resident…",
        ),
    ],
)
def test_shortened_at_a_whole_word(text, expected):
    assert shortened(text) == expected
    assert len(shortened(text)) <= 61
