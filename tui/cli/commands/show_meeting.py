"""The meeting document as text, for `sessions show` without `--json`."""

from __future__ import annotations

from typing import Any

from intervisie.core.i18n import _, current_language


def _text(value: Any) -> str:
    """A localized method text (`{"nl": ..., "en": ...}`) in the current language."""
    if isinstance(value, dict):
        lang = current_language()
        return str(value.get(lang) or next(iter(value.values()), ""))
    return str(value or "")


def _contribution(c: dict[str, Any], names: dict[str, str]) -> str:
    author = names.get(c["author"], c["author"])
    extra = []
    if c.get("side"):
        extra.append(c["side"])
    if c.get("ratings"):
        extra.append(", ".join(f"{k} {v}" for k, v in c["ratings"].items()))
    if c.get("target"):
        extra.append("-> " + c["target"])
    tail = f" [{'; '.join(extra)}]" if extra else ""
    return f"    - {c['kind']} · {author}: {c['text']}{tail}"


def render(doc: dict[str, Any]) -> str:
    names = {m["id"]: m["name"] for m in doc["members"]}
    group = doc["group"]["name"] if doc.get("group") else "-"
    status = _("finished") if doc["status"] == "finished" else _("open")
    lines = [
        _("Meeting {id}, {date}, {group} ({status})").format(
            id=doc["id"], date=doc["date"] or "-", group=group, status=status
        )
    ]
    if doc["demo"]:
        lines.append(_("Demo meeting: it proves nothing."))
    present = [m["name"] for m in doc["members"] if m["present"]]
    lines.append(_("Present: {names}").format(names=", ".join(present) or "-"))
    lines.append(
        _("Facilitator: {name}").format(
            name=names.get(doc["facilitator"], doc["facilitator"]) or "-"
        )
    )
    lines.append("")
    lines.append(_("Cases"))
    for case in doc["cases"]:
        owner = names.get(case["owner"], case["owner"])
        lines.append(f"  {case['id']}  {case['title']} ({owner})")
        if case["description"]:
            lines.append(f"      {case['description']}")
    if doc["contributions"]:
        lines.append("")
        lines.append(_("At the meeting's own steps"))
        step = None
        for c in doc["contributions"]:
            if c["step"] != step:
                step = c["step"]
                lines.append(f"  {step}:")
            lines.append(_contribution(c, names))
    for number, rnd in enumerate(doc["rounds"], start=1):
        lines.append("")
        owner = names.get(rnd["owner"], rnd["owner"]) if rnd["owner"] else "-"
        lines.append(
            _("Round {n}: {method}, case {case}, owner {owner}").format(
                n=number, method=_text(rnd["method"].get("name")), case=rnd["case"], owner=owner
            )
        )
        titles = {p["id"]: _text(p.get("name")) for p in rnd["method"].get("phases", [])}
        for phase in rnd["phases"]:
            mark = _(" (skipped)") if phase["skipped"] else ""
            lines.append(
                _("  {phase}: {minutes:g} of {planned:g} min{mark}").format(
                    phase=titles.get(phase["id"], phase["id"]),
                    minutes=phase["minutes"],
                    planned=phase["planned_minutes"] + phase["extension_minutes"],
                    mark=mark,
                )
            )
            for c in rnd["contributions"]:
                if c.get("phase") == phase["id"]:
                    lines.append(_contribution(c, names))
    return "\n".join(lines)
