"""The frame of a meeting: what a group keeps from one meeting to the next.

A group meets with the same rule profile, usually in the same place, for about as long, under
the same facilitator, and agrees to the same confidentiality wording. Setup offers what the
group's previous meeting had, so the facilitator only changes what is new; a new group starts
from the settings and the default wording. The previous meeting's own events say all this,
so nothing beyond the events needs storing.
"""

from __future__ import annotations

from attrs import frozen

from intervisie.core.i18n import N_, _
from intervisie.core.meeting.model import SessionState

DEFAULT_AGREEMENT = N_(
    "What members bring in and what is said about it stays within the group. Nobody repeats a "
    "case or a name outside the meeting, and nobody acts on what they heard without the case "
    "owner's consent."
)
"""The confidentiality agreement's wording for a group that has not written its own."""


def default_agreement() -> str:
    """The default wording in the language now in force."""
    return _(DEFAULT_AGREEMENT)


@frozen
class Frame:
    """What setup offers for a group's next meeting."""

    rule_profile: str
    place: str = ""
    online: bool = False
    minutes_available: float | None = None
    facilitator: str | None = None
    facilitator_participates: bool = False
    agreement: str = ""


def next_frame(previous: SessionState | None, default_profile: str) -> Frame:
    """The frame a group's next meeting starts from: its previous meeting's, else defaults.

    `previous` is the group's last meeting, replayed (None for a new group). A meeting stored
    before the wording was recorded offers the default wording; one without a profile, the
    setting.
    """
    if previous is None or previous.group is None:
        return Frame(rule_profile=default_profile, agreement=default_agreement())
    return Frame(
        rule_profile=previous.rule_profile or default_profile,
        place=previous.place,
        online=previous.online,
        minutes_available=previous.minutes_available or None,
        facilitator=previous.facilitator or None,
        facilitator_participates=previous.facilitator_participates,
        agreement=previous.agreement or default_agreement(),
    )
