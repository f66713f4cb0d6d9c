"""Meeting setup: the group, who is present, roles, time available (and how the method fits
it), place or online, rule profile, the method's options, and each present member's
acceptance of the confidentiality agreement. Ctrl+S (or the button) opens the meeting."""

from __future__ import annotations

import secrets

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Select, TextArea

from intervisie.core.i18n import N_, _, current_language
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.flow import preview_round
from intervisie.core.meeting.model import Group, Member
from intervisie.tui.app.screens.base import BaseScreen
from intervisie.tui.app.widgets.keybar import KeyBar
from intervisie.tui.app.widgets.labels import minutes, text
from intervisie.tui.app.widgets.plain import Label, Static, plain
from intervisie.tui.app.widgets.ticks import Checkbox, SelectionList

NEW_GROUP = "__new__"


def parse_members(raw: str, known: Group | None) -> tuple[Member, ...]:
    """Names separated by commas; a name the group already has keeps its member id."""
    by_name = {m.name.lower(): m for m in known.members} if known else {}
    used = {m.id for m in known.members} if known else set()
    members: list[Member] = []
    for name in (part.strip() for part in raw.replace("\n", ",").split(",")):
        if not name or name.lower() in {m.name.lower() for m in members}:
            continue
        found = by_name.get(name.lower())
        if found is None:
            n = len(used) + 1
            while f"m{n}" in used:
                n += 1
            found = Member(f"m{n}", name)
            used.add(found.id)
        members.append(found)
    return tuple(members)


class SetupScreen(BaseScreen):
    CSS_PATH = "setup.tcss"
    form = True  # letters type into the fields: no single-letter keys here
    BINDINGS = [
        Binding("ctrl+s", "open_meeting", N_("open the meeting"), priority=True),
        Binding("escape", "app.pop_screen", N_("back")),
    ]

    def __init__(self, method_id: str) -> None:
        super().__init__()
        self.method_id = method_id

    @property
    def method(self):
        return self.app.registry.get(self.method_id)  # type: ignore[attr-defined]

    def groups(self) -> list[Group]:
        return self.app.stored_groups()  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        lang = current_language()
        method = self.method
        groups = self.groups()
        yield Static(id="setup-title")
        with VerticalScroll(id="form"):
            yield Label(_("Group"), classes="field", name="Group")
            options = [(plain(g.name), g.id) for g in groups] + [(_("A new group"), NEW_GROUP)]
            yield Select(
                options, value=groups[0].id if groups else NEW_GROUP, allow_blank=False, id="group"
            )
            yield Input(placeholder=_("name of the group"), id="group-name")
            yield Label(
                _("Members (names, separated by commas)"),
                classes="field",
                name="Members (names, separated by commas)",
            )
            yield Input(placeholder="Sanne, Pieter, Aylin, Joost, Eva", id="members")
            yield Label(_("Present (space ticks)"), classes="field", name="Present (space ticks)")
            yield SelectionList[str](id="present")
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label(_("Facilitator"), classes="field", name="Facilitator")
                    yield Select([], id="facilitator", prompt=_("choose"))
                    yield Checkbox(_("takes part too"), id="participates", name="takes part too")
                with Vertical(classes="col"):
                    yield Label(
                        _("Timekeeper (optional)"), classes="field", name="Timekeeper (optional)"
                    )
                    yield Select([], id="timekeeper", prompt=_("nobody"))
                    yield Label(
                        _("Note-taker (optional)"), classes="field", name="Note-taker (optional)"
                    )
                    yield Select([], id="note-taker", prompt=_("nobody"))
            for option in method.options:
                yield Label(text(option.name, lang), classes="field")
                yield Select(
                    [(plain(text(c.name, lang)), c.id) for c in option.choices],
                    value=option.default,
                    allow_blank=False,
                    id=f"option-{option.id}",
                    classes="method-option",
                )
            with Horizontal(classes="row"):
                with Vertical(classes="col"):
                    yield Label(_("Minutes available"), classes="field", name="Minutes available")
                    planned = method.total_minutes()
                    yield Input(str(int(-(-planned // 5) * 5)), id="minutes", type="integer")
                with Vertical(classes="col"):
                    yield Label(_("Place"), classes="field", name="Place")
                    yield Input(placeholder=_("room, building"), id="place")
                    yield Checkbox(_("online"), id="online", name="online")
            yield Static(id="fit")
            yield Label(_("Rule profile"), classes="field", name="Rule profile")
            profiles = self.profiles()
            yield Select(
                [(plain(text(p.name, lang)), pid) for pid, p in profiles.items()],
                value=self.default_profile(),
                allow_blank=False,
                id="profile",
            )
            yield Static(id="profile-warnings")
            yield Label(
                _("Confidentiality: each present member accepts the agreement"),
                classes="field",
                name="Confidentiality: each present member accepts the agreement",
            )
            yield TextArea(self.frame().agreement, id="agreement", soft_wrap=True)
            yield Checkbox(
                _("Everyone present accepts"), id="all-accept", name="Everyone present accepts"
            )
            yield SelectionList[str](id="confidentiality")
            yield Button(_("Open the meeting (ctrl+s)"), id="open", variant="primary")
        yield KeyBar()

    def profiles(self) -> dict:
        """The rule profiles to choose from (core's and the plugins'), by id."""
        if getattr(self, "_profiles", None) is None:
            from intervisie.core.reports.profiles import rule_profiles

            self._profiles = rule_profiles(self.app.registry)  # type: ignore[attr-defined]
        return self._profiles

    def frame(self):
        """What the chosen group's previous meeting passes on (defaults for a new group)."""
        if self.is_mounted:
            group = self.group()
        else:  # composing: the group the form starts with
            group = next(iter(self.groups()), None)
        key = group.id if group is not None else None
        if getattr(self, "_frame_for", ()) != (key,):
            self._frame_for = (key,)
            self._frame = self.app.group_frame(key)  # type: ignore[attr-defined]
        return self._frame

    def default_profile(self) -> str:
        wanted = self.frame().rule_profile
        profiles = self.profiles()
        return wanted if wanted in profiles else next(iter(profiles))

    def profile(self):
        value = self.query_one("#profile", Select).value
        return self.profiles().get(value) if isinstance(value, str) else None

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#form").can_focus = False
        for widget in self.query("#form Input, #form Select"):
            widget.compact = True  # type: ignore[attr-defined]
        for field in self.query("#form Input").results(Input):
            field.select_on_focus = False  # a click or Tab into a field never wipes it
        self.fill_group()
        self.query_one("#group", Select).focus()

    def relabel(self) -> None:
        """Every label in the language now in force (`l` works here too)."""
        super().relabel()
        lang = current_language()
        title = RichText(" " + _("New meeting") + " · ", style="bold")
        title.append(text(self.method.name, lang), style="bold")
        self.query_one("#setup-title", Static).update(title)
        for label in self.query("Label.field").results(Label):
            if label.name:
                label.update(_(label.name))
        for box in self.query(Checkbox).results(Checkbox):
            if box.name:
                box.label = _(box.name)
        self.query_one("#open", Button).label = _("Open the meeting (ctrl+s)")
        self.query_one("#group-name", Input).placeholder = _("name of the group")
        self.query_one("#place", Input).placeholder = _("room, building")
        self.show_fit()

    # -- the form -----------------------------------------------------------------------

    def group(self) -> Group | None:
        value = self.query_one("#group", Select).value
        return next((g for g in self.groups() if g.id == value), None)

    def fill_group(self) -> None:
        group = self.group()
        current = group.id if group else NEW_GROUP
        if getattr(self, "_filled_group", None) == current:
            return  # the Select reports its first value late; keep what was typed
        self._filled_group = current
        if group is not None:  # a new group keeps whatever was typed already
            self.query_one("#group-name", Input).value = group.name
            self.query_one("#members", Input).value = ", ".join(m.name for m in group.members)
            self.fill_frame()
        self.fill_members()

    def fill_frame(self) -> None:
        """The group's profile, place, minutes, facilitator and wording from its last meeting."""
        frame = self.frame()
        self.query_one("#profile", Select).value = self.default_profile()
        self.query_one("#place", Input).value = frame.place
        self.query_one("#online", Checkbox).value = frame.online
        if frame.minutes_available:
            self.query_one("#minutes", Input).value = f"{frame.minutes_available:g}"
        self.query_one("#participates", Checkbox).value = frame.facilitator_participates
        self.query_one("#agreement", TextArea).text = frame.agreement
        self._frame_facilitator = frame.facilitator

    def members(self) -> tuple[Member, ...]:
        return parse_members(self.query_one("#members", Input).value, self.group())

    def fill_members(self) -> None:
        members = self.members()
        present = self.query_one("#present", SelectionList)
        was = set(present.selected) if present.option_count else {m.id for m in members}
        present.clear_options()
        for m in members:
            present.add_option((plain(m.name), m.id, m.id in was or m.id not in self._known_ids()))
        if members:
            present.highlighted = 0
        self._known = {m.id for m in members}
        self.fill_roles()

    def _known_ids(self) -> set[str]:
        return getattr(self, "_known", set())

    def present(self) -> list[str]:
        selected = set(self.query_one("#present", SelectionList).selected)
        return [m.id for m in self.members() if m.id in selected]

    def fill_roles(self) -> None:
        names = {m.id: m.name for m in self.members()}
        present = [(plain(names[m]), m) for m in self.present()]
        for wid in ("#facilitator", "#timekeeper", "#note-taker"):
            select = self.query_one(wid, Select)
            keep = select.value
            select.set_options(present)
            if keep in dict((v, k) for k, v in present):
                select.value = keep
        facilitator = self.query_one("#facilitator", Select)
        remembered = getattr(self, "_frame_facilitator", None)
        if remembered is not None and remembered in dict((v, k) for k, v in present):
            facilitator.value = remembered
            self._frame_facilitator = None
        if facilitator.value is Select.NULL and present:
            facilitator.value = present[0][1]
        conf = self.query_one("#confidentiality", SelectionList)
        accepted = set(conf.selected)
        conf.clear_options()
        everyone = self.query_one("#all-accept", Checkbox).value
        for name, member_id in present:
            conf.add_option((name, member_id, everyone or member_id in accepted))
        if present:
            conf.highlighted = 0
        self.show_fit()

    def options(self) -> dict[str, str]:
        values = {}
        for option in self.method.options:
            value = self.query_one(f"#option-{option.id}", Select).value
            if isinstance(value, str):
                values[option.id] = value
        return values

    def minutes_available(self) -> float:
        try:
            return float(self.query_one("#minutes", Input).value)
        except ValueError:
            return 0.0

    def participants(self) -> int:
        return len(self.participant_ids())

    def participant_ids(self) -> list[str]:
        """The members present who take part (the facilitator only when ticked)."""
        facilitator = self.query_one("#facilitator", Select).value
        joins = self.query_one("#participates", Checkbox).value
        return [m for m in self.present() if joins or m != facilitator]

    def show_fit(self) -> None:
        fit_line = self.query_one("#fit", Static)
        available = self.minutes_available()
        self.show_profile_warnings()
        if available <= 0:
            fit_line.update("")
            return
        # The round's own plan, as the engine makes it when the round starts.
        phases, _holders, fit = preview_round(
            self.method, self.participant_ids(), self.options(), available
        )
        lang = current_language()
        out = RichText()
        if fit.total >= fit.planned - 0.01:
            out.append(
                "✓ "
                + _("The method fits: {planned} of {available}.").format(
                    planned=minutes(fit.planned), available=minutes(available)
                )
            )
        elif fit.fits:
            out.append(
                "↧ "
                + _("Shortened from {planned} to {total}.").format(
                    planned=minutes(fit.planned), total=minutes(fit.total)
                ),
                style="bold",
            )
        else:
            out.append(
                "⚠ " + _("Does not fit: at least {total} needed.").format(total=minutes(fit.total)),
                style="bold yellow",
            )
        if fit.at_floor:
            names = [text(p.name, lang) for p in phases if p.id in fit.at_floor]
            out.append("\n" + _("At their minimum: {names}").format(names=", ".join(names)))
        fit_line.update(out)

    def show_profile_warnings(self) -> None:
        """Where this meeting falls outside the chosen rule profile (it still may open)."""
        from intervisie.core.reports.profiles import setup_warnings

        profile = self.profile()
        found = []
        if profile is not None:
            found = setup_warnings(
                profile,
                participants=self.participants(),
                minutes=self.minutes_available(),
                online=self.query_one("#online", Checkbox).value,
            )
        self.query_one("#profile-warnings", Static).update(
            RichText("\n".join("⚠ " + line for line in found), style="bold yellow")
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "group":
            self.fill_group()
        elif event.select.id in ("facilitator", "profile") or (event.select.id or "").startswith(
            "option-"
        ):
            self.show_fit()

    def on_input_changed(self, event: Input.Changed) -> None:
        # While someone types the members, the lists below wait until they leave the field:
        # rebuilding them on every key would fight with Tab for the focus.
        if event.input.id == "members" and not event.input.has_focus:
            self.fill_members()
        elif event.input.id == "minutes":
            self.show_fit()

    def on_descendant_blur(self, event) -> None:
        if getattr(event.widget, "id", None) == "members":
            self.fill_members()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "members":
            self.fill_members()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        if event.selection_list.id == "present":
            self.fill_roles()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "all-accept":
            conf = self.query_one("#confidentiality", SelectionList)
            if event.value:
                conf.select_all()
            else:
                conf.deselect_all()
        self.show_fit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "open":
            self.action_open_meeting()

    # -- opening ------------------------------------------------------------------------

    def action_open_meeting(self) -> None:
        group = self.group()
        members = self.members()
        name = self.query_one("#group-name", Input).value.strip()
        if not members:
            self.notify(_("Name the members of the group first."), severity="warning")
            return
        if not name:
            self.notify(_("Give the group a name."), severity="warning")
            return
        agreed = set(self.query_one("#confidentiality", SelectionList).selected)
        if any(member not in agreed for member in self.present()):
            # The engine refuses and says who has not agreed yet; the focus goes to the
            # agreement, so it is on screen at 80x24 with its list beside the message.
            accept = self.query_one("#all-accept", Checkbox)
            accept.focus()
            accept.scroll_visible(animate=False, top=True)
        group_id = group.id if group is not None else "g" + secrets.token_hex(3)
        new_group = Group(group_id, name, members)

        def role(wid: str) -> str | None:
            value = self.query_one(wid, Select).value
            return value if isinstance(value, str) else None

        facilitator = role("#facilitator")
        agreement = self.query_one("#agreement", TextArea).text.strip()
        if not agreement:
            self.notify(
                _("Write the confidentiality agreement the members accept."), severity="warning"
            )
            self.query_one("#agreement", TextArea).focus()
            return
        command = cmd.OpenMeeting(
            group=new_group,
            present=tuple(self.present()),
            facilitator=facilitator or "",
            facilitator_participates=self.query_one("#participates", Checkbox).value,
            timekeeper=role("#timekeeper"),
            note_taker=role("#note-taker"),
            confidentiality=tuple(self.query_one("#confidentiality", SelectionList).selected),
            minutes_available=self.minutes_available(),
            place=self.query_one("#place", Input).value.strip(),
            online=self.query_one("#online", Checkbox).value,
            rule_profile=str(self.query_one("#profile", Select).value),
            agreement=agreement,
        )
        self.app.open_meeting(self.method_id, command, self.options())  # type: ignore[attr-defined]
