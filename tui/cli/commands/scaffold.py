"""`intervisie method new NAME [--dir PATH] [--toml]`: start a method plugin or a house method.

The plugin package it writes is complete and green from the first minute: a pyproject.toml
with the entry point, a method module with two phases in Dutch and English, a README, a test
that uses the testing kit (`intervisie.core.testing`) and a LICENSE placeholder. `--toml`
writes one house-method file instead, valid for `intervisie method validate`.

Nothing is ever overwritten: when any file it would write exists, it writes none and says
which. Files are not the private 0600 of meeting data: they are source code, meant to be
shared and published. But they are code that runs with the facilitator's rights, so nobody
else may change them: files are 0644 and folders 0755 at most, whatever the umask (a
stricter umask makes them stricter still).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from string import Template

import click

from intervisie.tui.cli.commands.common import fail, lang_option

_ID = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


def _intervisie_requirement() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        parts = version("intervisie").split(".")
    except PackageNotFoundError:
        return "intervisie"
    return f"intervisie>={'.'.join(parts[:2])}"


def names(name: str) -> dict[str, str]:
    """The names derived from a method id: distribution, module, title, requirement."""
    words = re.split(r"[-_]+", name)
    return {
        "name": name,
        "dist": "intervisie-" + "-".join(words),
        "module": "intervisie_" + "_".join(words),
        "title": " ".join(words).capitalize(),
        "requires": _intervisie_requirement(),
    }


def plugin_files(name: str) -> dict[str, str]:
    """Relative path to content of every file of the plugin package."""
    values = names(name)
    module = values["module"]
    return {
        "pyproject.toml": Template(PYPROJECT).substitute(values),
        "README.md": Template(README).substitute(values),
        "LICENSE": Template(LICENSE).substitute(values),
        f"src/{module}/__init__.py": Template(INIT).substitute(values),
        f"src/{module}/method.py": Template(METHOD).substitute(values),
        "tests/test_method.py": Template(TEST).substitute(values),
    }


def toml_file(name: str) -> str:
    return Template(HOUSE_TOML).substitute(names(name))


def write_new(root: Path, files: dict[str, str]) -> list[Path]:
    """Write `files` under `root`, or none of them if any exists already."""
    from intervisie.core.i18n import _

    targets = {root / rel: text for rel, text in files.items()}
    existing = [path for path in targets if path.exists() or path.is_symlink()]
    if existing:
        fail(
            _(
                "{paths} already exist(s); nothing was written. Choose another NAME or --dir."
            ).format(paths=", ".join(str(p) for p in existing))
        )
    written = []
    mask = _umask()
    try:
        for path, text in targets.items():
            _make_folders(path.parent, FOLDER_MODE & ~mask)
            # O_EXCL: never overwrite; fchmod: the mode asked for, whatever the umask allowed
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE & ~mask)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                os.fchmod(fd, FILE_MODE & ~mask)
                f.write(text)
            written.append(path)
    except OSError as exc:
        fail(
            _("cannot write {path}: {error}").format(
                path=getattr(exc, "filename", None) or root, error=exc.strerror or exc
            )
        )
    return written


FILE_MODE = 0o644
FOLDER_MODE = 0o755
"""The most a scaffold file or folder allows: others may read it, never change it."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _make_folders(folder: Path, mode: int) -> None:
    """Create `folder` and its missing parents with `mode` (the umask cannot widen it)."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=mode, exist_ok=True)
        os.chmod(path, mode)


@click.command()
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to create the package folder (intervisie-NAME) or the TOML file in.",
)
@click.option("--toml", "as_toml", is_flag=True, help="Write a house-method TOML file instead.")
@lang_option
def new(name: str, directory: Path, as_toml: bool) -> None:
    """Start a new method: a plugin package intervisie-NAME, or with --toml a house method."""
    from intervisie.core.i18n import _

    if not _ID.match(name):
        fail(
            _(
                "{name!r} cannot be a method id: use lowercase letters, digits, - and _, "
                "starting with a letter."
            ).format(name=name)
        )
    if as_toml:
        (path,) = write_new(directory, {f"{name}.toml": toml_file(name)})
        click.echo(_("Created {path}").format(path=path))
        click.echo(_("Check it with: intervisie method validate {path}").format(path=path))
        click.echo(
            _(
                "Use it by putting it in the methods folder of your configuration or in a "
                "folder listed in INTERVISIE_METHODS_PATH."
            )
        )
        return
    root = directory / names(name)["dist"]
    written = write_new(root, plugin_files(name))
    click.echo(_("Created {path} with {count} files:").format(path=root, count=len(written)))
    for path in written:
        click.echo(f"  {path}")
    click.echo(_("Next steps:"))
    click.echo(f"  cd {root}")
    click.echo('  python -m pip install -e ".[test]"')
    click.echo("  python -m pytest")
    click.echo(f"  intervisie methods show {name}")


# -- templates ($name, $dist, $module, $title, $requires) ------------------------------------

PYPROJECT = """\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "$dist"
version = "0.1.0"
description = "The $title method for intervisie (intervision in the terminal)."
readme = "README.md"
requires-python = ">=3.11"
# Choose a licence, put its text in LICENSE and name it here as an SPDX expression:
# license = "MIT"
license-files = ["LICENSE"]
keywords = ["intervisie", "intervision", "peer consultation"]
dependencies = ["$requires"]

[project.optional-dependencies]
test = ["pytest"]

# This makes the package a plugin: intervisie loads every entry point in the group
# "intervisie" and calls its intervisie_methods() hook.
[project.entry-points.intervisie]
$name = "$module"

[tool.setuptools.packages.find]
where = ["src"]

[tool.pytest.ini_options]
addopts = "-p intervisie.core.testing"
testpaths = ["tests"]
"""

README = """\
# $dist

The **$title** method for [intervisie](https://pypi.org/project/intervisie/), the terminal
application that runs intervision (peer consultation) methods step by step.

```sh
pip install $dist
intervisie methods show $name
intervisie run $name
```

## Developing

```sh
python -m pip install -e ".[test]"
python -m pytest
```

The tests use intervisie's testing kit (enabled by `-p intervisie.core.testing` in
`pyproject.toml`): `check_plugin("$name")` loads the installed plugin through its entry point
and checks the method as strictly as `INTERVISIE_STRICT_PLUGINS=1`, and `run_method` runs it
through the engine from the first phase to the last on a fake clock. When a check fails, its
message says what to fix.

The method lives in `src/$module/method.py`. Every text is given in Dutch and English. Raise
`version` whenever the phases or their minutes change. intervisie's `docs/authoring.md` explains
the model, the phase kinds and what the application shows for each.

## Publishing

```sh
python -m pip install build twine
python -m build
python -m twine upload dist/*
```

Methods are published as `intervisie-<method>`, so people find them with a search for
`intervisie-`.
"""

LICENSE = """\
Choose a licence for $dist and replace this text with it, for instance the MIT licence
(https://choosealicense.com/licenses/mit/). Then name it in pyproject.toml as
license = "MIT" (an SPDX expression).
"""

INIT = '''\
"""$dist: the $title method as a plugin for intervisie.

pyproject.toml registers this module in the `intervisie` entry-point group;
intervisie calls `intervisie_methods()` when it loads its plugins.
"""

from __future__ import annotations

from intervisie.core import Method, hookimpl

from $module.method import METHOD

__all__ = ["METHOD", "intervisie_methods"]


@hookimpl
def intervisie_methods() -> list[Method]:
    return [METHOD]
'''

METHOD = '''\
"""The $title method as data: two phases to start from.

A phase's `kind` says what it captures and which widget the application shows:
intake, choice, presentation, questions, writing, round, discussion, forces, rating
or evaluation. `owner` says where the case owner is: none (no owner chosen yet),
presenting, answering, listening, turned_away or participating. See intervisie's
docs/authoring.md.
"""

from __future__ import annotations

from intervisie.core import (
    CaseKind,
    GroupSize,
    Instructions,
    Level,
    Method,
    OwnerPosition,
    Phase,
    PhaseKind,
    Safety,
    Text,
)


def t(nl: str, en: str) -> Text:
    """A text in Dutch and English; intervisie shows the one the user chose."""
    return Text.of(nl=nl, en=en)


CASE = Phase(
    id="case",
    name=t("Casus", "Case"),
    goal=t(
        "De inbrenger vertelt de casus en de vraag erbij.",
        "The case owner tells the case and the question about it.",
    ),
    kind=PhaseKind.PRESENTATION,
    owner=OwnerPosition.PRESENTING,
    minutes=10,
    min_minutes=5,
    rules=(
        t(
            "De anderen luisteren en onderbreken niet.",
            "The others listen and do not interrupt.",
        ),
    ),
    instructions=Instructions(
        facilitator=t(
            "Geef de inbrenger het woord en bewaak de tijd.",
            "Give the case owner the floor and keep the time.",
        ),
        case_owner=t(
            "Vertel wat er speelt en welke vraag je aan de groep hebt.",
            "Tell what is going on and which question you have for the group.",
        ),
        participants=t(
            "Luister en noteer wat je opvalt.",
            "Listen and note what strikes you.",
        ),
    ),
)

ADVICE = Phase(
    id="advice",
    name=t("Adviesronde", "Round of advice"),
    goal=t(
        "Iedere deelnemer geeft om de beurt een advies.",
        "Each participant gives one piece of advice in turn.",
    ),
    kind=PhaseKind.ROUND,
    owner=OwnerPosition.LISTENING,
    minutes_per_turn=2,
    min_minutes=1,
    rules=(
        t(
            "Eén advies per beurt, zonder discussie.",
            "One piece of advice per turn, no discussion.",
        ),
    ),
    instructions=Instructions(
        facilitator=t(
            "Geef iedereen om de beurt het woord. Kap discussie vriendelijk af.",
            "Give everyone the floor in turn. Cut discussion off kindly.",
        ),
        case_owner=t(
            "Luister en noteer wat je bruikbaar vindt. Reageer nog niet.",
            "Listen and note what you find useful. Do not react yet.",
        ),
        participants=t(
            "Geef één concreet advies dat bij de vraag van de inbrenger past.",
            "Give one concrete piece of advice that fits the owner's question.",
        ),
    ),
    prompts=(
        t("Als ik jou was, zou ik ...", "If I were you, I would ..."),
        t("Wat je zou kunnen proberen, is ...", "Something you could try is ..."),
    ),
)

METHOD = Method(
    id="$name",
    version="0.1.0",
    name=t("$title", "$title"),
    summary=t(
        "De inbrenger vertelt een casus; daarna geeft ieder om de beurt een advies.",
        "The case owner tells a case; then everyone gives advice in turn.",
    ),
    level=Level.BEGINNING,
    group_size=GroupSize(min=3, ideal=8, max=10),
    phases=(CASE, ADVICE),
    when_to_use=t(
        "Voor een concrete vraag waarbij de inbrenger ideeën van anderen zoekt.",
        "For a concrete question on which the case owner wants ideas from others.",
    ),
    when_not_to_use=t(
        "Niet als de inbrenger eerst zelf moet ontdekken wat de vraag is.",
        "Not when the case owner first needs to find out what the question is.",
    ),
    asks_of_group=t(
        "Korte, concrete adviezen.",
        "Short, concrete advice.",
    ),
    asks_of_facilitator=t(
        "De volgorde en de tijd bewaken.",
        "Guarding the order and the time.",
    ),
    # sources=("Author, Title (year)",),  where the method comes from
    suits=(CaseKind.DECISION,),
    safety_needed=Safety.LOW,
)
'''

TEST = '''\
"""intervisie's contract and a whole round on a fake clock: run with `python -m pytest`.

The fixtures come from intervisie's testing kit, enabled in pyproject.toml with
`-p intervisie.core.testing`. Install the package first (`pip install -e ".[test]"`):
the contract check loads it through its entry point, as intervisie does.
"""


def test_the_plugin_passes_intervisie_s_contract(check_plugin):
    (method,) = check_plugin("$name")
    assert method.id == "$name"


def test_a_round_runs_from_the_first_phase_to_the_last(check_plugin, run_method):
    (method,) = check_plugin("$name")
    run = run_method(method)
    assert run.phases == tuple(phase.id for phase in method.phases_for())
    assert run.minutes == method.total_minutes()
'''

HOUSE_TOML = """\
# The $title method: a house method for intervisie (data only, no code).
#
# Check it:  intervisie method validate $name.toml
# Use it:    put it in the methods folder of your intervisie configuration, or in a
#            folder listed in INTERVISIE_METHODS_PATH (a network drive works too).
#
# To change a built-in method instead of writing your own, keep only what differs:
#   id = "short-incident"
#   extends = "incident"
#   [[phases]]
#   id = "questions"
#   minutes = 15
#
# Every text is a table of languages, nl and en; intervisie shows the one chosen.

id = "$name"
version = "0.1.0"
level = "beginning"
suits = ["decision"]
safety_needed = "low"

[name]
nl = "$title"
en = "$title"

[summary]
nl = "De inbrenger vertelt een casus; daarna geeft ieder om de beurt een advies."
en = "The case owner tells a case; then everyone gives advice in turn."

[when_to_use]
nl = "Voor een concrete vraag waarbij de inbrenger ideeën van anderen zoekt."
en = "For a concrete question on which the case owner wants ideas from others."

[when_not_to_use]
nl = "Niet als de inbrenger eerst zelf moet ontdekken wat de vraag is."
en = "Not when the case owner first needs to find out what the question is."

[group_size]
min = 3
ideal = 8
max = 10

[[phases]]
id = "case"
kind = "presentation"
owner = "presenting"
minutes = 10
min_minutes = 5

[phases.name]
nl = "Casus"
en = "Case"

[phases.goal]
nl = "De inbrenger vertelt de casus en de vraag erbij."
en = "The case owner tells the case and the question about it."

[[phases.rules]]
nl = "De anderen luisteren en onderbreken niet."
en = "The others listen and do not interrupt."

[phases.instructions.facilitator]
nl = "Geef de inbrenger het woord en bewaak de tijd."
en = "Give the case owner the floor and keep the time."

[phases.instructions.case_owner]
nl = "Vertel wat er speelt en welke vraag je aan de groep hebt."
en = "Tell what is going on and which question you have for the group."

[phases.instructions.participants]
nl = "Luister en noteer wat je opvalt."
en = "Listen and note what strikes you."

[[phases]]
id = "advice"
kind = "round"
owner = "listening"
minutes_per_turn = 2
min_minutes = 1

[phases.name]
nl = "Adviesronde"
en = "Round of advice"

[phases.goal]
nl = "Iedere deelnemer geeft om de beurt een advies."
en = "Each participant gives one piece of advice in turn."

[[phases.rules]]
nl = "Eén advies per beurt, zonder discussie."
en = "One piece of advice per turn, no discussion."

[phases.instructions.facilitator]
nl = "Geef iedereen om de beurt het woord. Kap discussie vriendelijk af."
en = "Give everyone the floor in turn. Cut discussion off kindly."

[phases.instructions.case_owner]
nl = "Luister en noteer wat je bruikbaar vindt. Reageer nog niet."
en = "Listen and note what you find useful. Do not react yet."

[phases.instructions.participants]
nl = "Geef één concreet advies dat bij de vraag van de inbrenger past."
en = "Give one concrete piece of advice that fits the owner's question."

[[phases.prompts]]
nl = "Als ik jou was, zou ik ..."
en = "If I were you, I would ..."

[[phases.prompts]]
nl = "Wat je zou kunnen proberen, is ..."
en = "Something you could try is ..."
"""
