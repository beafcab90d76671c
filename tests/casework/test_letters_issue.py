"""Issuing a letter (issue 5, Letters): refused while incomplete, rendered once to a tagged PDF
that is kept on the case and emailed, in the resident's language, in large print when needed."""

import datetime as dt
import io

import pypdf
import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from casework import services
from casework.choices import (
    AdjustmentKind,
    ConsentBasis,
    ContactMethod,
    Decision,
    RemedyKind,
    RepresentativeType,
    Visibility,
)
from casework.letters import LetterType
from casework.letters.branding import LetterBranding
from casework.letters.defaults import DEFAULT_LETTER_TEMPLATES
from casework.letters.drafting import case_letter_problem, prefill_elements
from casework.letters.render import letter_html, letter_render, signature
from casework.models import (
    CaseDocument,
    Letter,
    LetterTemplate,
    OutboundEmail,
    TimelineEntry,
)
from casework.outbox import outbox_send_due
from casework.process import process_settings
from casework.services import TransitionRefused
from tests.factories import CaseFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

BRANDING = LetterBranding(
    landlord_name="Example Homes",
    address_lines=("1 Market Street", "Exampleton", "EX1 2AB"),
    phone="0300 555 0123",
    email="complaints@example-homes.org.uk",
    policy_url="https://example-homes.test/complaints/policy/",
)


def read_pdf(document: CaseDocument) -> pypdf.PdfReader:
    with document.file.open("rb") as handle:
        return pypdf.PdfReader(io.BytesIO(handle.read()))


def pdf_text(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def font_sizes(reader: pypdf.PdfReader) -> float:
    """The median size of the text on the first page, in points."""
    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.append(size * tm[0] * cm[0])

    reader.pages[0].extract_text(visitor_text=visit)
    return sorted(sizes)[len(sizes) // 2]


def drafted(case, letter_type) -> dict[str, str]:
    return prefill_elements(case, letter_type, branding=BRANDING, language="en-gb")


@pytest.fixture
def officer():
    return UserFactory(first_name="Olu", last_name="Officer")


@pytest.fixture
def answered(demo_site, officer):
    """A stage 1 complaint answered with a remedy and an outstanding action."""
    case = CaseFactory(acknowledged=True)
    services.remedy_add(
        case=case,
        actor=officer,
        kind=RemedyKind.APOLOGY,
        description="We apologise for the missed appointments.",
        due_on=dt.date.today() + dt.timedelta(days=7),
    )
    services.action_add(
        case=case,
        actor=officer,
        description="Replaster the bathroom ceiling.",
        owner=officer,
        due_on=dt.date.today() + dt.timedelta(days=21),
    )
    services.stage_respond(
        case=case,
        actor=officer,
        decision=Decision.PARTLY_UPHELD,
        reasons="The first visit was missed. The second visit fixed the leak.",
        actions_confirmed=True,
    )
    case.refresh_from_db()
    return case


def test_prefill_comes_from_the_record(answered):
    elements = drafted(answered, LetterType.STAGE1_RESPONSE)
    assert "bathroom ceiling leaks" in elements["complaint_definition"]
    assert "You told us you would like: Repair the leak" in elements["complaint_definition"]
    assert elements["decision"].startswith("We have partly upheld your complaint.")
    assert elements["reasons"] == "The first visit was missed. The second visit fixed the leak."
    assert elements["remedies"].startswith("Apology: We apologise for the missed appointments.")
    assert "Replaster the bathroom ceiling. By " in elements["outstanding_actions"]
    assert "stage 2" in elements["escalation"]
    assert elements["stage"].startswith("Your complaint is at stage 1")


def test_issuing_stores_one_pdf_a_letter_a_timeline_entry_and_an_email(answered, officer):
    documents_before = CaseDocument.objects.count()
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    assert CaseDocument.objects.count() == documents_before + 1
    document = letter.document
    assert document.visibility == Visibility.RESIDENT
    assert document.content_type == "application/pdf"
    assert document.original_name.startswith(answered.reference)
    assert letter.large_print_document is None
    assert letter.language == "en-gb"
    assert letter.subject == f"Our answer to your complaint {answered.reference}"
    assert letter.elements["reasons"].startswith("The first visit was missed")
    assert document.correspondence.subject == letter.subject

    entry = TimelineEntry.objects.get(case=answered, event="letter_issued")
    assert entry.visibility == Visibility.RESIDENT
    assert entry.summary == f"Letter sent: {letter.subject}"
    assert entry.data["document"] == document.pk

    email = OutboundEmail.objects.get(case=answered, purpose="letter_stage1_response")
    assert email.to == [answered.resident.email]
    assert email.attachment_ids == [document.pk]
    assert "Our answer to your complaint" in email.body_text
    assert "The first visit was missed" in email.body_text

    # Sent with the exact stored PDF attached.
    outbox_send_due()
    sent = [m for m in mail.outbox if m.subject == letter.subject]
    assert len(sent) == 1
    _name, content, mimetype = sent[0].attachments[0]
    assert mimetype == "application/pdf"
    with document.file.open("rb") as handle:
        assert content == handle.read()


def test_the_pdf_is_tagged_has_the_language_and_contains_every_element(answered, officer):
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    reader = read_pdf(letter.document)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert str(catalog["/Lang"]).lower() == "en-gb"
    text = pdf_text(reader)
    assert answered.reference in text
    assert "Page 1 of" in text
    for value in letter.elements.values():
        first_line = " ".join(value.splitlines()[0].split())
        assert first_line[:40] in text
    # Letters name no member of staff unless the landlord chooses to.
    assert "Olu" not in text and "Officer" not in text
    assert "The Complaints Team" in text


def test_a_stage_2_final_response_pdf_has_the_ombudsman_address(demo_site, officer):
    case = CaseFactory(stage2_responded=True)
    letter = services.letter_issue(
        case=case,
        letter_type=LetterType.STAGE2_RESPONSE,
        elements=drafted(case, LetterType.STAGE2_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    text = pdf_text(read_pdf(letter.document))
    for words in [
        "Your complaint is at stage 2",
        "The resident disagrees that the repair was completed",
        "We have not upheld your complaint",
        "Photographs show the repair was completed on time",
        "The repair was completed as promised",
        "There is nothing else for us to do",
        "This is our final answer",
        "Housing Ombudsman Service",
        "PO Box 152",
        "L33 7WQ",
        "0300 111 3000",
    ]:
        assert words in text


def test_refused_when_incomplete_naming_every_missing_element(answered, officer):
    elements = drafted(answered, LetterType.STAGE1_RESPONSE)
    elements.update(decision="", remedies="  ")
    with pytest.raises(TransitionRefused) as refused:
        services.letter_issue(
            case=answered,
            letter_type=LetterType.STAGE1_RESPONSE,
            elements=elements,
            actor=officer,
            branding=BRANDING,
        )
    assert len(refused.value.problems) == 2
    assert refused.value.problems[0].startswith("The decision is missing")
    assert refused.value.problems[1].startswith("The remedy is missing")
    assert not Letter.objects.exists()
    assert not OutboundEmail.objects.filter(purpose__startswith="letter_").exists()


def test_a_response_letter_follows_the_recorded_decision(demo_site, officer):
    case = CaseFactory(acknowledged=True)
    assert "Send stage 1 response" in case_letter_problem(LetterType.STAGE1_RESPONSE, case)
    with pytest.raises(TransitionRefused) as refused:
        services.letter_issue(
            case=case,
            letter_type=LetterType.STAGE1_RESPONSE,
            elements=dict.fromkeys(drafted(case, LetterType.STAGE1_RESPONSE), "x"),
            actor=officer,
            branding=BRANDING,
        )
    assert "Record the stage 1 decision first" in refused.value.problems[0]
    assert case_letter_problem(LetterType.STAGE1_ACKNOWLEDGEMENT, case) is None


@pytest.mark.parametrize(
    ("letter_type", "available_when"),
    [
        (LetterType.STAGE1_ACKNOWLEDGEMENT, "acknowledged"),
        (LetterType.STAGE1_RESPONSE, "responded"),
        (LetterType.STAGE2_ACKNOWLEDGEMENT, "stage2_acknowledged"),
        (LetterType.STAGE2_RESPONSE, "stage2_responded"),
        (LetterType.UPDATE, "acknowledged"),
        (LetterType.CLARIFICATION, "logged"),
    ],
)
def test_each_letter_becomes_available_when_the_record_has_what_it_reports(
    demo_site, letter_type, available_when
):
    life = [
        "logged",
        "acknowledged",
        "responded",
        "escalated",
        "stage2_acknowledged",
        "stage2_responded",
    ]
    for step in life:
        flags = {} if step == "logged" else {step: True}
        case = CaseFactory(**flags)
        problem = case_letter_problem(letter_type, case)
        if step == available_when:
            assert problem is None, step
        if life.index(step) < life.index(available_when):
            assert problem, step


def test_refusal_letters_need_the_refusal_recorded(demo_site, officer):
    case = CaseFactory()
    assert case_letter_problem(LetterType.REFUSAL_TO_ACCEPT, case)
    reason = process_settings().exclusion_reasons.first()
    services.complaint_refuse(
        case=case, actor=officer, exclusion_reason=reason, explanation="Court claim issued in May."
    )
    case.refresh_from_db()
    assert case_letter_problem(LetterType.REFUSAL_TO_ACCEPT, case) is None
    elements = drafted(case, LetterType.REFUSAL_TO_ACCEPT)
    assert elements["refusal_reason"].startswith(reason.title)
    assert elements["refusal_explanation"] == "Court claim issued in May."
    assert "Housing Ombudsman Service" in elements["ombudsman_review"]
    letter = services.letter_issue(
        case=case,
        letter_type=LetterType.REFUSAL_TO_ACCEPT,
        elements=elements,
        actor=officer,
        branding=BRANDING,
    )
    assert "Court claim issued in May." in pdf_text(read_pdf(letter.document))


def test_an_extension_notice_needs_the_extension_recorded(demo_site, officer):
    case = CaseFactory(acknowledged=True)
    assert case_letter_problem(LetterType.EXTENSION, case)
    services.stage_extend(
        case=case,
        actor=officer,
        working_days=5,
        reason="We are waiting for the roofer's report.",
        resident_told_on=dt.date.today(),
        ombudsman_details_given=True,
    )
    elements = drafted(case, LetterType.EXTENSION)
    assert elements["extension_reason"] == "We are waiting for the roofer's report."
    assert elements["new_response_date"]
    assert "PO Box 152" in elements["ombudsman"]
    services.letter_issue(
        case=case,
        letter_type=LetterType.EXTENSION,
        elements=elements,
        actor=officer,
        branding=BRANDING,
    )


def test_an_update_letter_is_the_agreed_update(demo_site, officer):
    case = CaseFactory(acknowledged=True)
    services.stage_agree_updates(case=case, actor=officer, interval_days=5)
    elements = drafted(case, LetterType.UPDATE)
    assert elements["next_update_date"] and elements["response_date"]
    elements["progress"] = "The roofer visited on Monday."
    services.letter_issue(
        case=case,
        letter_type=LetterType.UPDATE,
        elements=elements,
        actor=officer,
        branding=BRANDING,
    )
    assert case.timeline.filter(event="update_sent").count() == 1


def test_large_print_when_the_resident_has_that_adjustment(answered, officer):
    services.adjustment_record(
        person=answered.resident,
        actor=officer,
        kind=AdjustmentKind.LARGE_PRINT,
        detail="",
        agreed_on=dt.date.today(),
        next_review_on=dt.date.today() + dt.timedelta(days=365),
    )
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    large = letter.large_print_document
    assert large is not None and large.visibility == Visibility.RESIDENT
    assert large.original_name.endswith("large print.pdf")
    assert font_sizes(read_pdf(large)) > font_sizes(read_pdf(letter.document))
    email = OutboundEmail.objects.get(purpose="letter_stage1_response")
    assert email.attachment_ids == [letter.document.pk, large.pk]
    assert "large-print copy" in email.body_text


def test_the_large_print_html_is_marked_large_print(answered):
    template = LetterTemplate.objects.get(letter_type=LetterType.STAGE1_RESPONSE, language="en-gb")
    rendered = letter_render(
        case=answered,
        template=template,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        branding=BRANDING,
        signed_by=["The Complaints Team"],
    )
    assert 'class="large-print"' in letter_html(rendered, large_print=True)
    assert 'class="large-print"' not in letter_html(rendered)


def test_html_typed_into_the_case_is_escaped_in_the_letter(answered):
    template = LetterTemplate.objects.get(letter_type=LetterType.STAGE1_RESPONSE, language="en-gb")
    elements = drafted(answered, LetterType.STAGE1_RESPONSE)
    elements["reasons"] = '<img src="https://evil.test/x.png"> & <script>x()</script>'
    rendered = letter_render(
        case=answered,
        template=template,
        elements=elements,
        branding=BRANDING,
        signed_by=["The Complaints Team"],
    )
    html = letter_html(rendered)
    assert "<script>" not in html and '<img src="https://evil' not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html


def test_the_resident_language_is_used_when_a_template_exists(answered, officer):
    _subject, body = DEFAULT_LETTER_TEMPLATES[LetterType.STAGE1_RESPONSE]
    # Migration 0010 made a Welsh template already: this one replaces it.
    LetterTemplate.objects.update_or_create(
        letter_type=LetterType.STAGE1_RESPONSE,
        language="cy",
        defaults={
            "subject": "Ein hateb i'ch cwyn {{ reference }}",
            "body": body.replace("Dear", "Annwyl"),
        },
    )
    answered.resident.preferred_language = "cy"
    answered.resident.save()
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    assert letter.language == "cy"
    assert letter.subject.startswith("Ein hateb")
    reader = read_pdf(letter.document)
    assert str(reader.trailer["/Root"]["/Lang"]) == "cy"
    assert "Annwyl" in pdf_text(reader)


def test_english_when_there_is_no_template_in_the_residents_language(answered, officer):
    answered.resident.preferred_language = "ur"
    answered.resident.save()
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    assert letter.language == "en-gb"
    assert letter.subject.startswith("Our answer")


def test_letters_by_post_are_recorded_and_flagged_for_posting(answered, officer):
    resident = answered.resident
    resident.preferred_contact_method = ContactMethod.LETTER
    resident.save()
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    assert not OutboundEmail.objects.filter(purpose__startswith="letter_").exists()
    assert letter.sent_to[0]["by"] == "post"
    entry = TimelineEntry.objects.get(case=answered, event="letter_to_post")
    assert entry.visibility == Visibility.INTERNAL
    assert "Print and post this letter" in entry.summary
    assert "10 River Road" in entry.summary
    assert "They asked for letters by post." in entry.summary
    assert letter.document.visibility == Visibility.RESIDENT


def test_a_representative_with_consent_gets_a_copy_and_one_awaiting_it_does_not(demo_site, officer):
    representative = PersonFactory(full_name="Cllr Rep", email="cllr@example.net")
    case = CaseFactory(
        acknowledged=True,
        representative=representative,
        representative_type=RepresentativeType.COUNCILLOR,
    )
    assert case.consent_basis == ConsentBasis.DEEMED
    services.letter_issue(
        case=case,
        letter_type=LetterType.STAGE1_ACKNOWLEDGEMENT,
        elements=drafted(case, LetterType.STAGE1_ACKNOWLEDGEMENT),
        actor=officer,
        branding=BRANDING,
    )
    emails = OutboundEmail.objects.filter(purpose="letter_stage1_acknowledgement")
    assert sorted(address for email in emails for address in email.to) == sorted(
        [case.resident.email, "cllr@example.net"]
    )
    copy = emails.get(to=["cllr@example.net"])
    assert "You are getting a copy because you act for them" in copy.body_text

    awaiting = CaseFactory(
        acknowledged=True,
        representative=PersonFactory(email="solicitor@example.net"),
        representative_type=RepresentativeType.SOLICITOR,
    )
    assert awaiting.consent_basis == ConsentBasis.AWAITING
    services.letter_issue(
        case=awaiting,
        letter_type=LetterType.STAGE1_ACKNOWLEDGEMENT,
        elements=drafted(awaiting, LetterType.STAGE1_ACKNOWLEDGEMENT),
        actor=officer,
        branding=BRANDING,
    )
    to = [e.to for e in OutboundEmail.objects.filter(case=awaiting, purpose__startswith="letter")]
    assert to == [[awaiting.resident.email]]


def test_staff_are_named_only_when_the_landlord_chooses(answered, officer):
    assert signature(officer, name_staff=False, branding=BRANDING, language="en-gb") == [
        "The Complaints Team",
        "Example Homes",
    ]
    settings = process_settings()
    settings.letters_name_staff = True
    settings.save()
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    assert "Olu Officer" in pdf_text(read_pdf(letter.document))


def test_issued_letters_cannot_be_changed(answered, officer):
    letter = services.letter_issue(
        case=answered,
        letter_type=LetterType.STAGE1_RESPONSE,
        elements=drafted(answered, LetterType.STAGE1_RESPONSE),
        actor=officer,
        branding=BRANDING,
    )
    from casework.models import AppendOnlyError

    with pytest.raises(AppendOnlyError):
        letter.save()
    with pytest.raises(AppendOnlyError):
        Letter.objects.update(subject="x")


# Templates in the database


def test_the_migration_made_a_template_for_every_letter_type(db):
    assert set(
        LetterTemplate.objects.filter(language="en-gb").values_list("letter_type", flat=True)
    ) == set(LetterType.values)


def test_a_template_missing_a_required_placeholder_cannot_be_saved(db):
    template = LetterTemplate.objects.get(letter_type=LetterType.STAGE2_RESPONSE, language="en-gb")
    template.body = template.body.replace("{{ ombudsman }}", "Call the Ombudsman.")
    with pytest.raises(ValidationError) as error:
        template.full_clean()
    assert error.value.message_dict["body"] == [
        "Put {{ ombudsman }} back in the letter. It fills in the Ombudsman's contact details, "
        "which this letter must contain (Code 6.19)."
    ]


def test_the_complaints_officer_group_may_edit_templates(db):
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Complaints officer").permissions.values_list("codename", flat=True)
    )
    assert {"add_lettertemplate", "change_lettertemplate", "delete_lettertemplate"} <= codenames
