"""A broken house-method file or folder is named with what is wrong; nothing else breaks.

Each fault is a file in a folder on `INTERVISIE_METHODS_PATH` next to a good house method,
run through the real command line: `methods list` warns (exit 0) and still lists the good
house method and the built-ins, strict mode fails (exit 1), and `method validate FILE` says
what is wrong with the file (exit 1). Never a traceback. tests/core/test_house.py covers one
example of each kind in-process; this file adds the wider range and the file-system faults.
Tests run as root, who may read anything, so "permission denied" is injected at the loader's
file-system boundary (pathlib) with monkeypatch, through click's in-process runner.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
from pathlib import Path

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.fault

VALID = """\
id = "huis"
version = "1.0"
name = { nl = "Huismethode", en = "House method" }
summary = { nl = "Kort overleg.", en = "A short consult." }
level = "beginning"
group_size = { min = 3, ideal = 6, max = 8 }

[[phases]]
id = "vragen"
name = { nl = "Vragen", en = "Questions" }
kind = "questions"
owner = "answering"
minutes = 10

[[phases]]
id = "advies"
name = { nl = "Advies", en = "Advice" }
kind = "round"
owner = "listening"
minutes = 15
"""

GOOD = VALID.replace('id = "huis"', 'id = "goed"')
PHASE = (
    '[[phases]]\nid = "p{i}"\nname = {{ nl = "F{i}", en = "P{i}" }}\nkind = "discussion"\n'
    'owner = "participating"\nminutes = 0.5\n'
)
HEAD = VALID.split("[[phases]]")[0]


def sub(old: str, new: str, text: str = VALID) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# name -> (file content, what the message must say). Every message must also name the file.
FAULTS: dict[str, tuple[str | bytes, list[str]]] = {
    # TOML syntax: the parser's own words, with line and column.
    "syntax-no-equals": (sub('version = "1.0"', 'version "1.0"'), ["invalid TOML", "line 2"]),
    "syntax-open-string": (sub('version = "1.0"', 'version = "1.0'), ["invalid TOML", "line 2"]),
    "syntax-duplicate-key": (VALID + 'id = "again"\n', ["invalid TOML", "line 21"]),
    "syntax-open-table": (sub("[[phases]]", "[[phases]"), ["invalid TOML", "line 8"]),
    "syntax-deep-nesting": ("id = " + "[" * 5000, ["invalid TOML", "nested too deeply"]),
    "syntax-binary": (bytes(range(256)) * 4, ["not UTF-8 text (byte 128)"]),
    "empty-file": ("", ["required key is missing @ $.id"]),
    # Encodings.
    "latin-1": (sub("Kort overleg", "Café-overleg").encode("latin-1"), ["not UTF-8 text (byte"]),
    "utf-16": (VALID.encode("utf-16"), ["not UTF-8 text (byte 0)", "save the file as UTF-8"]),
    # Unknown and missing keys, named by their path.
    "unknown-top": (VALID + "colour = 'red'\n", ["unknown key(s) colour @ $"]),
    "unknown-in-phase": (VALID + "tempo = 3\n", ["unknown key(s) tempo @ $.phases[1]"]),
    "unknown-in-table": (
        sub("max = 8 }", "max = 8, average = 5 }"),
        ["unknown key(s) average @ $.group_size"],
    ),
    "missing-phase-kind": (sub('kind = "questions"\n', ""), ["$.phases[0].kind"]),
    "missing-all-but-id": (
        'id = "huis"\n',
        ["$.version", "$.name", "$.summary", "$.level", "$.group_size", "$.phases"],
    ),
    # Wrong types, named by their path and what was expected.
    "name-is-text": (
        sub('name = { nl = "Huismethode", en = "House method" }', 'name = "Huis"'),
        ["expected a table of languages", "$.name"],
    ),
    "phases-is-table": (
        HEAD + '[phases]\nid = "a"\n',
        ["$.phases"],
    ),
    "minutes-is-text": (sub("minutes = 10", 'minutes = "ten"'), ["$.phases[0].minutes"]),
    "minutes-is-bool": (
        sub("minutes = 10", "minutes = true"),
        ["expected a number, got bool @ $.phases[0].minutes"],
    ),
    "size-is-fraction": (
        sub("min = 3", "min = 3.5"),
        ["expected a whole number, got float @ $.group_size.min"],
    ),
    "level-unknown": (
        sub('level = "beginning"', 'level = "expert"'),
        ["'expert' is not one of: beginning, experienced"],
    ),
    "kind-unknown": (
        sub('kind = "questions"', 'kind = "brainstorm"'),
        ["'brainstorm' is not one of: intake, choice", "$.phases[0].kind"],
    ),
    "language-text-number": (
        sub('nl = "Vragen"', "nl = 7"),
        ["language texts must be strings: nl"],
    ),
    "date-value": (sub('version = "1.0"', "version = 2024-01-01"), ["expected text, got date"]),
    # Absurd values.
    "zero-minutes": (sub("minutes = 10", "minutes = 0"), ["phase 'vragen', minutes: 0 is outside"]),
    "ten-thousand-minutes": (
        sub("minutes = 10", "minutes = 10000"),
        ["phase 'vragen', minutes: 10000 is outside 0 < minutes <= 480"],
    ),
    "ten-thousand-per-turn": (
        sub("minutes = 10", "minutes_per_turn = 10000"),
        ["phase 'vragen', minutes_per_turn: 10000 is outside"],
    ),
    "minutes-nan": (sub("minutes = 10", "minutes = nan"), ["phase 'vragen', minutes: nan"]),
    "minutes-inf": (sub("minutes = 10", "minutes = inf"), ["phase 'vragen', minutes: inf"]),
    "too-long-in-all": (
        HEAD + "".join(PHASE.format(i=i).replace("0.5", "400") for i in range(3)),
        ["1200 minutes in all, more than 480"],
    ),
    "500-phases": (
        HEAD + "".join(PHASE.format(i=i) for i in range(500)),
        ["500 phases, at most 60"],
    ),
    "empty-method-name": (
        sub('name = { nl = "Huismethode", en = "House method" }', 'name = { nl = "", en = " " }'),
        ["name: is empty"],
    ),
    "no-name-languages": (
        sub('name = { nl = "Huismethode", en = "House method" }', "name = {}"),
        ["name: is empty"],
    ),
    "empty-phase-name": (
        sub('name = { nl = "Vragen", en = "Questions" }', "name = {}"),
        ["phase 'vragen', name: is empty"],
    ),
    "empty-id": (sub('id = "huis"', 'id = ""'), ["id: '' is not a valid id"]),
    "group-of-zero": (sub("min = 3", "min = 0"), ["group_size: needs 1 <= min"]),
    "group-of-thousand": (sub("max = 8", "max = 1000"), ["group_size: needs 1 <= min"]),
    "no-phases": (HEAD + "phases = []\n", ["phases: a method needs at least one phase"]),
    "huge-file": (VALID + "#" * (1024 * 1024 + 1) + "\n", ["larger than 1024 KiB"]),
    "extends-nothing": ('id = "x"\nextends = "nope"\n', ["extends: no method 'nope' is loaded"]),
    "extends-number": ('id = "x"\nextends = 5\n', ["extends: must be a method id"]),
    "extends-unknown-phase-order": (
        'id = "x"\nextends = "incident"\nphase_order = ["collect", "nope"]\n',
        ["extends 'incident': phase_order: no phase 'nope'"],
    ),
    "extends-phases-table": (
        'id = "x"\nextends = "incident"\nphases = { a = 1 }\n',
        ["phases: must be a list of phase tables"],
    ),
    "extends-phase-without-id": (
        'id = "x"\nextends = "incident"\n[[phases]]\nminutes = 5\n',
        ["phases[0]: each entry needs an id"],
    ),
    "extends-breaks-a-phase": (
        'id = "x"\nextends = "incident"\n[[phases]]\nid = "questions"\nminutes = 0\n',
        ["phase 'questions', minutes: 0 is outside", "(extending 'incident')"],
    ),
    "extends-itself": ('id = "x"\nextends = "x"\n', ["extends", "'x'"]),
}

# A few faults say several things at once: every problem is reported, not just the first.
ALL_AT_ONCE = sub("minutes = 15", "minutes = 0", sub("min = 3", "min = 9"))


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def no_traceback(*results) -> None:
    for result in results:
        assert "Traceback" not in result.stderr + result.stdout


def listed(result) -> set[str]:
    return {m["id"] for m in json.loads(result.stdout)}


def invoke(*args: str, **env: str):
    """The real command line, in-process (click's runner): fast enough for a long table."""
    from intervisie.tui.cli.main import main

    result = CliRunner(env=env).invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def check_list(run, folder: Path, named: list[str], expected: list[str]) -> None:
    """`methods list` warns and keeps the rest; strict mode fails; both name the problem.

    `run` is `cli` (a subprocess) or `invoke` (in-process); both take `args` and `env`.
    """
    env = {"INTERVISIE_METHODS_PATH": str(folder)}
    lenient = run("methods", "list", "--json", **env)
    strict = run("methods", "list", "--json", INTERVISIE_STRICT_PLUGINS="1", **env)
    no_traceback(lenient, strict)
    assert code(lenient) == 0, lenient.stderr
    assert {"goed", "incident"} <= listed(lenient), "one bad file hides nothing else"
    assert code(strict) == 1
    assert "INTERVISIE_STRICT_PLUGINS=1" in strict.stderr
    for result in (lenient, strict):
        for text in named + expected:
            assert text in result.stderr, (text, result.stderr)


def code(result) -> int:
    return result.returncode if hasattr(result, "returncode") else result.exit_code


def subprocess_cli(cli):
    """`cli` with environment variables as keywords, like `invoke`."""

    def run(*args: str, **env: str):
        return cli(*args, env=dict(os.environ, **env))

    return run


@pytest.mark.parametrize("kind", list(FAULTS))
def test_a_broken_house_method_is_named_and_the_rest_loads(tmp_path: Path, kind: str):
    content, expected = FAULTS[kind]
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    path = write(folder, f"{kind}.toml", content)
    check_list(invoke, folder, [str(path)], expected)

    validate = invoke("method", "validate", str(path))
    no_traceback(validate)
    assert validate.exit_code == 1
    for text in expected:
        assert f"{path}: " in validate.stderr and text in validate.stderr, validate.stderr


def test_a_broken_house_method_through_the_installed_command(cli, tmp_path: Path) -> None:
    """The same as above for a few faults, as a separate process: what a user runs."""
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    named, expected = [], []
    for kind in ("syntax-no-equals", "latin-1", "unknown-in-phase", "ten-thousand-minutes"):
        content, texts = FAULTS[kind]
        named.append(str(write(folder, f"{kind}.toml", content)))
        expected += texts
    check_list(subprocess_cli(cli), folder, named, expected)


def test_every_problem_of_a_file_is_reported_at_once(cli, tmp_path: Path) -> None:
    path = write(tmp_path, "many.toml", ALL_AT_ONCE + "colour = 'red'\n")
    result = cli("method", "validate", str(path))
    assert result.returncode == 1
    assert "unknown key(s) colour @ $.phases[1]" in result.stderr
    bad = write(tmp_path, "semantic.toml", ALL_AT_ONCE)
    result = cli("method", "validate", str(bad))
    assert "group_size: needs 1 <= min <= ideal" in result.stderr
    assert "phase 'advies', minutes: 0 is outside" in result.stderr


def test_a_utf8_file_with_a_byte_order_mark_loads(cli, tmp_path: Path) -> None:
    """Notepad on Windows saves UTF-8 with a BOM; that is still UTF-8."""
    path = write(tmp_path, "bom.toml", "\ufeff" + VALID)
    result = cli("method", "validate", str(path))
    assert result.returncode == 0, result.stderr
    assert "valid: huis" in result.stdout


def test_a_json_file_nested_too_deeply_is_named(cli, tmp_path: Path) -> None:
    path = write(tmp_path, "deep.json", "[" * 100_000)
    result = cli("method", "validate", str(path))
    no_traceback(result)
    assert result.returncode == 1
    assert f"{path}: invalid JSON: nested too deeply" in result.stderr


# -- the folder and the file system ------------------------------------------------------


def test_a_folder_that_does_not_exist_is_ignored(cli, tmp_path: Path) -> None:
    env = dict(os.environ, INTERVISIE_METHODS_PATH=str(tmp_path / "absent"))
    result = cli("methods", "list", "--json", env=env)
    no_traceback(result)
    assert result.returncode == 0 and result.stderr == ""
    assert "incident" in listed(result)
    strict = cli("methods", "list", env=dict(env, INTERVISIE_STRICT_PLUGINS="1"))
    assert strict.returncode == 0, strict.stderr


def test_a_file_given_as_folder_is_named(cli, tmp_path: Path) -> None:
    good = write(tmp_path / "methods", "goed.toml", GOOD)
    not_a_folder = write(tmp_path, "file.toml", VALID)
    env = dict(
        os.environ, INTERVISIE_METHODS_PATH=os.pathsep.join([str(not_a_folder), str(good.parent)])
    )
    result = cli("methods", "list", "--json", env=env)
    no_traceback(result)
    assert result.returncode == 0
    assert f"{not_a_folder}: is not a folder" in result.stderr
    assert "goed" in listed(result)


def test_a_symlink_loop_is_named_and_skipped(cli, tmp_path: Path) -> None:
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    (folder / "a.toml").symlink_to(folder / "b.toml")
    (folder / "b.toml").symlink_to(folder / "a.toml")
    (folder / "dangling.toml").symlink_to(tmp_path / "nowhere.toml")
    check_list(
        subprocess_cli(cli),
        folder,
        [f"{folder / 'a.toml'}: cannot follow link", f"{folder / 'b.toml'}: cannot follow link"],
        [f"{folder / 'dangling.toml'}: cannot follow link: No such file"],
    )


def test_a_folder_that_links_to_itself_is_no_crash(cli, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    good = write(tmp_path / "methods", "goed.toml", GOOD)
    (good.parent / "self").symlink_to(good.parent)  # a link loop inside: not a *.toml
    env = dict(os.environ, INTERVISIE_METHODS_PATH=os.pathsep.join([str(loop), str(good.parent)]))
    result = cli("methods", "list", "--json", env=env)
    no_traceback(result)
    assert result.returncode == 0
    assert "goed" in listed(result)


def test_a_folder_named_like_a_method_file_is_named(cli, tmp_path: Path) -> None:
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    (folder / "folder.toml").mkdir()
    check_list(subprocess_cli(cli), folder, [str(folder / "folder.toml")], ["not a regular file"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_does_not_hang_the_program(cli, tmp_path: Path) -> None:
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    os.mkfifo(folder / "pipe.toml")
    check_list(subprocess_cli(cli), folder, [str(folder / "pipe.toml")], ["not a regular file"])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_device_is_refused(cli, tmp_path: Path) -> None:
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    (folder / "zero.toml").symlink_to("/dev/zero")
    check_list(subprocess_cli(cli), folder, [str(folder / "zero.toml")], ["not a regular file"])


# -- errors injected at the loader's file-system boundary (root reads everything) ---------


def deny(monkeypatch: pytest.MonkeyPatch, method: str, target: Path, code: int = errno.EACCES):
    original = getattr(pathlib.Path, method)

    def guarded(self, *args, **kwargs):
        if Path(self) == target or target in Path(self).parents:
            raise PermissionError(code, os.strerror(code), str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, method, guarded)


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize("method", ["iterdir", "stat"])
def test_a_folder_that_cannot_be_read_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, method: str, strict: bool
) -> None:
    locked = tmp_path / "locked"
    write(locked, "huis.toml", VALID)
    good = write(tmp_path / "open", "goed.toml", GOOD)
    monkeypatch.setenv("INTERVISIE_METHODS_PATH", os.pathsep.join([str(locked), str(good.parent)]))
    if strict:
        monkeypatch.setenv("INTERVISIE_STRICT_PLUGINS", "1")
    deny(monkeypatch, method, locked)
    result = invoke("methods", "list", "--json")
    assert f"{locked}: cannot read folder: Permission denied" in result.stderr
    assert "Traceback" not in result.output
    if strict:
        assert result.exit_code == 1
    else:
        assert result.exit_code == 0
        ids = {m["id"] for m in json.loads(result.stdout)}
        assert "goed" in ids and "huis" not in ids


@pytest.mark.parametrize(
    "code", [errno.EACCES, errno.EIO], ids=["permission-denied", "input-output-error"]
)
def test_a_file_that_cannot_be_read_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, code: int
) -> None:
    folder = tmp_path / "methods"
    locked = write(folder, "huis.toml", VALID)
    write(folder, "goed.toml", GOOD)
    monkeypatch.setenv("INTERVISIE_METHODS_PATH", str(folder))
    deny(monkeypatch, "open", locked, code)
    result = invoke("methods", "list", "--json")
    assert result.exit_code == 0
    assert f"{locked}: cannot read: {os.strerror(code)}" in result.stderr
    assert {m["id"] for m in json.loads(result.stdout)} >= {"goed", "incident"}

    result = invoke("method", "validate", str(locked))
    assert result.exit_code == 1
    assert f"{locked}: cannot read: {os.strerror(code)}" in result.stderr


def test_the_config_folder_that_cannot_be_read_is_named(
    monkeypatch: pytest.MonkeyPatch, isolated_env: Path
) -> None:
    config_methods = isolated_env / "config" / "methods"
    write(config_methods, "huis.toml", VALID)
    deny(monkeypatch, "iterdir", config_methods)
    result = invoke("methods", "list", "--json")
    assert result.exit_code == 0
    assert f"{config_methods}: cannot read folder: Permission denied" in result.stderr


def test_two_files_that_extend_each_other_are_both_named(tmp_path: Path) -> None:
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    a = write(folder, "a.toml", 'id = "a"\nextends = "b"\n')
    b = write(folder, "b.toml", 'id = "b"\nextends = "a"\n')
    check_list(invoke, folder, [str(a), str(b)], ["extends itself in a cycle"])


def test_a_house_method_reusing_a_built_in_id_is_named_and_the_built_in_stays(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "methods"
    write(folder, "goed.toml", GOOD)
    path = write(folder, "incident.toml", sub('id = "huis"', 'id = "incident"'))
    check_list(
        invoke,
        folder,
        [str(path)],
        ["method id 'incident' is already used by plugin 'incident' (intervisie)"],
    )
    shown = json.loads(
        invoke("methods", "show", "incident", "--json", INTERVISIE_METHODS_PATH=str(folder)).stdout
    )
    assert len(shown["phases"]) == 10, "the built-in incident method, not the file"


def test_validate_warns_that_a_built_in_id_is_taken(tmp_path: Path) -> None:
    path = write(tmp_path, "incident.toml", sub('id = "huis"', 'id = "incident"'))
    result = invoke("method", "validate", str(path))
    assert "already used" in result.stderr


OPTION_PATCH = (
    VALID.split("[[phases]]")[0]
    + """
[[options]]
id = "tempo"
name = { nl = "Tempo", en = "Pace" }
default = "normaal"
choices = [
  { id = "normaal", name = { nl = "Normaal", en = "Normal" } },
  { id = "snel", name = { nl = "Snel", en = "Fast" }, phases = { vragen = { minutes = -5 } } },
]

[[phases]]
id = "vragen"
name = { nl = "Vragen", en = "Questions" }
kind = "questions"
owner = "answering"
minutes = 10
"""
)


def test_an_option_that_patches_a_phase_into_absurd_minutes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "option.toml", OPTION_PATCH)
    result = invoke("method", "validate", str(path))
    assert result.exit_code == 1
    assert "options.tempo.snel" in result.stderr and "-5" in result.stderr


HUGE = {
    "45,000 phase stubs": (
        'id = "huge"\nversion = "1"\n' + "[[phases]]\n" * 45_000,
        "phases: 45000 phases, at most 60",
    ),
    "a name of 200,000 characters": (
        sub('en = "House method"', f'en = "{"x" * 200_000}"'),
        "name.en: 200000 characters, at most 20000",
    ),
}


@pytest.mark.parametrize("kind", ["45,000 phase stubs", "a name of 200,000 characters"])
def test_a_house_method_far_too_big_is_refused_in_one_short_line(tmp_path: Path, kind: str):
    """Found: a file of 45,000 phase stubs made `methods list` build and check them all (5 s)
    and print a warning line of 6.5 MB; the app needed 17 s for home."""
    content, words = HUGE[kind]
    folder = tmp_path / "house"
    path = write(folder, "huge.toml", content)
    write(folder, "goed.toml", GOOD)
    for args in (("methods", "list", "--json"), ("method", "validate", str(path))):
        result = invoke(*args, INTERVISIE_METHODS_PATH=str(folder))
        no_traceback(result)
        assert words in result.stderr + result.stdout, result.stderr[:300]
        assert str(path) in result.stderr + result.stdout
        longest = max(map(len, (result.stderr + result.stdout).splitlines()))
        assert longest < 500, f"a line of {longest} characters"
    assert "goed" in listed(
        invoke("methods", "list", "--json", INTERVISIE_METHODS_PATH=str(folder))
    )
