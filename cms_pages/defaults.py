"""The first content of a new site: the home page and the cookies page, made by migration 0008
on a fresh install (and so also under `load_demo`), for the comms team to edit.

The home page leads with what residents come to do (make a complaint, ask for something to be
put right, follow a complaint), then how we handle complaints (the policy, how to complain, the
Code, the Ombudsman: Code 3.4, 3.5, 3.7) and our performance (the annual report, the
self-assessment and what we have changed: Code 8.1, 8.2). Each link names a destination
(cms_pages/navigation.py), not an address: a list shows only the pages that are published.

Plain data only, with no model imports, so that the migration can use it.
"""

import uuid

HOME_TITLE = "Complaints and feedback"
HOME_SLUG = "home"
HOME_INTRO = (
    "Tell us when something has gone wrong and we will put it right. You can also follow a "
    "complaint you have made and see how we handle complaints."
)

COOKIES_TITLE = "Cookies"
COOKIES_SLUG = "cookies"
COOKIES_INTRO = "The cookies this website saves on your device, and why."


def _link(destination: str, description: str = "") -> dict:
    return {
        "type": "item",
        "value": {"destination": destination, "page": None, "text": "", "description": description},
        "id": str(uuid.uuid4()),
    }


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def home_body() -> list[dict]:
    """The home page's StreamField raw data, each block with its id (wagtail-localize needs
    one on every block to translate it)."""
    return [
        _block(
            "paragraph",
            "<p>If you are unhappy with our service, something we did or something we did not "
            "do, tell us. You do not have to use the word complaint, and someone can do it for "
            "you.</p>",
        ),
        _block("start_button", {"destination": "complain", "text": ""}),
        _block(
            "task_list",
            {
                "heading": "What you can do",
                "links": [
                    _link(
                        "service_request",
                        "Report a repair or something we have not done. We call this a "
                        "service request.",
                    ),
                    _link(
                        "follow",
                        "See where your complaint is and what happens next, add information "
                        "or ask us to look at it again.",
                    ),
                ],
            },
        ),
        _block(
            "task_list",
            {
                "heading": "How we handle complaints",
                "links": [
                    _link("policy", "How we deal with complaints and how long each step takes."),
                    _link("how_to_complain", "Every way to complain, and complaining for someone."),
                    _link("code", "The Housing Ombudsman's rules that we follow."),
                    _link(
                        "ombudsman",
                        "Free, independent advice at any stage, and a review of our final answer.",
                    ),
                ],
            },
        ),
        _block(
            "task_list",
            {
                "heading": "Our performance",
                "links": [
                    _link(
                        "annual_report",
                        "Our complaints figures for the year and our board's response.",
                    ),
                    _link(
                        "self_assessment", "How we meet each part of the Complaint Handling Code."
                    ),
                    _link("improvements", "Changes we have made because of complaints."),
                ],
            },
        ),
    ]
