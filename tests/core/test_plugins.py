"""The plugin loader: one bad plugin is skipped and reported, the rest keeps working."""

from __future__ import annotations

import json

import pytest

PLUGIN = """
from intervisie.core import (hookimpl, Method, Phase, Text, GroupSize, Level, PhaseKind,
    OwnerPosition)

def make(method_id, nl="Balint", en="Balint"):
    return Method(
        id=method_id, version="2.0", name=Text.of(nl=nl, en=en),
        summary=Text.of(nl="Over de relatie.", en="About the relationship."),
        level=Level.EXPERIENCED, group_size=GroupSize(6, 8, 12),
        phases=(Phase(id="vertel", name=Text.of(nl="Vertellen", en="Telling"),
                      kind=PhaseKind.PRESENTATION, owner=OwnerPosition.PRESENTING, minutes=10),),
    )

@hookimpl
def intervisie_methods():
    return [make("balint")]
"""

BROKEN = {
    "import": "raise RuntimeError('boom at import')\n",
    "hook": "from intervisie.core import hookimpl\n@hookimpl\n"
    "def intervisie_methods():\n    raise ValueError('boom in hook')\n",
    "types": "from intervisie.core import hookimpl\n@hookimpl\n"
    "def intervisie_methods():\n    return ['not a method']\n",
    "notalist": "from intervisie.core import hookimpl\n@hookimpl\n"
    "def intervisie_methods():\n    return 42\n",
    "invalid": PLUGIN.replace("minutes=10", "minutes=-1").replace('"balint"', '"bad"'),
    "duplicate": PLUGIN,
    "unknownhook": "from intervisie.core import hookimpl\n@hookimpl\n"
    "def intervisie_methodz():\n    return []\n",
}
EXPECTED = {
    "import": "boom at import",
    "hook": "boom in hook",
    "types": "returned str, not a Method",
    "notalist": "must return a list",
    "invalid": "minutes: -1",
    "duplicate": "already used by plugin 'balint'",
    "unknownhook": "intervisie_methodz",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_plugin_is_skipped_and_reported(plugin_dist, kind: str) -> None:
    plugin_dist.add("intervisie-balint", {"balint_plugin": PLUGIN}, {"balint": "balint_plugin"})
    plugin_dist.add(
        f"intervisie-broken-{kind}",
        {f"broken_{kind}": BROKEN[kind]},
        {f"zz{kind}": f"broken_{kind}"},
    )
    listing = plugin_dist.run("methods", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    ids = [m["id"] for m in json.loads(listing.stdout)]
    assert "balint" in ids, "the good plugin keeps working"
    assert EXPECTED[kind] in listing.stderr
    assert "Traceback" not in listing.stderr

    plugins = plugin_dist.run("plugins", "--json")
    assert plugins.returncode == 0
    broken = next(p for p in json.loads(plugins.stdout) if p["name"] == f"zz{kind}")
    assert EXPECTED[kind] in broken["error"]
    assert broken["distribution"] == f"intervisie-broken-{kind}"

    strict = plugin_dist.run("methods", "list", INTERVISIE_STRICT_PLUGINS="1")
    assert strict.returncode == 1
    assert "Traceback" not in strict.stderr


def test_plugin_listing_shows_distribution_version_and_methods(plugin_dist) -> None:
    plugin_dist.add("intervisie-balint", {"balint_plugin": PLUGIN}, {"balint": "balint_plugin"})
    result = plugin_dist.run("plugins", "--json")
    entry = next(p for p in json.loads(result.stdout) if p["name"] == "balint")
    assert entry["distribution"] == "intervisie-balint"
    assert entry["version"] == "1.0"
    assert entry["methods"] == ["balint"]
    assert entry["error"] is None
    assert set(entry) >= {
        "name",
        "distribution",
        "version",
        "methods",
        "load_ms",
        "error",
        "warnings",
    }


def test_only_the_named_plugins_load(plugin_dist) -> None:
    plugin_dist.add("intervisie-balint", {"balint_plugin": PLUGIN}, {"balint": "balint_plugin"})
    plugin_dist.add(
        "intervisie-other",
        {"other_plugin": PLUGIN.replace('"balint"', '"other"')},
        {"other": "other_plugin"},
    )
    result = plugin_dist.run("plugins", "--json", INTERVISIE_PLUGINS="other")
    assert [p["name"] for p in json.loads(result.stdout)] == ["other"]


def test_a_plugin_missing_a_language_loads_with_a_warning(plugin_dist) -> None:
    code = PLUGIN.replace('en="Balint"', "en=None").replace(
        'return [make("balint")]', 'return [make("balint", en=None)]'
    )
    plugin_dist.add("intervisie-balint", {"balint_plugin": code}, {"balint": "balint_plugin"})
    result = plugin_dist.run("plugins", "--json")
    entry = next(p for p in json.loads(result.stdout) if p["name"] == "balint")
    assert entry["methods"] == ["balint"]
    assert any("name: no en text" in w for w in entry["warnings"])
    assert plugin_dist.run("plugins", INTERVISIE_STRICT_PLUGINS="1").returncode == 1


def test_a_plugin_registered_directly_runs_through_the_same_checks() -> None:
    from intervisie.core.plugins.loading import load_registry

    namespace: dict[str, object] = {}
    exec(PLUGIN, namespace)

    class Plugin:
        intervisie_methods = staticmethod(namespace["intervisie_methods"])

    reg = load_registry(entry_points=[], extra_plugins=[("direct", Plugin())], house=False)
    assert reg.get("balint").version == "2.0"
    assert reg.methods["balint"].source.kind == "plugin"
