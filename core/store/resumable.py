"""Which meeting `resume` reopens: the one named (or a unique prefix of its id), else the latest
open meeting that is not a demo and holds events. The command line and the app both ask here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from intervisie.core.meeting.model import SessionState
    from intervisie.core.store.database import MeetingInfo, Store


@frozen
class Resumable:
    info: MeetingInfo
    state: SessionState

    @property
    def meeting_id(self) -> str:
        return self.info.id


def find_resumable(store: Store, meeting_id: str | None = None) -> Resumable | None:
    """The meeting to resume; None when there is none; `StoreError` for an unknown id."""
    from intervisie.core.meeting.engine import replay

    if meeting_id is not None:
        info = store.meeting(store.resolve(meeting_id))
        if not info.event_count:  # never began (its process died right after creating it)
            return None
    else:
        candidates = [
            m for m in store.meetings() if not m.finished and not m.demo and m.event_count
        ]
        if not candidates:
            return None
        info = candidates[0]
    return Resumable(info, replay(store.events(info.id)))
