"""What each letter must contain (issue 5; Code 2.4, 2.5, 3.4, 3.7, 5.6, 5.9, 5.11, 6.2-6.5,
6.9, 6.11-6.19), the placeholder language of templates, and the reading-ease figure: pure
functions, tested without a database."""

import pytest

from casework.letters import (
    ELEMENTS,
    LETTER_SPECS,
    LetterType,
    allowed_placeholders,
    letter_problems,
    template_problems,
)
from casework.letters.defaults import DEFAULT_LETTER_TEMPLATES
from casework.letters.placeholders import placeholders_in, render_html, render_line, render_text
from casework.letters.readability import flesch_reading_ease, readability, sentence_count, syllables

T = LetterType

# Each type's required elements, and the provision each message must cite.
EXPECTED = {
    T.STAGE1_ACKNOWLEDGEMENT: {
        "stage": "6.2",
        "complaint_definition": "5.6",
        "response_date": "6.3",
        "policy_link": "3.4",
        "ombudsman": "3.7",
    },
    T.STAGE2_ACKNOWLEDGEMENT: {
        "stage": "6.11",
        "complaint_definition": "5.6",
        "response_date": "6.14",
        "policy_link": "3.4",
        "ombudsman": "3.7",
    },
    T.EXTENSION: {"extension_reason": "6.4", "new_response_date": "6.4", "ombudsman": "6.5"},
    T.STAGE1_RESPONSE: {
        "stage": "6.9a",
        "complaint_definition": "6.9b",
        "decision": "6.9c",
        "reasons": "6.9d",
        "remedies": "6.9e",
        "outstanding_actions": "6.9f",
        "escalation": "6.9g",
    },
    T.STAGE2_RESPONSE: {
        "stage": "6.19a",
        "complaint_definition": "6.19b",
        "decision": "6.19c",
        "reasons": "6.19d",
        "remedies": "6.19e",
        "outstanding_actions": "6.19f",
        "escalation": "6.19g",
        "ombudsman": "6.19",
    },
    T.REFUSAL_TO_ACCEPT: {
        "refusal_reason": "2.2",
        "refusal_explanation": "2.5",
        "ombudsman_review": "2.4",
        "ombudsman": "2.4",
    },
    T.REFUSAL_TO_ESCALATE: {
        "refusal_reason": "5.11",
        "refusal_explanation": "2.5",
        "ombudsman_review": "2.4",
        "ombudsman": "2.4",
    },
    T.UPDATE: {"progress": "5.9", "response_date": "5.9", "next_update_date": "5.9"},
    T.CLARIFICATION: {
        "complaint_definition": "5.6",
        "clarification_questions": "5.6",
        "reply_by": "5.6",
    },
}

# The words each missing-element message must use to name what is missing.
NAMES = {
    "stage": "The stage is missing",
    "complaint_definition": "The complaint definition is missing",
    "decision": "The decision is missing",
    "reasons": "The reasons for the decision are missing",
    "remedies": "The remedy is missing",
    "outstanding_actions": "The outstanding actions are missing",
    "escalation": "How to escalate is missing",
    "ombudsman": "The Ombudsman's contact details are missing",
    "response_date": "The response date is missing",
    "policy_link": "The link to our complaints policy is missing",
    "extension_reason": "The reason for the extension is missing",
    "new_response_date": "The new response date is missing",
    "refusal_reason": "The reason in our policy is missing",
    "refusal_explanation": "Why the reason applies to this complaint is missing",
    "ombudsman_review": "The right to ask the Ombudsman to review our decision is missing",
    "progress": "The update is missing",
    "next_update_date": "The date of the next update is missing",
    "clarification_questions": "What we need to know is missing",
    "reply_by": "The date to reply by is missing",
}


def complete(letter_type) -> dict[str, str]:
    return {key: f"Some words for {key}." for key in LETTER_SPECS[letter_type].element_keys}


def test_every_letter_type_has_a_spec_and_a_default_template():
    assert set(LETTER_SPECS) == set(LetterType.values) == set(EXPECTED)
    assert set(DEFAULT_LETTER_TEMPLATES) == set(LetterType.values)


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_each_type_requires_exactly_its_elements(letter_type):
    required = {r.key: r.provision for r in LETTER_SPECS[letter_type].required}
    assert required == EXPECTED[letter_type]


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_a_complete_letter_has_no_problems(letter_type):
    assert letter_problems(letter_type, complete(letter_type)) == []


@pytest.mark.parametrize(
    ("letter_type", "key"),
    [(letter_type, key) for letter_type, keys in EXPECTED.items() for key in keys],
)
@pytest.mark.parametrize("blank", ["", "   \n ", None])
def test_each_missing_element_is_named_with_its_provision(letter_type, key, blank):
    elements = complete(letter_type)
    elements[key] = blank
    problems = letter_problems(letter_type, elements)
    assert len(problems) == 1
    assert problems[0].startswith(NAMES[key])
    assert f"(Code {EXPECTED[letter_type][key]})." in problems[0]


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_an_empty_letter_names_every_missing_element(letter_type):
    problems = letter_problems(letter_type, {})
    assert len(problems) == len(EXPECTED[letter_type])
    for key in EXPECTED[letter_type]:
        assert any(p.startswith(NAMES[key]) for p in problems)


def test_escalation_means_stage_2_after_stage_1_and_the_ombudsman_after_stage_2():
    stage1 = letter_problems(T.STAGE1_RESPONSE, {**complete(T.STAGE1_RESPONSE), "escalation": ""})
    stage2 = letter_problems(T.STAGE2_RESPONSE, {**complete(T.STAGE2_RESPONSE), "escalation": ""})
    assert "stage 2" in stage1[0] and "no reason" in stage1[0]
    assert "final response" in stage2[0] and "Ombudsman" in stage2[0]


def test_optional_elements_are_not_required():
    elements = complete(T.STAGE1_ACKNOWLEDGEMENT)
    elements["responsibility"] = ""
    assert letter_problems(T.STAGE1_ACKNOWLEDGEMENT, elements) == []


def test_an_unknown_letter_type_is_a_problem():
    assert letter_problems("stage3_response", {}) == ["Choose which letter to write."]


# Templates


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_the_default_templates_pass_their_own_validation(letter_type):
    subject, body = DEFAULT_LETTER_TEMPLATES[letter_type]
    assert template_problems(letter_type, subject, body) == {}


@pytest.mark.parametrize(
    ("letter_type", "key"),
    [(letter_type, key) for letter_type, keys in EXPECTED.items() for key in keys],
)
def test_a_template_without_a_required_placeholder_names_it(letter_type, key):
    subject, body = DEFAULT_LETTER_TEMPLATES[letter_type]
    body = body.replace("{{ %s }}" % key, "")  # noqa: UP031
    problems = template_problems(letter_type, subject, body)
    assert list(problems) == ["body"]
    assert len(problems["body"]) == 1
    assert problems["body"][0].startswith("Put {{ %s }} back in the letter." % key)  # noqa: UP031
    assert f"(Code {EXPECTED[letter_type][key]})" in problems["body"][0]


def test_a_placeholder_in_the_subject_does_not_count_as_in_the_letter():
    _subject, body = DEFAULT_LETTER_TEMPLATES[T.EXTENSION]
    problems = template_problems(
        T.EXTENSION, "New date {{ new_response_date }}", body.replace("{{ new_response_date }}", "")
    )
    assert "body" in problems


def test_a_template_with_an_unknown_placeholder_is_refused():
    _subject, body = DEFAULT_LETTER_TEMPLATES[T.UPDATE]
    problems = template_problems(T.UPDATE, "{{ nonsense }}", body + "\n\n{{ decision }}")
    assert problems["subject"][0].startswith("{{ nonsense }} is not something")
    # A stage response's element, but not an update's.
    assert problems["body"][0].startswith("{{ decision }} is not something")
    assert "{{ progress }}" in problems["body"][0]


def test_spacing_inside_the_braces_does_not_matter():
    subject, body = DEFAULT_LETTER_TEMPLATES[T.UPDATE]
    body = body.replace("{{ progress }}", "{{progress}}")
    assert template_problems(T.UPDATE, subject, body) == {}


def test_allowed_placeholders_are_the_furniture_and_the_types_elements():
    allowed = allowed_placeholders(T.EXTENSION)
    assert {"reference", "resident_name", "extension_reason", "stage"} <= set(allowed)
    assert "decision" not in allowed
    assert set(allowed) - {
        "reference",
        "resident_name",
        "landlord_name",
        "letter_date",
        "phone",
        "email",
    } <= set(ELEMENTS)


# Rendering


def test_placeholders_are_found_in_order_with_repeats():
    assert placeholders_in("{{ a }} and {{b}} and {{ a }}, not { c } or {% d %}") == ["a", "b", "a"]


def test_values_and_the_templates_own_words_are_escaped():
    html = render_html(
        "Dear {{ name }} <b>&</b>\n\n{{ reasons }}",
        {"name": "<script>alert(1)</script>", "reasons": 'Said "no" & left'},
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html
    assert "<p>Said &quot;no&quot; &amp; left</p>" in html


def test_an_unknown_placeholder_is_shown_as_typed_and_escaped():
    html = render_html("Hello {{ unknown }} {{ name }}", {"name": "Ann"})
    assert html == "<p>Hello {{ unknown }} Ann</p>"
    assert render_text("Hello {{ unknown }}", {}) == "Hello {{ unknown }}"


def test_template_tags_are_just_text():
    html = render_html("{% load evil %}{{ name|upper }}", {"name": "x"})
    assert html == "<p>{% load evil %}{{ name|upper }}</p>"


def test_paragraphs_headings_lists_and_line_breaks():
    template = "# What happens\n\nLine one\nline two\n\n{{ remedies }}\n\n{{ ombudsman }}"
    values = {
        "remedies": "- Apology: sorry\n- Repair: by 3 March",
        "ombudsman": "Housing Ombudsman\nPO Box 152",
    }
    kinds = {"remedies": "list", "ombudsman": "lines"}
    assert render_html(template, values, kinds) == (
        "<h2>What happens</h2>\n<p>Line one<br>line two</p>\n"
        "<ul><li>Apology: sorry</li><li>Repair: by 3 March</li></ul>\n"
        "<p>Housing Ombudsman<br>PO Box 152</p>"
    )
    assert render_text(template, values, kinds) == (
        "What happens\n\nLine one\nline two\n\n- Apology: sorry\n- Repair: by 3 March\n\n"
        "Housing Ombudsman\nPO Box 152"
    )


def test_a_one_item_list_is_a_paragraph_and_an_empty_optional_element_disappears():
    html = render_html(
        "{{ remedies }}\n\n{{ responsibility }}\n\nEnd",
        {"remedies": "An apology.", "responsibility": ""},
        {"remedies": "list"},
    )
    assert html == "<p>An apology.</p>\n<p>End</p>"


def test_a_multi_paragraph_value_keeps_its_paragraphs():
    html = render_html("{{ reasons }}", {"reasons": "First.\r\n\r\nSecond."})
    assert html == "<p>First.</p><p>Second.</p>"


def test_the_subject_is_one_line():
    assert render_line("Your complaint {{ reference }}\n", {"reference": "CMP-1"}) == (
        "Your complaint CMP-1"
    )


# Reading ease (Flesch), as guidance


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("the", 1),
        ("make", 1),
        ("booked", 1),
        ("fixed", 1),
        ("wanted", 2),
        ("table", 2),
        ("repair", 2),
        ("people", 2),
        ("being", 2),
        ("complaint", 2),
        ("ceiling", 2),
        ("housing", 2),
        ("outstanding", 3),
        ("ombudsman", 3),
        ("decision", 3),
        ("period", 3),
        ("area", 3),
        ("definition", 4),
        ("investigation", 5),
    ],
)
def test_syllables(word, count):
    assert syllables(word) == count


def test_sentences_end_with_a_stop_or_a_line():
    assert sentence_count("One. Two! Three?") == 3
    assert sentence_count("# A heading\nA sentence.\n- an item") == 3
    assert sentence_count("Dr. Who") == 2  # a guide, not a grammar
    assert sentence_count("") == 1


def test_flesch_reading_ease_matches_the_formula():
    # 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1
    assert flesch_reading_ease("The cat sat on the mat.") == 116.1
    assert flesch_reading_ease("") is None
    assert flesch_reading_ease("12 3") is None


def test_plain_words_score_higher_than_officialese():
    plain = readability("We are sorry. We will fix your roof by Friday.")
    official = readability(
        "Notwithstanding the aforementioned considerations, the organisation's investigation "
        "determined that remediation necessitates comprehensive consultation."
    )
    assert plain.is_plain and plain.band == "Easy to read"
    assert not official.is_plain and official.band == "Very hard to read"
    assert plain.words == 10 and plain.sentences == 2
