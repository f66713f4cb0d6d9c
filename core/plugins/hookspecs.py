"""The hooks a plugin implements. Every name carries the `intervisie_` prefix (as tox does).

A plugin is a module (or object) with functions decorated by `intervisie.core.hookimpl`,
registered in the `intervisie` entry-point group. Each hook returns a list; the loader
calls each plugin's implementation on its own, so one plugin that raises cannot take
the others down. `docs/hooks.md` is generated from these docstrings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

PROJECT = "intervisie"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

if TYPE_CHECKING:  # the types only: loading the hooks imports neither the model nor reports
    from intervisie.core.meeting.events import Event
    from intervisie.core.method.model import Method
    from intervisie.core.reports.exporters import Exporter
    from intervisie.core.reports.profiles import RuleProfile


@hookspec
def intervisie_methods() -> list[Method]:
    """Return the methods this plugin provides, as `intervisie.core.Method` values.

    Each method id must be unique across all plugins and house methods; a duplicate is
    skipped and reported. Build methods in code or load them from TOML files shipped in the
    package with `intervisie.core.load_method_file` (an organisation's house-method bundle).
    """


@hookspec
def intervisie_rule_profiles() -> list[RuleProfile]:
    """Return rule profiles (`intervisie.core.reports.profiles.RuleProfile`) that meetings
    can count for.

    A rule profile says what a professional body requires: group size, sitting length, the
    period (calendar year or any 12 months), minimum hours and sittings, whether the
    facilitator's own hours count, and what the attendance certificate must show.
    """


@hookspec
def intervisie_exporters() -> list[Exporter]:
    """Return exporters (`intervisie.core.reports.exporters.Exporter`) that render reports or
    certificates.

    An exporter has a format name (`md`, `html`, `pdf`, ...), a file suffix, and says which
    documents it renders. `intervisie report ID --format NAME` picks it by name.
    """


@hookspec
def intervisie_session_observers() -> list[Callable[[str, Event], object]]:
    """Return observers that are told of every event of a running meeting.

    An observer is a callable taking `(meeting_id, event)`; it runs after the event is
    stored, must not block, and its errors are reported, never raised into the meeting.
    """
