"""The transition table and each guard, with every refusal message (pure functions, no DB)."""

import pytest

from casework.choices import CaseKind, CaseStatus, Decision
from casework.code import Timescales
from casework.workflow import (
    TRANSITIONS,
    allowed_transitions,
    check_acknowledge,
    check_agree_updates,
    check_close,
    check_extend,
    check_handler,
    check_refuse,
    check_refuse_escalation,
    check_respond,
    status_problem,
)

S = CaseStatus


def names(kind, status):
    return [t.name for t in allowed_transitions(kind, status)]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.LOGGED, ["acknowledge", "refuse", "assign", "withdraw"]),
        (S.STAGE1, ["assign", "extend", "agree_updates", "respond", "withdraw"]),
        (S.STAGE1_RESPONDED, ["request_escalation", "withdraw", "close"]),
        (S.STAGE2_REQUESTED, ["assign", "refuse_escalation", "acknowledge_stage2", "withdraw"]),
        (S.STAGE2, ["assign", "extend", "agree_updates", "respond_stage2", "withdraw"]),
        (S.STAGE2_RESPONDED, ["close"]),
        (S.NOT_ACCEPTED, ["close"]),
        (S.ESCALATION_REFUSED, ["close"]),
        (S.WITHDRAWN, []),
        (S.CLOSED, []),
    ],
)
def test_complaint_transitions_by_status(status, expected):
    assert names(CaseKind.COMPLAINT, status) == expected


def test_service_requests_stay_open_while_a_complaint_is_raised_about_them():
    assert names(CaseKind.SERVICE_REQUEST, S.OPEN) == ["withdraw", "close", "raise_complaint"]
    assert TRANSITIONS["raise_complaint"].target is None


@pytest.mark.parametrize("kind", [CaseKind.COMPLIMENT, CaseKind.COMMENT])
def test_compliments_and_comments_can_only_be_withdrawn_or_closed(kind):
    assert names(kind, S.OPEN) == ["withdraw", "close"]


def test_there_is_no_third_stage_and_no_stage_zero():
    # Code 5.2-5.3: statuses and transitions only ever mention stages 1 and 2.
    assert not [s for s in S.values if "stage3" in s or "stage0" in s]
    assert not [t for t in TRANSITIONS if "stage3" in t or "informal" in t]
    assert names(CaseKind.COMPLAINT, S.STAGE2_RESPONDED) == ["close"]


def test_every_transition_cites_the_code_where_a_rule_applies():
    for name, transition in TRANSITIONS.items():
        if name not in ("withdraw",):
            assert transition.provisions, name


def test_status_problem_names_action_and_status():
    assert status_problem("respond", CaseKind.COMPLAINT, S.LOGGED) == (
        "“Send stage 1 response” is not possible while the case is “Received, not yet "
        "acknowledged”."
    )
    assert status_problem("respond", CaseKind.COMPLAINT, S.STAGE1) is None
    assert status_problem("acknowledge", CaseKind.SERVICE_REQUEST, S.OPEN) is not None


class TestAcknowledge:
    def test_needs_definition_and_outcomes(self):
        assert check_acknowledge(definition="  ", outcomes_sought="") == [
            "Write the complaint definition: what we understand the complaint to be (Code 5.6). "
            "If it is unclear, ask the resident before acknowledging.",
            "Write down the outcomes the resident is looking for (Code 5.6).",
        ]

    def test_passes_when_complete(self):
        assert check_acknowledge(definition="Leak not fixed", outcomes_sought="Fix it") == []

    def test_outcomes_alone_missing(self):
        assert check_acknowledge(definition="Leak", outcomes_sought=None) == [
            "Write down the outcomes the resident is looking for (Code 5.6)."
        ]


class TestRefuse:
    def test_needs_reason_from_policy_and_case_explanation(self):
        assert check_refuse(exclusion_reason_id=None, explanation="") == [
            "Choose the exclusion reason from the complaints policy that applies (Code 2.2).",
            "Explain why the reason applies to this case. Each refusal is decided on its own "
            "facts, never as a blanket rule (Code 2.1, 2.5).",
        ]

    def test_reason_without_explanation_is_a_blanket_refusal(self):
        assert len(check_refuse(exclusion_reason_id=3, explanation=" ")) == 1

    def test_complete(self):
        assert check_refuse(exclusion_reason_id=3, explanation="Court claim issued in May") == []


class TestHandler:
    def test_needs_a_handler(self):
        assert check_handler(handler_id=None, staff_complained_about_ids=[], stage=1) == [
            "Choose who will handle this stage."
        ]

    def test_never_the_person_complained_about(self):
        problems = check_handler(
            handler_id=7, staff_complained_about_ids=[7], stage=1, conflict_of_interest="None"
        )
        assert problems == [
            "This person is named in the complaint, so they cannot handle it at either stage. "
            "Choose someone else."
        ]

    def test_stage2_handler_differs_from_stage1(self):
        problems = check_handler(
            handler_id=4,
            staff_complained_about_ids=[],
            stage=2,
            stage1_handler_id=4,
            conflict_of_interest="None",
        )
        assert problems == [
            "The stage 2 handler must be someone other than the stage 1 handler (Code 6.13). "
            "Choose someone else."
        ]

    def test_same_person_may_handle_stage1_again(self):
        assert (
            check_handler(
                handler_id=4,
                staff_complained_about_ids=[],
                stage=1,
                stage1_handler_id=4,
                conflict_of_interest="None",
            )
            == []
        )

    def test_conflict_of_interest_must_be_declared(self):
        assert check_handler(handler_id=4, staff_complained_about_ids=[], stage=1) == [
            "Record the handler's conflict-of-interest declaration; write “None” if they have none."
        ]


class TestExtend:
    base = {
        "stage": 1,
        "working_days": 10,
        "timescales": Timescales(),
        "reason": "We are waiting for a surveyor's report.",
        "good_reason": "",
        "resident_told": True,
        "ombudsman_details_given": True,
    }

    def test_within_the_limit(self):
        assert check_extend(**self.base) == []

    def test_beyond_the_limit_needs_a_good_reason_stage1(self):
        problems = check_extend(**{**self.base, "working_days": 11})
        assert problems == [
            "You can extend a stage 1 response by up to 10 working days. To extend it for "
            "longer, record the good reason for doing so (Complaint Handling Code 6.4)."
        ]
        assert check_extend(**{**self.base, "working_days": 11, "good_reason": "Flood"}) == []

    def test_stage2_limit_is_twenty(self):
        assert check_extend(**{**self.base, "stage": 2, "working_days": 20}) == []
        assert "6.15" in check_extend(**{**self.base, "stage": 2, "working_days": 21})[0]

    def test_landlord_shorter_limit_applies(self):
        problems = check_extend(**{**self.base, "timescales": Timescales(stage1_extension=5)})
        assert "up to 5 working days" in problems[0]

    def test_zero_days(self):
        assert check_extend(**{**self.base, "working_days": 0}) == [
            "An extension must be at least 1 working day."
        ]

    def test_reason_resident_told_and_ombudsman_details_are_required(self):
        problems = check_extend(
            **{**self.base, "reason": "", "resident_told": False, "ombudsman_details_given": False}
        )
        assert problems == [
            "Give the reason for the extension, as it is explained to the resident.",
            "Tell the resident about the extension and the new date (Code 6.4).",
            "The extension notice must include the Ombudsman's contact details (Code 6.5).",
        ]

    def test_stage2_notice_cites_6_16(self):
        problems = check_extend(**{**self.base, "stage": 2, "ombudsman_details_given": False})
        assert problems == [
            "The extension notice must include the Ombudsman's contact details (Code 6.16)."
        ]


def test_agree_updates_needs_an_interval():
    assert check_agree_updates(interval_days=None) == [
        "Enter how often, in working days, the resident will be updated (Code 5.9)."
    ]
    assert check_agree_updates(interval_days=5) == []


class TestRespond:
    base = {
        "stage": 1,
        "decision": Decision.UPHELD,
        "reasons": "The repair was late.",
        "remedy_count": 1,
        "no_remedy_reason": "",
        "actions_recorded": True,
    }

    def test_complete(self):
        assert check_respond(**self.base) == []

    def test_each_missing_element(self):
        problems = check_respond(
            stage=1,
            decision="",
            reasons="",
            remedy_count=0,
            no_remedy_reason="",
            actions_recorded=False,
        )
        assert problems == [
            "Choose the decision: upheld, partly upheld or not upheld (Code 6.9).",
            "Give the reasons for the decision on each point of the complaint definition "
            "(Code 6.7).",
            "Record how things will be put right, or say why no remedy is due (Code 6.9, 7.1).",
            "Confirm the outstanding actions: add them, or confirm there are none (Code 6.9).",
        ]

    def test_stage2_cites_its_own_provisions(self):
        problems = check_respond(**{**self.base, "stage": 2, "decision": "", "reasons": ""})
        assert problems == [
            "Choose the decision: upheld, partly upheld or not upheld (Code 6.19).",
            "Give the reasons for the decision on each point of the complaint definition "
            "(Code 6.18).",
        ]

    def test_upheld_needs_a_remedy_even_with_a_statement(self):
        problems = check_respond(**{**self.base, "remedy_count": 0, "no_remedy_reason": "None"})
        assert problems == [
            "The complaint is upheld in whole or part, so record what will be done to put "
            "things right (Code 7.1)."
        ]

    def test_not_upheld_with_statement_needs_no_remedy(self):
        assert (
            check_respond(
                **{
                    **self.base,
                    "decision": Decision.NOT_UPHELD,
                    "remedy_count": 0,
                    "no_remedy_reason": "We did what we promised.",
                }
            )
            == []
        )


def test_refuse_escalation_needs_policy_reason_and_explanation():
    assert check_refuse_escalation(exclusion_reason_id=None, explanation="") == [
        "An escalation can only be refused for a reason set out in the complaints policy "
        "(Code 5.11). Choose it.",
        "Explain why the reason applies to this request to escalate (Code 2.4, 2.5).",
    ]
    assert check_refuse_escalation(exclusion_reason_id=1, explanation="Court claim") == []


def test_request_escalation_has_no_guard_so_no_reason_is_ever_needed():
    # Code 6.12: nothing a resident has to say stands between them and stage 2.
    from casework.workflow import GUARDS

    assert "request_escalation" not in GUARDS


@pytest.mark.parametrize(
    ("actions", "remedies", "expected"),
    [
        (0, 0, []),
        (1, 0, ["1 outstanding action is still open (Code 6.6)."]),
        (2, 0, ["2 outstanding actions are still open (Code 6.6)."]),
        (0, 1, ["1 remedy is still to be completed (Code 7.3)."]),
        (
            3,
            2,
            [
                "2 remedies are still to be completed (Code 7.3).",
                "3 outstanding actions are still open (Code 6.6).",
            ],
        ),
    ],
)
def test_close_waits_for_remedies_and_actions(actions, remedies, expected):
    assert check_close(open_actions=actions, open_remedies=remedies) == expected
