"""A plugin that is broken in any way is skipped and named; the program keeps working.

Each fault is a real installed distribution (see `PluginDist`) next to a good plugin, run
through the real command line with and without `INTERVISIE_STRICT_PLUGINS=1`. What a user
sees is asserted: the line that names the plugin, its distribution and the hook or module at
fault; the exit code; the good plugin's method still listed; never a traceback.
tests/core/test_plugins.py covers the basic cases through `methods list --json`; this file
adds every hook, process-ending plugins, duplicates against built-ins and house methods, the
human `plugins` listing and the slow import.
"""

from __future__ import annotations

import json
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

pytestmark = pytest.mark.fault

GOOD = """
from intervisie.core import (hookimpl, Method, Phase, Text, GroupSize, Level, PhaseKind,
    OwnerPosition)

def make(method_id):
    return Method(
        id=method_id, version="2.0", name=Text.of(nl="Balint", en="Balint"),
        summary=Text.of(nl="Over de relatie.", en="About the relationship."),
        level=Level.EXPERIENCED, group_size=GroupSize(6, 8, 12),
        phases=(Phase(id="vertel", name=Text.of(nl="Vertellen", en="Telling"),
                      kind=PhaseKind.PRESENTATION, owner=OwnerPosition.PRESENTING, minutes=10),),
    )

@hookimpl
def intervisie_methods():
    return [make("balint")]
"""

HEADER = "from intervisie.core import hookimpl\n"


BAD_LIST = """
class BadList(list):
    def __iter__(self):
        raise RuntimeError("iteration boom")

"""


def hook(name: str, body: str) -> str:
    return HEADER + f"@hookimpl\ndef {name}():\n" + textwrap.indent(textwrap.dedent(body), "    ")


# name -> (module code, what the message must say). The message must also name the
# entry point and its distribution (asserted for every case below).
FAULTS: dict[str, tuple[str, str]] = {
    "import-error": ("import intervisie_no_such_module\n", "cannot import broken_import_error"),
    "import-syntax": ("def broken(:\n", "SyntaxError"),
    "import-exit": ("import sys\nsys.exit(3)\n", "SystemExit: 3"),
    "methods-raises": (
        hook("intervisie_methods", "raise LookupError('no methods here')"),
        "intervisie_methods raised LookupError: no methods here",
    ),
    "methods-exit": (
        hook("intervisie_methods", "import sys\nsys.exit(4)"),
        "intervisie_methods raised SystemExit: 4",
    ),
    "profiles-raises": (
        hook("intervisie_rule_profiles", "raise RuntimeError('profile boom')"),
        "intervisie_rule_profiles raised RuntimeError: profile boom",
    ),
    "exporters-raises": (
        hook("intervisie_exporters", "raise ImportError('no pdf library')"),
        "intervisie_exporters raised ImportError: no pdf library",
    ),
    "observers-raises": (
        hook("intervisie_session_observers", "raise ZeroDivisionError('observer boom')"),
        "intervisie_session_observers raised ZeroDivisionError: observer boom",
    ),
    "methods-dict": (
        hook("intervisie_methods", "return {'id': 'doc'}"),
        "intervisie_methods must return a list of Method, got dict",
    ),
    "methods-documents": (
        hook("intervisie_methods", "return [{'id': 'doc'}]"),
        "returned dict, not a Method",
    ),
    "profiles-string": (
        hook("intervisie_rule_profiles", "return 'nova'"),
        "intervisie_rule_profiles must return a list, got str",
    ),
    "exporters-number": (
        hook("intervisie_exporters", "return 7"),
        "intervisie_exporters must return a list, got int",
    ),
    "observers-not-callable": (
        hook("intervisie_session_observers", "return [42]"),
        "intervisie_session_observers returned int, not a callable",
    ),
    "invalid-method": (
        GOOD.replace('"balint"', '"Bad Id!"')
        .replace('id="vertel"', 'id=""')
        .replace('name=Text.of(nl="Vertellen", en="Telling")', "name=Text.of()"),
        "invalid method 'Bad Id!': id: 'Bad Id!' is not a valid id",
    ),
    "duplicate-builtin": (
        GOOD.replace('"balint"', '"incident"'),
        "method id 'incident' is already used by plugin 'incident' (intervisie)",
    ),
    "duplicate-within": (
        GOOD.replace('return [make("balint")]', 'return [make("twice"), make("twice")]'),
        "method id 'twice' is already used by plugin 'zz'",
    ),
    "unknown-hook": (
        hook("intervisie_method", "return []"),
        "unknown hook",
    ),
    "hook-with-arguments": (
        HEADER + "@hookimpl\ndef intervisie_methods(config):\n    return []\n",
        "cannot register: PluginValidationError",
    ),
    "missing-attribute": ("", "cannot import broken_missing_attribute:nothing_here"),
    # Found by an adversary: a list whose iteration raises gave a traceback in the command
    # line and stopped the app (exit 0); KeyboardInterrupt from a hook printed "Aborted!".
    "methods-iteration-raises": (
        HEADER + BAD_LIST + "@hookimpl\ndef intervisie_methods():\n    return BadList([1])\n",
        "intervisie_methods raised RuntimeError: iteration boom",
    ),
    "exporters-iteration-raises": (
        HEADER + BAD_LIST + "@hookimpl\ndef intervisie_exporters():\n    return BadList([1])\n",
        "intervisie_exporters raised RuntimeError: iteration boom",
    ),
    "methods-keyboard-interrupt": (
        hook("intervisie_methods", "raise KeyboardInterrupt"),
        "intervisie_methods raised KeyboardInterrupt",
    ),
    "profiles-keyboard-interrupt": (
        hook("intervisie_rule_profiles", "raise KeyboardInterrupt"),
        "intervisie_rule_profiles raised KeyboardInterrupt",
    ),
    "import-keyboard-interrupt": ("raise KeyboardInterrupt\n", "KeyboardInterrupt"),
}
# The entry point's value for a fault, when it is not just the module.
TARGET = {"missing-attribute": ":nothing_here"}


def install(plugin_dist, kind: str, code: str) -> str:
    """The good plugin plus the broken one; returns the broken entry point's name."""
    plugin_dist.add("intervisie-balint", {"balint_plugin": GOOD}, {"balint": "balint_plugin"})
    module = "broken_" + kind.replace("-", "_")
    target = module + TARGET.get(kind, "")
    plugin_dist.add(f"intervisie-{kind}", {module: code}, {"zz": target}, version="0.3")
    return "zz"


def no_traceback(*results) -> None:
    for result in results:
        assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("kind", list(FAULTS))
def test_a_broken_plugin_is_named_and_the_rest_keeps_working(
    plugin_dist, kind: str, strict: bool
) -> None:
    code, expected = FAULTS[kind]
    name = install(plugin_dist, kind, code)
    where = f"plugin {name!r} (from intervisie-{kind} 0.3)"
    env = {"INTERVISIE_STRICT_PLUGINS": "1"} if strict else {}

    listing = plugin_dist.run("methods", "list", "--json", **env)
    plugins = plugin_dist.run("plugins", **env)
    no_traceback(listing, plugins)
    assert f"{where}: " in listing.stderr, listing.stderr
    assert expected in listing.stderr
    # The human listing names the entry point, its distribution and version, and the error.
    assert f"{name}  (intervisie-{kind} 0.3)" in plugins.stdout
    assert "error: " in plugins.stdout and expected in plugins.stdout
    assert "balint" in plugins.stdout, "the good plugin is still listed with its method"

    if strict:
        assert listing.returncode == 1
        assert plugins.returncode == 1
        assert "INTERVISIE_STRICT_PLUGINS=1" in listing.stderr
        assert "INTERVISIE_STRICT_PLUGINS=1" in plugins.stderr
    else:
        assert listing.returncode == 0, listing.stderr
        assert plugins.returncode == 0, plugins.stderr
        ids = [m["id"] for m in json.loads(listing.stdout)]
        assert "balint" in ids and "incident" in ids, "good and built-in methods still load"


def test_every_hook_is_reported_in_the_json_listing(plugin_dist) -> None:
    """One plugin whose four hooks all fail: each failure is in its `error`, by hook name."""
    code = "\n".join(
        hook(name, "raise RuntimeError('x')")
        for name in (
            "intervisie_methods",
            "intervisie_rule_profiles",
            "intervisie_exporters",
            "intervisie_session_observers",
        )
    ).replace(HEADER, "")
    install(plugin_dist, "all-hooks", HEADER + code)
    result = plugin_dist.run("plugins", "--json")
    assert result.returncode == 0, result.stderr
    entry = next(p for p in json.loads(result.stdout) if p["name"] == "zz")
    for name in ("methods", "rule_profiles", "exporters", "session_observers"):
        assert f"intervisie_{name} raised RuntimeError: x" in entry["error"]
    assert entry["methods"] == []


def test_a_good_plugin_with_every_hook_loads_cleanly(plugin_dist) -> None:
    code = GOOD + (
        "\n@hookimpl\ndef intervisie_rule_profiles():\n    return []\n"
        "\n@hookimpl\ndef intervisie_exporters():\n    return None\n"
        "\n@hookimpl\ndef intervisie_session_observers():\n    return [print]\n"
    )
    plugin_dist.add("intervisie-balint", {"balint_plugin": code}, {"balint": "balint_plugin"})
    result = plugin_dist.run(
        "plugins", "--json", INTERVISIE_STRICT_PLUGINS="1", INTERVISIE_PLUGINS="balint"
    )
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)
    assert entry["error"] is None and entry["methods"] == ["balint"]


def test_a_plugin_method_id_taken_by_a_house_method_names_the_file(
    plugin_dist, tmp_path: Path
) -> None:
    plugin_dist.add("intervisie-balint", {"balint_plugin": GOOD}, {"balint": "balint_plugin"})
    folder = tmp_path / "house"
    folder.mkdir()
    house = folder / "balint.toml"
    house.write_text(
        'id = "balint"\nversion = "9"\nname = {nl = "Huis", en = "House"}\n'
        'summary = {nl = "s", en = "s"}\nlevel = "beginning"\n'
        "group_size = {min = 3, ideal = 6, max = 8}\n"
        '[[phases]]\nid = "a"\nname = {nl = "A", en = "A"}\nkind = "discussion"\n'
        'owner = "participating"\nminutes = 5\n',
        encoding="utf-8",
    )
    for strict in (False, True):
        env = {"INTERVISIE_METHODS_PATH": str(folder)}
        if strict:
            env["INTERVISIE_STRICT_PLUGINS"] = "1"
        result = plugin_dist.run("methods", "list", "--json", **env)
        no_traceback(result)
        assert str(house) in result.stderr
        assert "method id 'balint' is already used by plugin 'balint'" in result.stderr
        assert result.returncode == (1 if strict else 0)
        if not strict:
            entry = next(m for m in json.loads(result.stdout) if m["id"] == "balint")
            assert entry["source"]["kind"] == "plugin", "the plugin keeps its method"


SLOW = "import time\ntime.sleep(1.1)\n" + GOOD.replace('"balint"', '"traag"')


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_slow_plugin_loads_and_its_load_time_is_shown_with_a_warning(
    plugin_dist, strict: bool
) -> None:
    plugin_dist.add("intervisie-traag", {"traag_plugin": SLOW}, {"traag": "traag_plugin"})
    env = {"INTERVISIE_STRICT_PLUGINS": "1"} if strict else {}
    as_json = plugin_dist.run("plugins", "--json", **env)
    human = plugin_dist.run("plugins", **env)
    no_traceback(as_json, human)

    entry = next(p for p in json.loads(as_json.stdout) if p["name"] == "traag")
    assert entry["methods"] == ["traag"], "a slow plugin still loads"
    assert entry["error"] is None
    assert entry["load_ms"] >= 1100
    assert any("slow to load" in w and "over 1000 ms" in w for w in entry["warnings"])

    line = next(line for line in human.stdout.splitlines() if line.startswith("traag  "))
    shown_ms = int(line.split(")  ")[1].split(" ms")[0])
    assert shown_ms >= 1100, line
    assert "warning: slow to load" in human.stdout
    # Strict mode treats every warning as a failure, this one included.
    assert human.returncode == as_json.returncode == (1 if strict else 0)
    if strict:
        assert "INTERVISIE_STRICT_PLUGINS=1" in human.stderr


def test_help_and_version_load_no_plugin_even_a_broken_one(plugin_dist) -> None:
    install(plugin_dist, "import-exit", "import sys\nsys.exit(3)\n")
    for args in (["--help"], ["--version"]):
        result = plugin_dist.run(*args, INTERVISIE_STRICT_PLUGINS="1")
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""


def test_a_broken_plugin_left_out_by_intervisie_plugins_does_no_harm(plugin_dist) -> None:
    install(plugin_dist, "import-exit", "import sys\nsys.exit(3)\n")
    result = plugin_dist.run(
        "methods",
        "list",
        "--json",
        INTERVISIE_PLUGINS="balint,incident",
        INTERVISIE_STRICT_PLUGINS="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert {m["id"] for m in json.loads(result.stdout)} == {"balint", "incident"}


@pytest.mark.parametrize("where", ["import", "hook"])
def test_a_plugin_that_prints_does_not_spoil_json_output(plugin_dist, where: str) -> None:
    """`--json` output stays JSON: what a plugin prints goes to stderr."""
    noisy = 'print("Welkom bij Balint!")\n'
    if where == "import":
        code = noisy + GOOD
    else:
        code = GOOD.replace(
            '    return [make("balint")]', "    " + noisy + '    return [make("balint")]'
        )
    plugin_dist.add("intervisie-balint", {"balint_plugin": code}, {"balint": "balint_plugin"})
    for args in (["methods", "list", "--json"], ["plugins", "--json"]):
        result = plugin_dist.run(*args)
        assert result.returncode == 0, result.stderr
        json.loads(result.stdout)  # nothing else on stdout
        assert "Welkom bij Balint!" in result.stderr


EXPORTER = """
from intervisie.core import hookimpl
from intervisie.core.reports.exporters import Exporter

def render(document):
    {body}

@hookimpl
def intervisie_exporters():
    return [Exporter(name="xpdf", suffix=".pdf", documents=["report", "certificate"],
                     render=render, binary=True)]
"""
RENDER_FAULTS = {
    "raises": ("raise RuntimeError('no pdf engine installed')", "no pdf engine installed"),
    "returns-none": ("return None", "xpdf"),
}


@pytest.mark.parametrize("kind", list(RENDER_FAULTS))
def test_a_plugin_exporter_that_fails_to_render_is_named(
    plugin_dist, tmp_path: Path, kind: str
) -> None:
    body, expected = RENDER_FAULTS[kind]
    plugin_dist.add(
        "intervisie-pdf", {"pdf_plugin": EXPORTER.format(body=body)}, {"pdf": "pdf_plugin"}
    )
    meeting = plugin_dist.run("demo", "incident", "--headless")
    assert meeting.returncode == 0, meeting.stderr
    meeting_id = meeting.stdout.strip()
    target = tmp_path / "cert.pdf"
    # core has its own `pdf` now: the plugin's format has a name of its own
    result = plugin_dist.run("certificate", meeting_id, "--format", "xpdf", "-o", str(target))
    no_traceback(result)
    assert result.returncode == 1
    assert "plugin 'pdf'" in result.stderr or "format xpdf" in result.stderr
    assert expected in result.stderr
    assert not target.exists(), "no half-written file is left"


def test_the_app_starts_with_a_broken_plugin_and_file_and_names_them(
    plugin_dist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the terminal app: the good methods are listed, the broken ones named on home."""
    import asyncio

    from textual.widgets import OptionList

    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.widgets.details import TextBlock

    install(plugin_dist, "import-exit", "import sys\nsys.exit(3)\n")
    folder = tmp_path / "house"
    folder.mkdir()
    (folder / "kapot.toml").write_text('id = "kapot"\nversion = [\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(plugin_dist.root))
    monkeypatch.setenv("INTERVISIE_METHODS_PATH", str(folder))

    async def run() -> None:
        app = IntervisieApp()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            methods = app.screen.query_one("#methods", OptionList)
            ids = {methods.get_option_at_index(i).id for i in range(methods.option_count)}
            assert {"balint", "incident"} <= ids
            pane = app.screen.query_one("#details", TextBlock)
            problems = " ".join(pane.plain.split())
            assert "plugin 'zz' (from intervisie-import-exit 0.3)" in problems
            assert "SystemExit: 3" in problems
            assert "kapot.toml" in problems and "invalid TOML" in problems

    try:
        asyncio.run(run())
    finally:
        for module in ("balint_plugin", "broken_import_exit"):  # imported here: forget them
            sys.modules.pop(module, None)


def test_an_entry_point_named_like_a_built_in_is_named_and_the_built_in_stays(plugin_dist):
    plugin_dist.add("intervisie-fake", {"fake_plugin": GOOD}, {"incident": "fake_plugin"})
    for strict in (False, True):
        env = {"INTERVISIE_STRICT_PLUGINS": "1"} if strict else {}
        result = plugin_dist.run("methods", "list", "--json", **env)
        no_traceback(result)
        line = next(x for x in result.stderr.splitlines() if "intervisie-fake" in x)
        assert line == (
            "warning: plugin 'incident' (from intervisie-fake 1.0): the entry-point name "
            "'incident' is already used by intervisie " + version("intervisie") + "; skipped"
        )
        assert result.returncode == (1 if strict else 0)
        if not strict:
            ids = {m["id"]: m["source"]["distribution"] for m in json.loads(result.stdout)}
            assert ids["incident"] == "intervisie" and "balint" not in ids


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_a_misspelt_name_in_intervisie_plugins_is_named(plugin_dist, strict: bool) -> None:
    plugin_dist.add("intervisie-balint", {"balint_plugin": GOOD}, {"balint": "balint_plugin"})
    env = {"INTERVISIE_PLUGINS": "balint,incidnet"}
    if strict:
        env["INTERVISIE_STRICT_PLUGINS"] = "1"
    result = plugin_dist.run("methods", "list", "--json", **env)
    no_traceback(result)
    assert (
        "plugin 'incidnet': INTERVISIE_PLUGINS names it, but no installed plugin has that name "
        "(installed: balint, denkhoeden, incident, krachtenveld, roddel)"
    ) in result.stderr
    assert result.returncode == (1 if strict else 0)
    if not strict:
        assert [m["id"] for m in json.loads(result.stdout)] == ["balint"]


SLEEPS_AT_IMPORT = "import time\ntime.sleep(60)\n" + GOOD.replace('"balint"', '"slaap"')


def test_a_plugin_that_sleeps_at_import_is_skipped_after_the_limit_and_named(plugin_dist):
    """Found: a plugin sleeping 60 s at import made `methods list` take 60 s. The limit is
    INTERVISIE_PLUGIN_TIMEOUT (5 s unless set; 1 s here, to keep the suite quick)."""
    plugin_dist.add("intervisie-balint", {"balint_plugin": GOOD}, {"balint": "balint_plugin"})
    plugin_dist.add(
        "intervisie-slaap", {"slaap_plugin": SLEEPS_AT_IMPORT}, {"slaap": "slaap_plugin"}
    )
    listing = plugin_dist.run("methods", "list", "--json", INTERVISIE_PLUGIN_TIMEOUT="1")
    no_traceback(listing)
    assert listing.returncode == 0, listing.stderr
    ids = [m["id"] for m in json.loads(listing.stdout)]
    assert "balint" in ids and "incident" in ids and "slaap" not in ids
    assert "plugin 'slaap' (from intervisie-slaap 1.0)" in listing.stderr
    assert "did not finish importing slaap_plugin within 1 s" in listing.stderr
    strict = plugin_dist.run(
        "plugins", INTERVISIE_PLUGIN_TIMEOUT="1", INTERVISIE_STRICT_PLUGINS="1"
    )
    assert strict.returncode == 1 and "did not finish importing" in strict.stdout


def test_the_app_goes_on_without_a_plugin_that_sleeps_at_import_and_names_it(
    plugin_dist, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found: the same plugin blanked the app for 60 s. It now waits the limit at most (1 s
    here), then home lists the rest and names the plugin it left out."""
    import asyncio

    from textual.widgets import OptionList

    from intervisie.tui.app.facilitator import IntervisieApp
    from intervisie.tui.app.widgets.details import TextBlock

    plugin_dist.add("intervisie-balint", {"balint_plugin": GOOD}, {"balint": "balint_plugin"})
    plugin_dist.add(
        "intervisie-slaap", {"slaap_plugin": SLEEPS_AT_IMPORT}, {"slaap": "slaap_plugin"}
    )
    monkeypatch.syspath_prepend(str(plugin_dist.root))
    monkeypatch.setenv("INTERVISIE_PLUGIN_TIMEOUT", "1")

    async def run() -> None:
        app = IntervisieApp()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            methods = app.screen.query_one("#methods", OptionList)
            ids = {methods.get_option_at_index(i).id for i in range(methods.option_count)}
            assert {"balint", "incident"} <= ids and "slaap" not in ids
            problems = " ".join(app.screen.query_one("#details", TextBlock).plain.split())
            assert "plugin 'slaap' (from intervisie-slaap 1.0)" in problems
            assert "did not finish importing slaap_plugin within 1 s" in problems

    try:
        asyncio.run(run())
    finally:
        sys.modules.pop("balint_plugin", None)
