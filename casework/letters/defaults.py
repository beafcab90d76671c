"""The English letter templates a new landlord starts with, in our own plain words.

Created by migration casework 0006; the complaints officer edits them in the admin (Letter
templates). Each keeps the placeholder of every element its letter must contain, as the
template validation requires. Plain data only: the migration imports this module.

Each paragraph is one line, as staff see and edit it in the admin.
"""

# ruff: noqa: E501

DEFAULT_LETTER_TEMPLATES: dict[str, tuple[str, str]] = {
    "stage1_acknowledgement": (
        "We have received your complaint {{ reference }}",
        """Dear {{ resident_name }},

Thank you for telling us what went wrong. We have logged your complaint. This letter is to confirm what happens next.

# Where your complaint is

{{ stage }}

# What we understand your complaint to be

{{ complaint_definition }}

If we have got anything wrong, or left something out, please tell us as soon as you can.

{{ responsibility }}

# When you will hear from us

We will send you our answer by {{ response_date }}. If we need more time, we will write to tell you why and give you a new date.

# Our complaints policy

You can read how we deal with complaints at {{ policy_link }}

# The Housing Ombudsman

You can ask the Ombudsman for free advice at any time while we deal with your complaint.

{{ ombudsman }}

If you have any questions, call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "stage2_acknowledgement": (
        "We have received your request for stage 2: {{ reference }}",
        """Dear {{ resident_name }},

Thank you for asking us to look at your complaint again. Someone who did not deal with it at stage 1 will now review it.

# Where your complaint is

{{ stage }}

# What we understand you are still unhappy about

{{ complaint_definition }}

If we have got anything wrong, or left something out, please tell us as soon as you can.

{{ responsibility }}

# When you will hear from us

We will send you our final answer by {{ response_date }}. If we need more time, we will write to tell you why and give you a new date.

# Our complaints policy

You can read how we deal with complaints at {{ policy_link }}

# The Housing Ombudsman

You can ask the Ombudsman for free advice at any time.

{{ ombudsman }}

If you have any questions, call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "extension": (
        "We need more time to answer your complaint {{ reference }}",
        """Dear {{ resident_name }},

We are sorry, but we cannot answer your complaint by the date we gave you.

{{ stage }}

# Why we need more time

{{ extension_reason }}

# Your new date

We will send you our answer by {{ new_response_date }}.

# If you are unhappy with this

You can contact the Housing Ombudsman. They can give you free advice.

{{ ombudsman }}

If you have any questions, call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "stage1_response": (
        "Our answer to your complaint {{ reference }}",
        """Dear {{ resident_name }},

Thank you for your patience while we looked into your complaint. This letter gives you our answer.

# Where your complaint is

{{ stage }}

# What you complained about

{{ complaint_definition }}

# Our decision

{{ decision }}

# Why we decided this

{{ reasons }}

# What we will do to put things right

{{ remedies }}

# What is still to be done

{{ outstanding_actions }}

# If you are not happy with our answer

{{ escalation }}

If you have any questions, call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "stage2_response": (
        "Our final answer to your complaint {{ reference }}",
        """Dear {{ resident_name }},

Thank you for your patience while we looked at your complaint again. This letter gives you our final answer.

# Where your complaint is

{{ stage }}

# What you asked us to look at again

{{ complaint_definition }}

# Our decision

{{ decision }}

# Why we decided this

{{ reasons }}

# What we will do to put things right

{{ remedies }}

# What is still to be done

{{ outstanding_actions }}

# If you are still not happy

{{ escalation }}

{{ ombudsman }}

If you have any questions, call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "refusal_to_accept": (
        "We cannot take your complaint forward: {{ reference }}",
        """Dear {{ resident_name }},

Thank you for contacting us. We have looked carefully at what you told us. We are sorry, but we cannot deal with it through our complaints process.

# The reason

{{ refusal_reason }}

# Why this applies to you

{{ refusal_explanation }}

# If you disagree

{{ ombudsman_review }}

{{ ombudsman }}

If you think we have got the facts wrong, or there is something we did not know, please tell us. Call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "refusal_to_escalate": (
        "We cannot take your complaint to stage 2: {{ reference }}",
        """Dear {{ resident_name }},

Thank you for asking us to look at your complaint again. We have thought about your request carefully. We are sorry, but we cannot take it to stage 2.

# The reason

{{ refusal_reason }}

# Why this applies to you

{{ refusal_explanation }}

# If you disagree

{{ ombudsman_review }}

{{ ombudsman }}

If you think we have got the facts wrong, or there is something we did not know, please tell us. Call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "update": (
        "An update on your complaint {{ reference }}",
        """Dear {{ resident_name }},

We agreed to keep you up to date while we work on your complaint. Here is where things are.

{{ stage }}

# What has happened

{{ progress }}

# When you will get our answer

We expect to send you our answer by {{ response_date }}.

# When we will next be in touch

We will update you again by {{ next_update_date }}, or sooner if there is news.

If you have any questions, call us on {{ phone }} or email {{ email }}. Please quote {{ reference }}.""",
    ),
    "clarification": (
        "Please help us understand your complaint {{ reference }}",
        """Dear {{ resident_name }},

Thank you for your complaint. We want to make sure we look into the right things, so we need to check a few points with you.

# What we understand so far

{{ complaint_definition }}

# What we need to know

{{ clarification_questions }}

# Please reply by {{ reply_by }}

You can call us on {{ phone }}, email {{ email }} or write to us. Please quote {{ reference }}. If you need help to reply, or more time, just let us know.""",
    ),
}
