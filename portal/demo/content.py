"""The demo landlord's published content, written for Redress (not copied from any landlord).

Numbers match the default settings: 5/10/+10 and 5/20/+20 working days, a 12-month time limit.
"""

from datetime import date

LANDLORD = {
    "landlord_name": "Example Homes",
    "landlord_address": "Example Homes\n1 Market Street\nExampleton\nEX1 2AB",
    "brand_colour": "#1d4f91",
    "complaints_phone": "0300 555 0123",
    "complaints_email": "complaints@example-homes.org.uk",
    "complaints_postal_address": "Complaints Team\nExample Homes\n1 Market Street\nExampleton\n"
    "EX1 2AB",
    "opening_hours": "Monday to Friday, 8am to 6pm\nSaturday, 9am to 1pm",
    "in_person": "Our office at 1 Market Street, Exampleton, Monday to Friday, 9am to 5pm.\n"
    "Any of our staff visiting your home can also take your complaint.",
}

PROCESS = {"number_of_homes": 8420}

CLOSURE_DAYS = [
    (date(2026, 12, 29), "Office closed between Christmas and New Year"),
    (date(2026, 12, 30), "Office closed between Christmas and New Year"),
    (date(2026, 12, 31), "Office closed between Christmas and New Year"),
]

OMBUDSMAN_SCHEMES = [
    {
        "kind": "housing",
        "name": "Housing Ombudsman Service",
        "postal_address": "PO Box 152\nLiverpool\nL33 7WQ",
        "phone": "0300 111 3000",
        "email": "info@housing-ombudsman.org.uk",
        "website": "https://www.housing-ombudsman.org.uk/",
        "any_stage_text": "The Housing Ombudsman is free and independent. You can contact them for "
        "advice at any stage of your complaint, not only at the end. They can investigate once "
        "our complaints process is complete.",
    },
    {
        "kind": "local_government",
        "name": "Local Government and Social Care Ombudsman",
        "postal_address": "PO Box 4771\nCoventry\nCV4 0EH",
        "phone": "0300 061 0614",
        "email": "",
        "website": "https://www.lgo.org.uk/",
        "any_stage_text": "For some council services that are not about your home, the Local "
        "Government and Social Care Ombudsman can look at your complaint once our process is "
        "complete. It is free and independent.",
    },
]

COMPLAINT_START = {
    "title": "Make a complaint or give feedback",
    "slug": "make-a-complaint",
    "intro": "Tell us online about something that has gone wrong, something we should put "
    "right, or something we did well. It takes about 10 minutes.",
    "body": [
        (
            "paragraph",
            "<p>Use this service to:</p><ul><li>ask us to put something right, for example a "
            "repair</li><li>make a complaint about our service</li><li>give a compliment</li>"
            "<li>make a comment or suggestion</li></ul><p>You can use it for yourself, or for "
            "someone you are acting for, such as a family member, as their carer or advocate, "
            "or as their councillor or MP. You do not need to use the word complaint.</p>",
        ),
        ("heading", {"text": "Before you start", "size": "h2"}),
        (
            "paragraph",
            "<p>It will help to have:</p><ul><li>what happened and roughly when</li><li>any "
            "photos or letters about it</li><li>an email address, phone number or postal "
            "address we can reply to</li></ul><p>You can tell us about any support you need, "
            "such as large print or an interpreter, and we will agree it with you.</p>",
        ),
    ],
}

HOW_TO_COMPLAIN = {
    "title": "How to complain",
    "slug": "how-to-complain",
    "intro": "Tell us if you are unhappy with our service. You can do it in whichever way suits "
    "you, and someone can do it for you.",
    "representative_text": "<p>A family member, carer, friend, advocate, solicitor, councillor "
    "or MP can complain for you. We will ask you to confirm that you agree, unless you asked "
    "your councillor or MP to contact us: then we take it that you agree.</p>"
    "<p>You can also bring someone with you to any meeting about your complaint.</p>",
    "body": [
        ("heading", {"text": "What happens next", "size": "h2"}),
        (
            "paragraph",
            "<p>We will confirm we have your complaint and tell you what we understand it to be "
            "within 5 working days. We will give you our answer within 10 working days after "
            "that. If you are still unhappy, you can ask us to look at it again at stage 2. You "
            "do not need to give a reason.</p>",
        ),
        (
            "details",
            {
                "summary": "Is it a complaint or a request for a service?",
                "text": "<p>Asking us to do something, such as mend a leaking tap, is a request "
                "for a service. If we do not do it, do it badly or take too long, that is a "
                "complaint. You can complain about a request while we are still working on "
                "it.</p>",
            },
        ),
        (
            "details",
            {
                "summary": "If you need help or changes to how we work with you",
                "text": "<p>Tell us if you need us to do something differently, for example "
                "large print, easy read, an interpreter, British Sign Language, or only phone "
                "calls. We will record what we agree and check it still works for you.</p>",
            },
        ),
    ],
}


def _para(*paragraphs: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


POLICY = {
    "title": "Complaints policy",
    "slug": "complaints-policy",
    "intro": "How we handle complaints, how long each step takes, and what you can do if you "
    "are not happy with our answer.",
    "version": "4.0",
    "approved_on": date(2026, 4, 14),
    "next_review_on": date(2027, 4, 14),
    "policy_owner": "Head of Customer Experience",
    "sections": [
        (
            "About this policy",
            [
                _para(
                    "This policy explains how Example Homes deals with complaints from our "
                    "residents and from people acting for them. It follows the Housing "
                    "Ombudsman's Complaint Handling Code, which all social landlords in England "
                    "must follow.",
                    "We see complaints as a way to learn. A high number of complaints is not a "
                    "bad thing in itself. Nobody is treated worse for complaining.",
                )
            ],
        ),
        (
            "What a complaint is",
            [
                _para(
                    "A complaint is when you tell us you are unhappy with our service, with "
                    "something we or our contractors did, or with something we did not do. It "
                    "can be about you alone or about a group of residents.",
                    "You do not have to use the word complaint. When you tell us you are "
                    "unhappy, we will offer to treat it as a complaint.",
                ),
                (
                    "inset_text",
                    {
                        "text": "<p>A request for a service, such as reporting a repair, is not "
                        "a complaint. If you are unhappy with how we deal with a request, you "
                        "can complain, and we keep working on the request at the same time.</p>"
                    },
                ),
            ],
        ),
        (
            "How to complain",
            [
                _para(
                    "You can complain online, by phone, by email, by letter, in person, through "
                    "social media or to any member of our staff or our contractors. Someone else "
                    "can complain for you.",
                    "Tell us if you need us to make changes so you can use this process, such "
                    "as large print, an interpreter or someone to help you. We record the "
                    "changes we agree and review them with you.",
                )
            ],
        ),
        (
            "Complaints we may not accept",
            [
                _para(
                    "We accept complaints unless there is a good reason not to. We decide each "
                    "one on its own facts. We may not accept a complaint when:",
                ),
                (
                    "paragraph",
                    "<ul><li>the issue happened more than 12 months ago and you knew about it "
                    "then, unless there is a good reason you could not raise it sooner</li>"
                    "<li>a court or tribunal claim about the same issue has been issued</li>"
                    "<li>we have already answered the same complaint at both stages</li></ul>",
                ),
                _para(
                    "If we do not accept your complaint, we will write to you explaining why. "
                    "You can ask the Housing Ombudsman to look at our decision."
                ),
            ],
        ),
        (
            "Stage 1",
            [
                _para(
                    "We will acknowledge your complaint within 5 working days of receiving it. "
                    "We will tell you what we understand your complaint to be and what you want "
                    "us to do. If we are not sure, we will ask you.",
                    "We will give you our answer within 10 working days of the acknowledgement. "
                    "If we need longer, we will tell you why and give you a new date, no more "
                    "than 10 working days later, along with the Housing Ombudsman's details.",
                    "Our answer will tell you what we decided on each part of your complaint "
                    "and why, what we will do to put things right and by when, and how to take "
                    "your complaint to stage 2.",
                )
            ],
        ),
        (
            "Stage 2",
            [
                _para(
                    "If you are not happy with our stage 1 answer, ask us to look at it again. "
                    "You do not need to give a reason. A different person, who was not involved "
                    "at stage 1, will review your complaint.",
                    "We will acknowledge your request within 5 working days and give our final "
                    "answer within 20 working days of the acknowledgement. If we need longer, we "
                    "will tell you why and give you a new date, no more than 20 working days "
                    "later, with the Housing Ombudsman's details.",
                    "There are only two stages. Our stage 2 answer is our final answer and will "
                    "tell you how to contact the Housing Ombudsman.",
                )
            ],
        ),
        (
            "Putting things right",
            [
                _para(
                    "When we get something wrong, we will say so and put it right. This might "
                    "be an apology, an explanation, doing what we should have done, changing a "
                    "decision, correcting our records, paying you money, or changing how we "
                    "work.",
                    "We will tell you what we will do and by when, and keep you updated until it "
                    "is done. We can put things right at any stage, without you needing to "
                    "escalate.",
                )
            ],
        ),
        (
            "The Housing Ombudsman",
            [
                _para(
                    "The Housing Ombudsman is free and independent. You can contact them at any "
                    "time for advice. They can investigate your complaint once you have had our "
                    "final answer."
                ),
                ("ombudsman", None),
            ],
        ),
        (
            "Behaviour we cannot accept",
            [
                _para(
                    "Most people who complain are polite, even when they are upset. If "
                    "someone's behaviour puts our staff at risk or stops us helping other "
                    "residents, we may limit how they contact us. Any limit is in proportion, "
                    "takes account of any disability, is reviewed, and never stops us dealing "
                    "with the complaint itself."
                )
            ],
        ),
        (
            "Learning and reporting",
            [
                _para(
                    "Each year we publish a report on our complaints and what we changed "
                    "because of them, with our board's response, and a self-assessment against "
                    "the Complaint Handling Code. A member of our board is responsible for "
                    "complaints and receives regular reports."
                )
            ],
        ),
        (
            "Your information",
            [
                _para(
                    "We keep complaint records for 6 years after a complaint is closed, then "
                    "delete them. Only staff who need to see information about a disability or "
                    "vulnerability you tell us about can see it."
                )
            ],
        ),
    ],
}

CODE_PAGE = {
    "title": "The Complaint Handling Code",
    "slug": "complaint-handling-code",
    "intro": "The Housing Ombudsman's Complaint Handling Code sets out how social landlords must "
    "handle complaints. Here is what it asks of us, section by section.",
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "intro": "We want as many people as possible to be able to use this website.",
    "statement_prepared_on": date(2026, 11, 1),
    "last_reviewed_on": date(2026, 11, 20),
    "body": [
        _para(
            "You should be able to change colours, contrast levels and fonts, zoom in up to "
            "400% without the text spilling off the screen, get around the website using just "
            "a keyboard or speech recognition software, use it without JavaScript, and listen "
            "to it using a screen reader.",
            "The website is in English, Welsh and Urdu. Urdu pages read from right to left.",
            "Our policy is also available as a PDF tagged for screen readers and in large print.",
        ),
        ("heading", {"text": "How we test this website", "size": "h2"}),
        _para("Each time the website changes, automatic tests in a web browser check that:"),
        (
            "paragraph",
            "<ul><li>every public page, in English, Welsh and Urdu, and with error messages "
            "showing, passes the checks the axe-core tool makes against the Web Content "
            "Accessibility Guidelines (WCAG) 2.2 at levels A and AA</li>"
            "<li>the whole online complaint form can be filled in and sent using only a "
            "keyboard</li>"
            "<li>the pages of the complaint form fit a screen 320 pixels wide, the same as "
            "zooming in to 400%, without scrolling sideways</li>"
            "<li>the complaint form can be filled in and sent in Welsh and in Urdu</li>"
            "<li>the complaint form works without JavaScript</li></ul>",
        ),
        _para(
            "Automatic tests find only some accessibility problems. This website has not yet "
            "been checked by disabled people or by an accessibility specialist, so there may "
            "be problems we do not know about. If you find one, please tell the complaints "
            "team."
        ),
        ("heading", {"text": "Asking for another format", "size": "h2"}),
        _para(
            "If you need information in a different format, such as large print, easy read, "
            "braille, audio or another language, tell us what you need and we will send it "
            "to you."
        ),
    ],
}

PRIVACY = {
    "title": "Privacy notice",
    "slug": "privacy",
    "intro": "How we use the information you give us when you complain, ask us to put something "
    "right or give us feedback, and your rights.",
    "lawful_basis": "legal_obligation",
    "ico_registration_number": "Z1234567",
    "data_protection_contact": "Data Protection Officer: dataprotection@example-homes.org.uk",
    "more_about_use": "<p>We also use what you tell us to check the quality of our repairs "
    "and to train our staff. We remove your name first.</p>",
}
