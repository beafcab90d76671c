"""The case remembers the resident's language, and their letters and emails use it where a
translation exists (issue 7, done when: a Welsh-speaking resident's acknowledgement email and
letter are in Welsh). Other languages are reasonable adjustments (Code 5.10), and every letter
keeps what the Code requires of it whatever its language (Code 6.2, 5.6, 3.4, 3.7)."""

import io

import pypdf
import pytest
from wagtail.models import Locale

from casework import services
from casework.letters import LetterType
from casework.letters.branding import LetterBranding
from casework.letters.defaults import DEFAULT_LETTER_TEMPLATES
from casework.letters.defaults_cy import WELSH, WELSH_LETTER_TEMPLATES
from casework.letters.drafting import letter_language, prefill_elements
from casework.letters.placeholders import placeholders_in
from casework.letters.rules import template_problems
from casework.models import LetterTemplate, OmbudsmanScheme, OutboundEmail
from portal.raise_case.emails import queue_submission_confirmation
from tests.factories import CaseFactory, PersonFactory, UserFactory

BRANDING = LetterBranding(
    landlord_name="Example Homes",
    address_lines=("1 Market Street", "Exampleton", "EX1 2AB"),
    phone="0300 555 0123",
    email="complaints@example-homes.org.uk",
    policy_url="https://example-homes.test/complaints/policy/",
)


@pytest.fixture
def ombudsman(db):
    """The scheme every letter names (Code 3.7), in the default language only."""
    return OmbudsmanScheme.objects.create(
        kind="housing",
        name="Housing Ombudsman Service",
        postal_address="PO Box 1484\nPreston\nPR2 0ET",
        phone="0300 111 3000",
        website="https://www.housing-ombudsman.example",
        any_stage_text="You can ask the Ombudsman for help at any stage of your complaint.",
        locale=Locale.get_default(),
    )


def pdf_text(document) -> tuple[str, str]:
    with document.file.open("rb") as handle:
        reader = pypdf.PdfReader(io.BytesIO(handle.read()))
    lang = str(reader.trailer["/Root"]["/Lang"])
    return lang, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def acknowledged_case_for(language: str):
    resident = PersonFactory(preferred_language=language)
    return CaseFactory(resident=resident, acknowledged=True)


def issue_acknowledgement(case):
    letter_type = LetterType.STAGE1_ACKNOWLEDGEMENT
    # As the drafting screen does: the resident's language where a template exists in it.
    language = letter_language(case.resident.preferred_language, letter_type)
    return services.letter_issue(
        case=case,
        letter_type=letter_type,
        elements=prefill_elements(case, letter_type, branding=BRANDING, language=language),
        actor=UserFactory(),
        branding=BRANDING,
    )


def emails_to(person):
    return [e for e in OutboundEmail.objects.order_by("pk") if person.email in e.to]


# The Welsh letter templates (migration casework 0010).


@pytest.mark.parametrize("letter_type", LetterType.values)
def test_each_welsh_template_keeps_what_its_letter_must_contain(letter_type):
    subject, body = WELSH_LETTER_TEMPLATES[letter_type]
    assert template_problems(letter_type, subject, body) == {}
    # The same placeholders as the English default: nothing dropped in translation.
    english_subject, english_body = DEFAULT_LETTER_TEMPLATES[letter_type]
    assert set(placeholders_in(body)) == set(placeholders_in(english_body))
    assert set(placeholders_in(subject)) == set(placeholders_in(english_subject))
    assert "Dear" not in body and body.startswith("Annwyl {{ resident_name }},")


def test_the_migration_made_a_welsh_template_for_every_letter_type(db):
    templates = LetterTemplate.objects.filter(language=WELSH)
    assert {t.letter_type for t in templates} == set(LetterType.values)
    for template in templates:
        assert (template.subject, template.body) == WELSH_LETTER_TEMPLATES[template.letter_type]
        template.full_clean()  # the admin's own validation accepts it


# A Welsh-speaking resident.


def test_a_welsh_residents_confirmation_email_is_in_welsh(ombudsman):
    case = acknowledged_case_for("cy")
    assert queue_submission_confirmation(case) == case.resident.email
    email = OutboundEmail.objects.get(purpose="submission_confirmation", case=case)
    assert email.subject == f"Rydym wedi cael eich cwyn: {case.reference}"
    assert email.body_text.startswith(f"Annwyl {case.resident.full_name},")
    assert "Diolch am gysylltu â ni. Rydym wedi cael eich cwyn." in email.body_text
    assert f"Eich cyfeirnod yw {case.reference}." in email.body_text
    assert "Dear" not in email.body_text and "Thank you" not in email.body_text


def test_a_welsh_residents_acknowledgement_letter_and_its_email_are_in_welsh(ombudsman):
    case = acknowledged_case_for("cy")
    letter = issue_acknowledgement(case)
    assert letter.language == "cy"
    assert letter.subject == f"Rydym wedi cael eich cwyn {case.reference}"
    lang, text = pdf_text(letter.document)
    assert lang == "cy"
    for words in [
        f"Annwyl {case.resident.full_name},",
        "Rydym wedi cofnodi eich cwyn.",
        "Mae eich cwyn yng ngham 1 ein proses gwynion.",  # the stage, filled in Welsh
        "Beth rydym yn ei ddeall yw eich cwyn",
        "Byddwn yn anfon ein hateb atoch erbyn",
        "Yr Ombwdsmon Tai",
        "Yn gywir",  # the letter furniture, from the catalogue
        "Ein cyfeirnod",
    ]:
        assert words in text, words
    assert "Dear" not in text and "Yours sincerely" not in text
    email = OutboundEmail.objects.get(purpose="letter_stage1_acknowledgement", case=case)
    assert email.subject == letter.subject
    assert "Mae'r llythyr wedi'i atodi fel PDF. Mae'r testun llawn isod." in email.body_text


def test_a_welsh_residents_acknowledgement_email_is_in_welsh(ombudsman):
    case = acknowledged_case_for("cy")
    email = OutboundEmail.objects.get(purpose="resident_stage1_acknowledged", case=case)
    assert email.subject == f"Rydym wedi cofnodi eich cwyn: {case.reference}"
    assert email.body_text.startswith(f"Annwyl {case.resident.full_name},")
    assert "Rydym wedi cofnodi cam 1 o'ch cwyn." in email.body_text
    assert "Byddwn yn anfon ein hateb atoch erbyn" in email.body_text
    assert f"Eich cyfeirnod: {case.reference}" in email.body_text


def test_every_email_a_welsh_resident_gets_is_in_welsh(ombudsman):
    """Whatever emails the case's changes send (confirmation, acknowledgement, the letter),
    none of them greets the resident in English."""
    case = acknowledged_case_for("cy")
    queue_submission_confirmation(case)
    issue_acknowledgement(case)
    emails = emails_to(case.resident)
    assert len(emails) >= 2
    for email in emails:
        assert "Annwyl" in email.body_text, email.purpose
        assert "Dear " not in email.body_text, email.purpose


# An Urdu-speaking resident: there is no Urdu letter template.


def test_an_urdu_resident_gets_english_letters_but_urdu_emails(ombudsman):
    case = acknowledged_case_for("ur")
    assert not LetterTemplate.objects.filter(language="ur").exists()
    letter = issue_acknowledgement(case)
    assert letter.language == "en-gb"
    assert letter.subject == f"We have received your complaint {case.reference}"
    lang, text = pdf_text(letter.document)
    assert lang == "en-gb"
    assert f"Dear {case.resident.full_name}," in text
    assert "Your complaint is at stage 1 of our complaints process." in text
    # The email the letter goes with is in the letter's language, so the two agree.
    letter_email = OutboundEmail.objects.get(purpose="letter_stage1_acknowledgement", case=case)
    assert "The letter is attached as a PDF." in letter_email.body_text

    acknowledged = OutboundEmail.objects.get(purpose="resident_stage1_acknowledged", case=case)
    assert acknowledged.subject == f"ہم نے آپ کی شکایت درج کر لی ہے: {case.reference}"

    queue_submission_confirmation(case)
    email = OutboundEmail.objects.get(purpose="submission_confirmation", case=case)
    assert email.subject == f"ہمیں آپ کی شکایت مل گئی ہے: {case.reference}"
    assert email.body_text.startswith(f"محترم {case.resident.full_name}،")
    assert "ہم سے رابطہ کرنے کا شکریہ" in email.body_text
