"""The testing kit for method authors: what a failing plugin is told, and the fake-clock run.

Plugins are installed as fake distributions (a `*.dist-info` with entry points, as pip lays
out a wheel), so `check_plugin` finds them exactly as it finds an author's installed package.
"""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

from intervisie.core import testing
from intervisie.core.testing import check_plugin, method_problems, run_method

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
from intervisie.core import (hookimpl, Method, Phase, Text, GroupSize, Level, PhaseKind,
    OwnerPosition, Instructions, Criterion, Side)

def t(nl, en):
    return Text.of(nl=nl, en=en)

ROLES = Instructions(
    facilitator=t("Bewaak de tijd.", "Keep the time."),
    case_owner=t("Luister.", "Listen."),
    participants=t("Doe mee.", "Take part."),
)

def make(method_id="kit{n}", **changes):
    phases = [
        Phase(id="questions", name=t("Vragen", "Questions"), kind=PhaseKind.QUESTIONS,
              owner=OwnerPosition.ANSWERING, minutes=10, instructions=ROLES,
              prompts=(t("Wat gebeurde er?", "What happened?"),)),
        Phase(id="forces", name=t("Krachten", "Forces"), kind=PhaseKind.FORCES,
              owner=OwnerPosition.PARTICIPATING, minutes=10, instructions=ROLES,
              sides=(Side("against", t("Tegen", "Against")), Side("for", t("Voor", "For"))),
              prompts=(t("Wat houdt tegen?", "What holds back?"),)),
        Phase(id="rate", name=t("Wegen", "Rate"), kind=PhaseKind.RATING,
              owner=OwnerPosition.PARTICIPATING, minutes=5, instructions=ROLES,
              criteria=(Criterion("intensity", t("Kracht", "Intensity")),)),
        Phase(id="evaluation", name=t("Evaluatie", "Evaluation"), kind=PhaseKind.EVALUATION,
              owner=OwnerPosition.PARTICIPATING, minutes=5, instructions=ROLES,
              criteria=(Criterion("process", t("Proces", "Process")),)),
    ]
    fields = dict(
        id=method_id, version="1.0", name=t("Kit", "Kit"),
        summary=t("Een proef.", "A trial."), level=Level.BEGINNING,
        group_size=GroupSize(3, 6, 10), phases=tuple(phases),
    )
    fields.update(changes)
    return Method(**fields)

@hookimpl
def intervisie_methods():
    return [make()]
"""


_COUNTER = itertools.count()


@pytest.fixture
def install(plugin_dist, monkeypatch: pytest.MonkeyPatch):
    """`install(code, name)`: a distribution `intervisie-<name>` with entry point `name`."""

    def _install(code: str, name: str | None = None) -> str:
        n = next(_COUNTER)  # module names unique in the session: sys.modules keeps them
        name = name or f"kit{n}"
        module = f"kit_plugin_{name.replace('-', '_')}_{n}"
        plugin_dist.add(f"intervisie-{name}", {module: code.replace("{n}", str(n))}, {name: module})
        return name

    monkeypatch.syspath_prepend(str(plugin_dist.root))
    return _install


def failure(name: str) -> str:
    with pytest.raises(pytest.fail.Exception) as info:
        check_plugin(name)
    return str(info.value)


def test_a_sound_plugin_passes_and_its_methods_come_back(install) -> None:
    name = install(GOOD)
    (method,) = check_plugin(name)
    assert method.id == name
    assert method_problems(method) == []


def test_a_plugin_that_is_not_installed_is_told_how_to_declare_the_entry_point() -> None:
    message = failure("nothing-here")
    assert "no entry point 'nothing-here'" in message
    assert "[project.entry-points.intervisie]" in message
    assert "pip install -e" in message


BROKEN: dict[str, tuple[str, str, list[str]]] = {
    "english missing": (
        't("Vragen", "Questions")',
        'Text.of(nl="Vragen")',
        ["phase 'questions', name: no en text", 'Text.of(nl="...", en="...")'],
    ),
    "prompts missing": (
        'prompts=(t("Wat gebeurde er?", "What happened?"),)',
        "prompts=()",
        ["phase 'questions', prompts: a questions phase needs prompts", "Add two or three"],
    ),
    "instructions missing": (
        'minutes=10, instructions=ROLES,\n              prompts=(t("Wat',
        'minutes=10,\n              prompts=(t("Wat',
        [
            "phase 'questions', instructions.facilitator: missing",
            "instructions.case_owner: missing",
            "instructions.participants: missing",
        ],
    ),
    "version": ('version="1.0"', 'version="first"', ["version: 'first' is not a version"]),
    "too long": (
        'minutes=10, instructions=ROLES,\n              prompts=(t("Wat',
        'minutes=None, minutes_per_turn=30, instructions=ROLES,\n              prompts=(t("Wat',
        ["minutes in all with 10 people", "a round takes 10 to 240 minutes"],
    ),
    "owner none": (
        "owner=OwnerPosition.ANSWERING",
        "owner=OwnerPosition.NONE",
        ["phase 'questions', owner: \"none\" means there is no case owner yet"],
    ),
    "duplicate sides": (
        'Side("for", t("Voor", "For"))',
        'Side("against", t("Voor", "For"))',
        ["phase 'forces', sides: the id 'against' appears twice"],
    ),
    "model refuses": (
        'minutes=5, instructions=ROLES,\n              criteria=(Criterion("intensity"',
        'minutes=-5, instructions=ROLES,\n              criteria=(Criterion("intensity"',
        ["invalid method", "minutes: -5 is outside", "fix the fields named above"],
    ),
    "import error": (
        "from intervisie.core import",
        "import no_such_module_x\nfrom intervisie.core import",
        ["cannot import", "No module named 'no_such_module_x'", 'python -c "import MODULE"'],
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_problem_is_named_with_its_place_and_what_to_fix(install, case: str) -> None:
    old, new, expected = BROKEN[case]
    assert old in GOOD, case
    name = install(GOOD.replace(old, new))
    message = failure(name)
    assert f"plugin {name!r}" in message.splitlines()[0]
    for fragment in expected:
        assert fragment in message, f"{case}: {fragment!r} not in\n{message}"
    assert "Traceback" not in message


def test_every_problem_is_listed_in_one_failure(install) -> None:
    code = GOOD.replace('version="1.0"', 'version="x"').replace(
        'prompts=(t("Wat gebeurde er?", "What happened?"),)', "prompts=()"
    )
    message = failure(install(code))
    assert "2 problem(s) to fix" in message.splitlines()[0]
    assert message.count("\n  - ") == 2


def test_a_method_id_another_installed_plugin_uses_is_a_problem(install) -> None:
    first = install(GOOD.replace('method_id="kit{n}"', 'method_id="samename"'))
    second = install(GOOD.replace('method_id="kit{n}"', 'method_id="samename"'))
    for name in (first, second):
        message = failure(name)
        assert "method id 'samename' is also provided by" in message
        assert "Choose another id" in message


def test_a_method_that_clashes_with_a_builtin_fails(install) -> None:
    name = install(GOOD.replace('method_id="kit{n}"', 'method_id="incident"'))
    assert "'incident'" in failure(name)


def test_a_plugin_without_methods_is_told_to_implement_the_hook(install) -> None:
    name = install("from intervisie.core import hookimpl\n")
    assert "provides no method" in failure(name)
    assert check_plugin(name, require_methods=False) == []


def test_language_warnings_fail_as_under_strict_mode(install) -> None:
    code = GOOD.replace('summary=t("Een proef.", "A trial.")', 'summary=Text.of(nl="Proef.")')
    message = failure(install(code))
    assert "summary: no en text" in message


def test_problems_in_an_option_variant_name_the_variant(install) -> None:
    code = GOOD.replace(
        "fields.update(changes)",
        "from intervisie.core import Option, Choice\n"
        "    fields['options'] = (Option('mode', t('Modus', 'Mode'), (\n"
        "        Choice('a', t('A', 'A')),\n"
        "        Choice('b', t('B', 'B'), phases={'questions': {'minutes': 300}}),\n"
        "    ), 'a', t('Keuze', 'Choice')),)\n"
        "    fields.update(changes)",
    )
    message = failure(install(code))
    assert "(options mode=b)" in message
    assert "more than 120" in message


def test_the_kit_explains_every_loader_error_it_knows() -> None:
    for marker, _fix in testing._ERROR_FIXES:
        assert testing.explain(f"something {marker} something")
    assert testing.explain("a message nobody knows") == ""


# -- running a method ------------------------------------------------------------------------


def test_a_method_runs_from_its_first_to_its_last_phase(install) -> None:
    (method,) = check_plugin(install(GOOD))
    run = run_method(method)
    assert run.phases == ("questions", "forces", "rate", "evaluation")
    assert run.minutes == pytest.approx(30)
    assert run.state.finished is not None
    kinds = {c.phase_id: c.kind.value for c in run.state.contributions}
    assert kinds == {
        "questions": "question",
        "forces": "force",
        "rate": "rating",
        "evaluation": "evaluation",
    }


def test_a_method_with_its_own_intake_and_choice_picks_its_owner_in_the_run() -> None:
    from intervisie.core.plugins.loading import load_registry

    incident = load_registry(house=False, only=["incident"]).get("incident")
    run = run_method(incident, participants=4)
    assert run.phases == tuple(p.id for p in incident.phases_for())
    assert run.round.owner is not None
    assert run.round.phase_run("write").revealed
    spoken = run_method(incident, options={"approaches": "spoken"}, participants=4)
    assert "write" not in spoken.phases


def test_a_run_on_the_fake_clock_takes_the_method_s_minutes(install) -> None:
    (method,) = check_plugin(install(GOOD))
    for people in (3, 10):
        assert run_method(method, participants=people).minutes == pytest.approx(
            method.total_minutes(people)
        )


# -- how authors switch it on -----------------------------------------------------------------


def test_only_the_testing_module_of_core_imports_pytest() -> None:
    for path in (ROOT / "core").rglob("*.py"):
        if path.name == "testing.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "import pytest" not in text, path


def test_the_kit_is_never_a_pytest11_entry_point_and_pytest_is_no_dependency() -> None:
    dist = metadata.distribution("intervisie")
    assert not [ep for ep in dist.entry_points if ep.group == "pytest11"]
    requires = [r.lower() for r in dist.requires or [] if "extra ==" not in r]
    assert not [r for r in requires if r.startswith("pytest")]


def _author_project(tmp_path: Path, plugin_dist, conftest: str | None, addopts: str) -> Path:
    project = tmp_path / "author"
    (project / "tests").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        f'[tool.pytest.ini_options]\naddopts = "{addopts}"\n', encoding="utf-8"
    )
    if conftest is not None:
        (project / "conftest.py").write_text(conftest, encoding="utf-8")
    (project / "tests" / "test_contract.py").write_text(
        textwrap.dedent(
            """
            def test_contract(check_plugin):
                check_plugin("authorkit")

            def test_runs(check_plugin, run_method):
                (method,) = check_plugin("authorkit")
                assert run_method(method).phases[-1] == "evaluation"
            """
        ),
        encoding="utf-8",
    )
    return project


def _pytest(project: Path, plugin_dist, autoload: bool = False) -> subprocess.CompletedProcess[str]:
    # Autoloading off: only what the author enables loads (and no snapshot plugins).
    extra = {} if autoload else {"PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        env=plugin_dist.env(**extra),
        timeout=120,
    )


@pytest.mark.parametrize(
    ("conftest", "addopts"),
    [(None, "-p intervisie.core.testing"), ('pytest_plugins = ["intervisie.core.testing"]\n', "")],
)
def test_an_author_enables_the_kit_and_sees_what_to_fix(
    tmp_path: Path, plugin_dist, conftest: str | None, addopts: str
) -> None:
    bad = GOOD.replace("{n}", "").replace('method_id="kit"', 'method_id="authorkit"')
    bad = bad.replace('prompts=(t("Wat gebeurde er?", "What happened?"),)', "prompts=()")
    plugin_dist.add(
        "intervisie-authorkit", {"authorkit_plugin": bad}, {"authorkit": "authorkit_plugin"}
    )
    project = _author_project(tmp_path, plugin_dist, conftest, addopts)
    result = _pytest(project, plugin_dist)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "plugin 'authorkit': 1 problem(s) to fix" in result.stdout
    assert "a questions phase needs prompts" in result.stdout
    assert "2 failed" in result.stdout


def test_without_enabling_it_the_kit_stays_out_of_a_test_run(tmp_path: Path, plugin_dist) -> None:
    good = GOOD.replace("{n}", "").replace('method_id="kit"', 'method_id="authorkit"')
    plugin_dist.add(
        "intervisie-authorkit", {"authorkit_plugin": good}, {"authorkit": "authorkit_plugin"}
    )
    project = _author_project(tmp_path, plugin_dist, None, "")
    result = _pytest(project, plugin_dist, autoload=True)  # every installed pytest11 plugin
    assert "fixture 'check_plugin' not found" in result.stdout


BUILTINS = ("incident", "roddel", "denkhoeden", "krachtenveld")


@pytest.mark.parametrize("name", BUILTINS)
def test_every_builtin_passes_the_contract_and_runs_in_every_variant(name: str) -> None:
    (method,) = check_plugin(name)
    for option in method.options:
        for choice in option.choices:
            for people in (method.group_size.min, method.group_size.max):
                run = run_method(method, participants=people, options={option.id: choice.id})
                assert run.phases == tuple(p.id for p in method.phases_for({option.id: choice.id}))
                assert run.minutes == pytest.approx(
                    method.total_minutes(people, {option.id: choice.id})
                )


def test_a_method_that_chooses_from_the_meeting_s_case_list_runs(install) -> None:
    code = GOOD.replace(
        "    phases = [\n",
        "    phases = [\n"
        '        Phase(id="choose", name=t("Kiezen", "Choose"), kind=PhaseKind.CHOICE,\n'
        "              owner=OwnerPosition.NONE, minutes=5, instructions=ROLES),\n",
    )
    (method,) = check_plugin(install(code))
    run = run_method(method, participants=4)
    assert run.phases[0] == "choose"
    assert run.round.choice is not None and run.round.owner is not None


def test_listing_entry_points_in_the_ini_generates_the_contract_tests(
    tmp_path: Path, plugin_dist
) -> None:
    good = GOOD.replace("{n}", "").replace('method_id="kit"', 'method_id="authorkit"')
    plugin_dist.add(
        "intervisie-authorkit", {"authorkit_plugin": good}, {"authorkit": "authorkit_plugin"}
    )
    project = tmp_path / "author"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\n"
        'addopts = "-p intervisie.core.testing"\n'
        'intervisie_plugins = ["authorkit", "missing"]\n',
        encoding="utf-8",
    )
    result = _pytest(project, plugin_dist)
    assert "intervisie-contract[authorkit] PASSED" in result.stdout.replace("::", "")
    assert "no entry point 'missing'" in result.stdout
    assert "1 failed, 1 passed" in result.stdout


def test_a_missing_language_is_reported_once_with_its_fix(install) -> None:
    code = GOOD.replace('summary=t("Een proef.", "A trial.")', 'summary=Text.of(nl="Proef.")')
    message = failure(install(code))
    assert message.count("summary: no en text") == 1
    assert "1 problem(s) to fix" in message


def test_a_slow_plugin_is_told_to_import_lazily(install, monkeypatch) -> None:
    from intervisie.core.plugins import loading as plugins

    monkeypatch.setattr(plugins, "SLOW_LOAD_MS", -1.0)  # every load counts as slow
    message = failure(install(GOOD))
    assert "slow to load" in message
    assert "import heavy modules inside the functions" in message
