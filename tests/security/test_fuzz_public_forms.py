"""Property-based fuzzing of the public forms: whatever a visitor posts to the complaint
journey, following a case, asking for another format or switching language, the answer is
never a server error. Bounded (max_examples) and derandomized, so CI runs the same examples."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.portal.test_raise_case import CONTACT, KIND, PREFERENCES, WHAT, WHO, answer

pytestmark = pytest.mark.django_db

COMPLAIN = "/complain/"
TARGETS = [
    *(
        COMPLAIN + step
        for step in [
            "who/",
            "about-you/",
            "about-the-resident/",
            "what-you-want-to-do/",
            "what-happened/",
            "support/",
            "contact-details/",
            "keeping-in-touch/",
            "check-your-answers/",
        ]
    ),
    "/cy/complain/what-happened/",
    "/follow/",
    "/ur/follow/",
    "/another-format/",
    "/i18n/setlang/",
]
FIELDS = sorted(
    {
        *WHO,
        *KIND,
        *WHAT,
        *CONTACT,
        *PREFERENCES,
        "email",
        "language",
        "next",
        "action",
        "remove",
        "token",
        "website",
        "phone",
        "format",
        "details",
        "address",
    }
)
HEADS = [b"", b"%PDF-1.7\n", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"\x00\x00\x00\x18ftypheic"]

values = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["", "0", "-1", "99999999999", "yes", "no", "myself", "complaint", "email"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
)
uploads = st.builds(
    lambda head, body, name: SimpleUploadedFile(name or "f", head + body),
    st.sampled_from(HEADS),
    st.binary(max_size=200),
    st.text(min_size=0, max_size=30).filter(lambda n: "\x00" not in n and "/" not in n),
)
form_data = st.dictionaries(
    st.one_of(st.sampled_from(FIELDS), st.text(min_size=1, max_size=12)),
    st.one_of(values, st.lists(values, max_size=3)),
    max_size=8,
)


def test_the_public_forms_never_answer_with_a_server_error(demo_site):
    client = Client(raise_request_exception=False)
    answer(client)  # every step of the journey open, as for a resident half-way through

    @settings(
        max_examples=120,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        target=st.sampled_from(TARGETS),
        data=form_data,
        files=st.lists(uploads, max_size=2),
        address=st.sampled_from(["192.0.2.1", "192.0.2.2", "2001:db8::1"]),
    )
    def post_anything(target, data, files, address):
        payload = {key: value for key, value in data.items() if "\x00" not in key}
        if files:
            payload["files"] = files
        response = client.post(target, payload, REMOTE_ADDR=address)
        assert response.status_code < 500, (target, payload, response.status_code)

    post_anything()
