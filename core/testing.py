"""The pytest plugin for method authors: a contract check and a fake-clock runner.

Enable it in your plugin's tests with ``-p intervisie.core.testing`` (for instance in
``[tool.pytest.ini_options] addopts``) or ``pytest_plugins = ["intervisie.core.testing"]`` in
your top-level ``conftest.py``. It has no ``pytest11`` entry point on purpose: it never loads
into the test runs of projects that merely have intervisie installed. It is the only module of
``intervisie.core`` that imports pytest, and it does not pin pytest's version.

``check_plugin("balint")`` loads your *installed* plugin through its entry point, exactly as
``intervisie`` does, and checks every method as strictly as ``INTERVISIE_STRICT_PLUGINS=1``
would, and a little more (see `method_problems`). One failure lists every problem, each with
where it is and what to do about it, so you fix them all in one go.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import metadata
from typing import Any

import attrs
import pytest

from intervisie.core.i18n import N_, _
from intervisie.core.meeting import commands as cmd
from intervisie.core.meeting.clock import FakeClock
from intervisie.core.meeting.engine import DomainError, Engine
from intervisie.core.meeting.events import Event
from intervisie.core.meeting.model import FACILITATOR, Group, Member, PhaseRun, Round, SessionState
from intervisie.core.method.model import (
    LANGUAGES,
    ContributionKind,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    Text,
)
from intervisie.core.method.model import _phase_texts as phase_texts
from intervisie.core.method.model import method_problems as model_problems
from intervisie.core.plugins.loading import GROUP, LoadedMethod, PluginInfo, load_registry

__all__ = [
    "MAX_ROUND_MINUTES",
    "MIN_ROUND_MINUTES",
    "PROMPTED_KINDS",
    "FakeClock",
    "MethodRun",
    "check_method",
    "check_plugin",
    "explain",
    "method_problems",
    "plugin_problems",
    "run_method",
]


PROMPTED_KINDS: frozenset[PhaseKind] = frozenset(
    {PhaseKind.QUESTIONS, PhaseKind.ROUND, PhaseKind.WRITING, PhaseKind.FORCES}
)
"""Phase kinds whose capture field the TUI shows with example prompts beside it."""

MIN_ROUND_MINUTES = 10
MAX_ROUND_MINUTES = 240
"""A round must fit in a sitting: the longest sittings the rule profiles know last 4 hours."""
MAX_PHASE_MINUTES = 120
MAX_VARIANTS = 256
"""Option combinations checked one by one; beyond this only defaults-but-one are checked."""

_VERSION = re.compile(r"^\d+(\.\d+){0,3}([.+-]?[A-Za-z0-9.]+)?$")


# -- what is wrong with a method ---------------------------------------------------------------


def method_problems(method: Method) -> list[str]:
    """Every contract problem of `method`, each naming its place and saying what to fix.

    Beyond what the model itself refuses: both languages in every text, a version, role
    instructions in every phase, prompts where the phase kind shows them, unique ids, the
    case owner's position consistent with the case choice, sane minutes in every variant
    and group size, and a method document that loads back as the same method.
    """
    where = _("method {id!r}").format(id=method.id)
    problems = [f"{where}: {p}" for p in model_problems(method)]
    if problems:
        return problems  # the model already says what to fix; the rest would only echo it
    problems += _version_problems(method, where)
    problems += _language_problems(method, where)
    problems += _id_problems(method, where)
    variants = list(_variants(method))
    seen: set[tuple[str, Phase]] = set()
    for options in variants:
        for phase in method.phases_for(options):
            if (phase.id, phase) in seen:
                continue
            seen.add((phase.id, phase))
            problems += _phase_problems(method, phase, _variant_place(where, method, options))
    for options in variants:
        problems += _owner_problems(method, options, _variant_place(where, method, options))
        problems += _minute_problems(method, options, _variant_place(where, method, options))
    problems += _round_trip_problems(method, where)
    return list(dict.fromkeys(problems))


def _variant_place(where: str, method: Method, options: Mapping[str, str]) -> str:
    if options == method.default_options():
        return where
    chosen = ", ".join(f"{k}={v}" for k, v in options.items())
    return _("{where} (options {chosen})").format(where=where, chosen=chosen)


def _variants(method: Method) -> Iterator[dict[str, str]]:
    """Every combination of option choices, defaults first (or defaults-but-one if many)."""
    defaults = method.default_options()
    yield defaults
    ids = [o.id for o in method.options]
    sizes = [len(o.choices) for o in method.options]
    total = 1
    for size in sizes:
        total *= size
    if total <= MAX_VARIANTS:
        for combo in itertools.product(*([c.id for c in o.choices] for o in method.options)):
            values = dict(zip(ids, combo, strict=True))
            if values != defaults:
                yield values
        return
    for option in method.options:
        for choice in option.choices:
            if choice.id != option.default:
                yield {**defaults, option.id: choice.id}


def _version_problems(method: Method, where: str) -> list[str]:
    if _VERSION.match(method.version or ""):
        return []
    return [
        _(
            '{where}, version: {version!r} is not a version number. Give one like "1.0" and '
            "raise it whenever the phases or minutes change."
        ).format(where=where, version=method.version)
    ]


def _all_texts(method: Method) -> Iterator[tuple[str, Text]]:
    yield from method.texts()
    for option in method.options:
        yield f"options.{option.id}.description", option.description
        for choice in option.choices:
            yield f"options.{option.id}.{choice.id}.description", choice.description
    seen = {phase.id for phase in method.phases}
    for options in _variants(method):
        for phase in method.phases_for(options):
            if phase not in method.phases and phase.id in seen:
                yield from phase_texts(phase)


def _language_problems(method: Method, where: str) -> list[str]:
    problems = []
    for place, text in _all_texts(method):
        if text.is_empty():
            continue
        missing = text.missing(LANGUAGES)
        if missing:
            problems.append(
                _(
                    "{where}, {place}: no {languages} text. Give every text in Dutch and "
                    'English: Text.of(nl="...", en="...").'
                ).format(where=where, place=place, languages="/".join(missing))
            )
    return problems


def _duplicates(ids: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    twice = []
    for item in ids:
        if item in seen and item not in twice:
            twice.append(item)
        seen.add(item)
    return twice


def _id_problems(method: Method, where: str) -> list[str]:
    groups: list[tuple[str, list[str]]] = [("options", [o.id for o in method.options])]
    for option in method.options:
        groups.append((f"options.{option.id}.choices", [c.id for c in option.choices]))
    for phase in method.phases:
        place = f"phase {phase.id!r}"
        groups.append((f"{place}, sides", [s.id for s in phase.sides]))
        groups.append((f"{place}, criteria", [c.id for c in phase.criteria]))
    problems = []
    for place, ids in groups:
        for dup in _duplicates(ids):
            problems.append(
                _("{where}, {place}: the id {id!r} appears twice. Give each its own id.").format(
                    where=where, place=place, id=dup
                )
            )
    return problems


_ROLE_FIX = {
    "facilitator": N_("what the facilitator guards and says in this phase"),
    "case_owner": N_("what the case owner does (or must not do) in this phase"),
    "participants": N_("what the participants do in this phase"),
}


def _phase_problems(method: Method, phase: Phase, where: str) -> list[str]:
    place = _("{where}, phase {phase!r}").format(where=where, phase=phase.id)
    problems = []
    roles = ["facilitator", "participants"]
    if phase.owner is not OwnerPosition.NONE:
        roles.insert(1, "case_owner")
    for role in roles:
        if getattr(phase.instructions, role).is_empty():
            problems.append(
                _(
                    "{place}, instructions.{role}: missing. The TUI shows each role its own "
                    "instructions; write {what}."
                ).format(place=place, role=role, what=_(_ROLE_FIX[role]))
            )
    if phase.kind in PROMPTED_KINDS and not phase.prompts:
        problems.append(
            _(
                "{place}, prompts: a {kind} phase needs prompts, the examples the TUI shows "
                "beside the capture field. Add two or three: prompts=(Text.of(nl=..., en=...),)."
            ).format(place=place, kind=phase.kind.value)
        )
    planned = phase.planned_minutes(method.group_size.ideal)
    if planned > MAX_PHASE_MINUTES:
        problems.append(
            _(
                "{place}: {minutes:g} minutes with {people} people, more than {most}. Split "
                "the phase or give it fewer minutes."
            ).format(
                place=place, minutes=planned, people=method.group_size.ideal, most=MAX_PHASE_MINUTES
            )
        )
    return problems


def _owner_problems(method: Method, options: Mapping[str, str], where: str) -> list[str]:
    """The case owner is unknown until the (last) choice phase ends, and known after it."""
    phases = method.phases_for(options)
    last_choice = max((i for i, p in enumerate(phases) if p.kind is PhaseKind.CHOICE), default=-1)
    problems = []
    for i, phase in enumerate(phases):
        place = _("{where}, phase {phase!r}").format(where=where, phase=phase.id)
        no_owner = phase.owner is OwnerPosition.NONE
        if i <= last_choice and not no_owner:
            problems.append(
                _(
                    "{place}, owner: {owner!r}, but the case is chosen only in phase {choice!r}. "
                    'Phases up to the choice have owner "none".'
                ).format(place=place, owner=phase.owner.value, choice=phases[last_choice].id)
            )
        elif i > last_choice and no_owner:
            problems.append(
                _(
                    '{place}, owner: "none" means there is no case owner yet, which is only true '
                    "before a choice phase. Say where the owner is (presenting, answering, "
                    "listening, turned_away, participating)."
                ).format(place=place)
            )
    return problems


def _minute_problems(method: Method, options: Mapping[str, str], where: str) -> list[str]:
    gs = method.group_size
    problems = []
    for people in sorted({gs.min, gs.ideal, gs.max}):
        total = method.total_minutes(people, options)
        if not MIN_ROUND_MINUTES <= total <= MAX_ROUND_MINUTES:
            problems.append(
                _(
                    "{where}: {minutes:g} minutes in all with {people} people; a round takes "
                    "{low} to {high} minutes. Change minutes or minutes_per_turn, or the "
                    "group_size."
                ).format(
                    where=where,
                    minutes=total,
                    people=people,
                    low=MIN_ROUND_MINUTES,
                    high=MAX_ROUND_MINUTES,
                )
            )
    return problems


def _round_trip_problems(method: Method, where: str) -> list[str]:
    """`methods show --json` and stored rounds keep the method as a document: it must load back."""
    from intervisie.core.method.converter import DocumentError, method_document, structure

    try:
        again = structure(method_document(method), Method)
    except (DocumentError, ValueError) as exc:
        return [
            _(
                "{where}: its method document does not load back ({error}). Use only the "
                "model's own types (Text, tuples, numbers, strings) in the method."
            ).format(where=where, error=exc)
        ]
    if again != method:
        return [
            _(
                "{where}: its method document loads back as a different method. Use only the "
                "model's own types (Text, tuples, numbers, strings) in the method."
            ).format(where=where)
        ]
    return []


# -- what is wrong with a plugin ---------------------------------------------------------------

_ERROR_FIXES: tuple[tuple[str, str], ...] = (
    (
        "cannot import",
        N_(
            "The module named in the entry point raised while importing. Run python -c "
            '"import MODULE" to see the traceback.'
        ),
    ),
    (
        "unknown hook",
        N_(
            "A function marked @hookimpl has a name that is not a hook. See docs/hooks.md for "
            "the hook names; they all start with intervisie_."
        ),
    ),
    (
        "invalid method",
        N_("Building a Method failed: fix the fields named above. All problems are listed."),
    ),
    (
        "already used by",
        N_(
            "Method ids are unique across all installed plugins and house methods. Choose "
            "another id, for instance prefixed with your organisation."
        ),
    ),
    (
        "cannot register",
        N_("The entry point must name a module (or an object) with @hookimpl functions."),
    ),
    (
        "slow to load",
        N_(
            "Every intervisie command waits for this: import heavy modules inside the "
            "functions that need them, not at the top of the plugin."
        ),
    ),
    ("must return a list", N_("A hook returns a list: return [METHOD], not METHOD.")),
    ("not a Method", N_("intervisie_methods returns Method objects from intervisie.core.")),
    ("raised", N_("The hook raised an exception: call it by hand to see the traceback.")),
)


def explain(error: str) -> str:
    """What a loader error means and what to do about it (docs/authoring.md lists them too)."""
    for marker, fix in _ERROR_FIXES:
        if marker in error:
            return _(fix)
    return ""


def _entry_points(name: str) -> list[metadata.EntryPoint]:
    found: dict[tuple[str | None, str], metadata.EntryPoint] = {}
    for ep in metadata.entry_points(group=GROUP, name=name):
        found.setdefault((ep.dist.name if ep.dist else None, ep.value), ep)
    return list(found.values())


def plugin_problems(name: str, *, require_methods: bool = True) -> tuple[list[str], list[Method]]:
    """Load the installed entry point `name` as intervisie would; its problems and methods."""
    eps = _entry_points(name)
    if not eps:
        return [
            _(
                "no entry point {name!r} in the group {group!r} is installed. Declare it in "
                'pyproject.toml ([project.entry-points.intervisie] {name} = "your_module") '
                'and install your package, e.g. pip install -e ".".'
            ).format(name=name, group=GROUP)
        ], []
    if len(eps) > 1:
        dists = ", ".join(sorted(ep.dist.name if ep.dist else "?" for ep in eps))
        return [
            _(
                "the entry point name {name!r} is declared by more than one distribution "
                "({dists}); INTERVISIE_PLUGINS could not tell them apart. Rename yours."
            ).format(name=name, dists=dists)
        ], []
    registry = load_registry(house=False, only=[name])
    info = next((p for p in registry.plugins if p.name == name), None)
    if info is None:  # pragma: no cover - load_registry always lists a named entry point
        return [_("entry point {name!r} did not load").format(name=name)], []
    methods = [registry.methods[m].method for m in info.methods]
    # Language warnings come back below from method_problems, each with its fix.
    covered = {w for method in methods for w in method.language_warnings()}
    problems = _info_problems(info, covered)
    if require_methods and not methods and not info.error:
        problems.append(
            _(
                "plugin {name!r} provides no method. Implement intervisie_methods() with "
                "@hookimpl and return a list of Method."
            ).format(name=name)
        )
    problems += _clashes(name, info.methods)
    for method in methods:
        problems += method_problems(method)
    return list(dict.fromkeys(problems)), methods


def _info_problems(info: PluginInfo, covered: set[str]) -> list[str]:
    problems = []
    if info.error:
        line = _("plugin {name!r}: {error}").format(name=info.name, error=info.error)
        fix = explain(info.error)
        problems.append(f"{line}. {fix}" if fix else line)
    for warning in info.warnings:
        if warning in covered:
            continue
        line = _("plugin {name!r}: {warning} (a failure under INTERVISIE_STRICT_PLUGINS=1)")
        line = line.format(name=info.name, warning=warning)
        fix = explain(warning)
        problems.append(f"{line}. {fix}" if fix else line)
    return problems


def _clashes(name: str, method_ids: list[str]) -> list[str]:
    """Method ids this plugin shares with any other installed plugin (loaded in any order)."""
    if not method_ids:
        return []
    others = sorted({ep.name for ep in metadata.entry_points(group=GROUP)} - {name})
    if not others:
        return []
    registry = load_registry(house=False, only=others)
    problems = []
    for method_id in method_ids:
        other: LoadedMethod | None = registry.methods.get(method_id)
        if other is not None:
            owner = other.source.distribution or other.source.plugin
            problems.append(
                _(
                    "method id {id!r} is also provided by {other}; only one of them would load. "
                    "Choose another id."
                ).format(id=method_id, other=owner)
            )
    return problems


def _fail(problems: list[str], subject: str) -> None:
    header = _("{subject}: {count} problem(s) to fix").format(subject=subject, count=len(problems))
    pytest.fail("\n".join([header, *(f"  - {p}" for p in problems)]), pytrace=False)


def check_plugin(name: str, *, require_methods: bool = True) -> list[Method]:
    """Fail the test, listing every problem, unless plugin `name` passes the contract.

    Returns the plugin's methods, so a test can go on with them.
    """
    problems, methods = plugin_problems(name, require_methods=require_methods)
    if problems:
        _fail(problems, _("plugin {name!r}").format(name=name))
    return methods


def check_method(method: Method) -> Method:
    """Check one method without installing anything (the entry point is checked separately)."""
    problems = method_problems(method)
    if problems:
        _fail(problems, _("method {id!r}").format(id=method.id))
    return method


# -- running a method through the engine -------------------------------------------------------

MEMBER_NAMES = ("Anna", "Bram", "Carla", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Ivo", "Joke")


@attrs.frozen
class MethodRun:
    """What `run_method` did: the finished meeting, its events and the phases it went through."""

    method: Method
    state: SessionState
    events: tuple[Event, ...]
    phases: tuple[str, ...]
    """Phase ids in the order the round visited them."""
    minutes: float
    """Fake minutes from the round's start to its finish."""

    @property
    def round(self) -> Round:
        return self.state.rounds[-1]


def _group(people: int) -> Group:
    members = tuple(
        Member(f"m{i + 1}", MEMBER_NAMES[i] if i < len(MEMBER_NAMES) else f"Member {i + 1}")
        for i in range(people)
    )
    return Group("test-group", "Test group", members)


class _Runner:
    """Drives one meeting through the engine the way a facilitator would, on a fake clock."""

    def __init__(self, method: Method, engine: Engine, clock: FakeClock):
        self.method = method
        self.engine = engine
        self.clock = clock
        self.where = _("method {id!r}").format(id=method.id)

    def do(self, command: str, call: Callable[[], object]) -> None:
        """Run one engine command; a refusal fails the test, naming the command and phase."""
        try:
            call()
        except DomainError as exc:
            rnd = self.engine.state.round
            if rnd is not None:
                message = _("{where}: the engine refused {command} in phase {phase!r}: {error}")
            else:
                message = _("{where}: the engine refused {command}: {error}")
            phase = rnd.phase.id if rnd is not None else ""
            pytest.fail(
                message.format(where=self.where, command=command, phase=phase, error=exc),
                pytrace=False,
            )

    @property
    def run(self) -> PhaseRun:
        rnd = self.engine.state.round
        assert rnd is not None
        return rnd.phase

    def others(self) -> list[str]:
        """Participants who may speak now: everyone but the case owner once there is one."""
        state = self.engine.state
        owner = state.round.owner if state.round is not None else None
        return [p for p in state.participants if p != owner]

    def contribute(self, author: str, index: int) -> None:
        state = self.engine.state
        rnd = state.round
        assert rnd is not None
        phase = rnd.phase.phase
        e = self.engine
        kind = phase.kind
        if kind is PhaseKind.INTAKE:
            self.do(
                "add_case", lambda: e.execute(cmd.AddCase(owner=author, title=f"Case {index + 1}"))
            )
        elif kind is PhaseKind.CHOICE:
            open_cases = [c for c in state.cases if c.owner in state.present]
            if open_cases:
                self.do("vote", lambda: e.execute(cmd.Vote(voter=author, case_id=open_cases[0].id)))
        elif kind is PhaseKind.FORCES:
            side = phase.sides[index % len(phase.sides)].id
            self.do(
                "contribute",
                lambda: e.execute(
                    cmd.AddContribution(
                        author=author,
                        kind=ContributionKind.FORCE,
                        text=f"Force {index + 1}",
                        side=side,
                    )
                ),
            )
        elif kind is PhaseKind.RATING:
            forces = [c for c in state.contributions_in(rnd.id) if c.kind is ContributionKind.FORCE]
            target = forces[index % len(forces)].id if forces else None
            ratings = {c.id: c.max for c in phase.criteria}
            self.do(
                "contribute",
                lambda: e.execute(
                    cmd.AddContribution(
                        author=author, kind=ContributionKind.RATING, ratings=ratings, target=target
                    )
                ),
            )
        elif kind is PhaseKind.EVALUATION:
            ratings = {c.id: c.max for c in phase.criteria}
            self.do(
                "contribute",
                lambda: e.execute(
                    cmd.AddContribution(
                        author=author,
                        kind=ContributionKind.EVALUATION,
                        text="Went well",
                        ratings=ratings,
                    )
                ),
            )
        else:
            text_kind = {
                PhaseKind.PRESENTATION: ContributionKind.NOTE,
                PhaseKind.QUESTIONS: ContributionKind.QUESTION,
                PhaseKind.WRITING: ContributionKind.WRITING,
            }.get(kind, ContributionKind.REMARK)
            self.do(
                "contribute",
                lambda: e.execute(
                    cmd.AddContribution(author=author, kind=text_kind, text=f"Text {index + 1}")
                ),
            )

    def phase(self, contribute: bool) -> None:
        run = self.run
        if run.turns:
            per_turn = run.turn_minutes or run.planned_minutes / len(run.turns)
            for index, speaker in enumerate(run.turns):
                if contribute:
                    self.contribute(speaker, index)
                self.clock.advance(minutes=per_turn)
                self.do("next_turn", lambda: self.engine.execute(cmd.NextTurn()))
            return
        if contribute:
            authors = self.others() if run.phase.kind is PhaseKind.QUESTIONS else None
            if run.phase.kind is PhaseKind.PRESENTATION:
                authors = [FACILITATOR]
            for index, author in enumerate((authors or self.others())[:3]):
                self.contribute(author, index)
        self.clock.advance(minutes=run.planned_minutes)

    def reveal_hidden(self) -> None:
        rnd = self.engine.state.round
        assert rnd is not None
        for run in rnd.phases[: rnd.current + 1]:
            if run.phase.hidden_until_reveal and run.visited and not run.revealed:
                self.do(
                    "reveal", functools.partial(self.engine.execute, cmd.Reveal(phase_id=run.id))
                )


def run_method(
    method: Method,
    *,
    participants: int | None = None,
    options: Mapping[str, str] | None = None,
    contribute: bool = True,
    clock: FakeClock | None = None,
) -> MethodRun:
    """Run `method` through the engine from its first phase to its last, on a fake clock.

    A group of `participants` (default: the method's ideal size) meets. When the method has
    no choice phase of its own, member m1 brings the case in first; when it chooses without
    an intake phase of its own, two members name cases at the meeting's intake. Each phase
    gets a contribution of a kind it captures from a few members (or from every speaker, turn
    by turn), the clock moves on by the phase's minutes, hidden phases are revealed once
    left, and the round and meeting are finished. A command the engine refuses fails the test,
    naming the phase.
    """
    clock = clock or FakeClock()
    people = participants if participants is not None else method.group_size.ideal
    group = _group(people)
    present = tuple(m.id for m in group.members)
    engine = Engine(clock)
    runner = _Runner(method, engine, clock)
    total = method.total_minutes(people, options)
    runner.do(
        "open_meeting",
        lambda: engine.execute(
            cmd.OpenMeeting(
                group=group,
                present=present,
                facilitator="Facilitator",
                confidentiality=present,
                minutes_available=min(total + 30, 24 * 60),
                demo=True,
            )
        ),
    )
    kinds = [p.kind for p in method.phases_for(options)]
    if PhaseKind.CHOICE not in kinds:
        runner.do("add_case", lambda: engine.execute(cmd.AddCase(owner=present[0], title="Case 1")))
        case_id = engine.state.cases[-1].id
        runner.do("choose_case", lambda: engine.execute(cmd.ChooseCase(case_id=case_id)))
    elif PhaseKind.INTAKE not in kinds[: kinds.index(PhaseKind.CHOICE)]:
        # The method chooses from the meeting's case list: members name cases first.
        for member in present[:2]:
            add = cmd.AddCase(owner=member, title="Case")
            runner.do("add_case", functools.partial(engine.execute, add))
    runner.do("start_round", lambda: engine.execute(cmd.StartRound(method=method, options=options)))
    started = clock.now()
    visited = []
    while True:
        visited.append(runner.run.id)
        runner.phase(contribute)
        rnd = engine.state.round
        assert rnd is not None
        if rnd.current == len(rnd.phases) - 1:
            break
        runner.do("next_phase", lambda: engine.execute(cmd.NextPhase()))
        runner.reveal_hidden()
    runner.reveal_hidden()
    minutes = round((clock.now() - started).total_seconds() / 60, 6)
    runner.do("finish_round", lambda: engine.execute(cmd.FinishRound()))
    runner.do("finish_meeting", lambda: engine.execute(cmd.FinishMeeting()))
    return MethodRun(method, engine.state, engine.events, tuple(visited), minutes)


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(name="check_plugin")
def _check_plugin_fixture():
    """`check_plugin(entry_point_name)`: the contract check, as a fixture."""
    return check_plugin


@pytest.fixture
def fake_clock() -> FakeClock:
    """A clock that stands still until the test moves it (`advance(minutes=...)`)."""
    return FakeClock()


@pytest.fixture(name="run_method")
def _run_method_fixture(fake_clock: FakeClock):
    """`run_method(method, participants=None, options=None)`: a whole round on `fake_clock`."""

    def run(method: Method, **kwargs: Any) -> MethodRun:
        kwargs.setdefault("clock", fake_clock)
        return run_method(method, **kwargs)

    return run


@pytest.fixture(name="check_method")
def _check_method_fixture():
    """`check_method(method)`: the contract check for one `Method` value."""
    return check_method


# -- generated tests ---------------------------------------------------------------------------

INI_PLUGINS = "intervisie_plugins"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI_PLUGINS,
        type="args",
        default=[],
        help=_("Entry-point names of intervisie plugins whose contract the kit checks itself."),
    )


class ContractItem(pytest.Item):
    """A generated test: the contract check of one plugin, then a run of each of its methods."""

    def __init__(self, *, plugin: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.plugin = plugin

    def runtest(self) -> None:
        for method in check_plugin(self.plugin):
            for options in _variants(method):
                run_method(method, options=options)

    def reportinfo(self) -> tuple[Any, int | None, str]:
        return self.config.inipath or self.config.rootpath, None, self.name


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Add one `intervisie-contract[NAME]` test per name in the `intervisie_plugins` ini list.

    An author then needs no test code at all for the contract: listing the entry point in
    ``[tool.pytest.ini_options] intervisie_plugins = ["balint"]`` is enough.
    """
    for name in config.getini(INI_PLUGINS):
        items.append(
            ContractItem.from_parent(session, name=f"intervisie-contract[{name}]", plugin=name)
        )
