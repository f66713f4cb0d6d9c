"""The meeting document: a whole meeting as plain JSON, for `sessions show --json` and export.

Built from the replayed state alone (plus the store's id), so it is the same on any machine,
with or without the method's plugin: each round carries the full method document it started
with. Keys others rely on (docs/architecture.md, JSON keys): `id`, `date`, `group`,
`members`, `demo`,
`cases` (`id`, `title`, `description`, `owner`), `contributions` made at the meeting's own
steps (each with `step`), and `rounds` (`id`, `method`, `case`, `owner`, `phases`,
`contributions` with `id`, `phase`, `author`, `kind`, `text` and the kind's fields).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from intervisie.core.meeting.model import Case, Contribution, PhaseRun, Round, SessionState


def _iso(when: datetime | None) -> str | None:
    return when.astimezone(UTC).isoformat() if when is not None else None


def _minutes(seconds: float) -> float:
    return round(seconds / 60, 2)


def _case(case: Case) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": case.id,
        "title": case.title,
        "description": case.description,
        "owner": case.owner,
    }
    if case.kind is not None:
        doc["kind"] = str(case.kind)
    return doc


def contribution_document(c: Contribution) -> dict[str, Any]:
    """A contribution with the fields its kind uses (side, ratings, lens, target)."""
    doc: dict[str, Any] = {"id": c.id}
    if c.step is not None:
        doc["step"] = str(c.step)
    else:
        doc["phase"] = c.phase_id
    doc.update(author=c.author, kind=str(c.kind), text=c.text)
    if c.side is not None:
        doc["side"] = c.side
    if c.ratings:
        doc["ratings"] = dict(c.ratings)
    if c.lens is not None:
        doc["lens"] = c.lens
    if c.target is not None:
        doc["target"] = c.target
    if c.hidden:
        doc["hidden"] = True
    doc["created"] = _iso(c.created)
    if c.edited is not None:
        doc["edited"] = _iso(c.edited)
    return doc


def _phase(run: PhaseRun, at: datetime) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": run.id,
        "kind": str(run.phase.kind),
        "planned_minutes": run.planned_minutes,
        "extension_minutes": run.extension_minutes,
        "minutes": _minutes(run.clock.seconds(at)),
        "visited": run.visited,
        "skipped": run.skipped,
    }
    if run.turns:
        doc["turns"] = list(run.turns)
    return doc


def _round(state: SessionState, rnd: Round, at: datetime) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": rnd.id,
        "method": dict(rnd.method_document),
        "options": dict(rnd.options),
        "case": rnd.case_id,
        "owner": rnd.owner,
        "participants": list(rnd.participants),
        "started": _iso(rnd.started),
        "finished": _iso(rnd.finished),
        "minutes": _minutes(rnd.clock.seconds(at)),
        "phases": [_phase(run, at) for run in rnd.phases],
        "contributions": [contribution_document(c) for c in state.contributions_in(rnd.id)],
    }
    if rnd.lenses:
        doc["lenses"] = {lens: list(members) for lens, members in rnd.lenses.items()}
    if rnd.choice is not None:
        doc["choice"] = {"case": rnd.choice.case_id, "by": rnd.choice.by}
    return doc


def meeting_date(state: SessionState) -> str | None:
    """The meeting's date where it was held (this machine's time zone), as the store keeps it."""
    return state.opened.astimezone().date().isoformat() if state.opened else None


def meeting_document(meeting_id: str, state: SessionState) -> dict[str, Any]:
    """The whole meeting: setup, cases, the meeting's own contributions, and every round."""
    at = state.finished or state.last_at or datetime.now(UTC)
    group = state.group
    present = set(state.present)
    members = [
        {"id": m.id, "name": m.name, "present": m.id in present}
        for m in (group.members if group else ())
    ]
    step_contributions = [c for c in state.contributions if c.step is not None]
    return {
        "id": meeting_id,
        "date": meeting_date(state),
        "status": "finished" if state.finished else "open",
        "demo": state.demo,
        "group": {"id": group.id, "name": group.name} if group else None,
        "members": members,
        "facilitator": state.facilitator,
        "facilitator_participates": state.facilitator_participates,
        "roles": {
            "timekeeper": state.timekeeper,
            "note_taker": state.note_taker,
            "observer": state.observer,
        },
        "confidentiality": list(state.confidentiality),
        "agreement": state.agreement,
        "minutes_available": state.minutes_available,
        "place": state.place,
        "online": state.online,
        "rule_profile": state.rule_profile,
        "opened": _iso(state.opened),
        "finished": _iso(state.finished),
        "minutes": _minutes(state.clock.seconds(at)),
        "revisit": [_case(c) for c in state.revisit],
        "cases": [_case(c) for c in state.cases],
        "contributions": [contribution_document(c) for c in step_contributions],
        "rounds": [_round(state, rnd, at) for rnd in state.rounds],
    }
