"""Where things live and the user's settings (`<config>/config.toml`).

`<config>` is `INTERVISIE_CONFIG_DIR`, else the platformdirs user config folder. The data
folder is `--data-dir`, else `INTERVISIE_DATA_DIR`, else the `data_dir` setting, else the
platformdirs user data folder. The cache folder (what can be rebuilt at any time) is
`INTERVISIE_CACHE_DIR`, else the platformdirs user cache folder. Folders we create are 0700.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
from pathlib import Path

APP = "intervisie"

# Dataclasses, not attrs: the settings are read before home's first paint, which otherwise
# needs no attrs class when its methods come from the home catalog (tui/app/catalog.py).


@dataclasses.dataclass
class Settings:
    language: str | None = None
    sound: bool = True
    rule_profile: str = "default"
    data_dir: str | None = None


@dataclasses.dataclass
class SettingsProblem:
    path: Path
    message: str


_problems: list[SettingsProblem] = []


def config_dir() -> Path:
    env = os.environ.get("INTERVISIE_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "config.toml"


def load_settings() -> Settings:
    """Read `config.toml`; a missing file gives defaults, a broken one defaults and a problem."""
    path = settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        _note(SettingsProblem(path, f"cannot read: {exc.strerror or exc}"))
        return Settings()
    import tomllib

    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        _note(SettingsProblem(path, f"not valid TOML: {exc}"))
        return Settings()
    settings = Settings()
    for key, value in doc.items():
        expected = _TYPES.get(key)
        if expected is None:
            _note(SettingsProblem(path, f"unknown setting {key!r}"))
        elif not isinstance(value, expected[0]) or (key == "language" and value not in _LANGS):
            _note(SettingsProblem(path, f"setting {key!r} must be {expected[1]}; ignored"))
        else:
            setattr(settings, key, value)
    return settings


_LANGS = ("nl", "en")
_TYPES: dict[str, tuple[type, str]] = {
    "language": (str, '"nl" or "en"'),
    "sound": (bool, "true or false"),
    "rule_profile": (str, "a rule profile id"),
    "data_dir": (str, "a folder path in quotes"),
}


def _note(problem: SettingsProblem) -> None:
    if problem not in _problems:
        _problems.append(problem)


def save_settings(settings: Settings) -> Path:
    """Write `config.toml` (0600 in a 0700 folder); only non-default values are written."""
    path = settings_path()
    ensure_private_dir(path.parent)
    lines = []
    for field in dataclasses.fields(Settings):
        value = getattr(settings, field.name)
        if value is None or value == field.default:
            continue
        if isinstance(value, bool):
            lines.append(f"{field.name} = {'true' if value else 'false'}")
        else:
            escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{field.name} = "{escaped}"')
    write_private(path, "\n".join(lines) + "\n")
    return path


def settings_problems() -> list[SettingsProblem]:
    return list(_problems)


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get("INTERVISIE_DATA_DIR")
    if env:
        return Path(env).expanduser()
    configured = load_settings().data_dir
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Where copies that can be rebuilt at any time are kept; deleting it loses nothing."""
    env = os.environ.get("INTERVISIE_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def house_method_dirs() -> list[Path]:
    """`<config>/methods` and each folder in `INTERVISIE_METHODS_PATH`, in that order."""
    dirs = [config_dir() / "methods"]
    for part in os.environ.get("INTERVISIE_METHODS_PATH", "").split(os.pathsep):
        if part.strip():
            dirs.append(Path(part.strip()).expanduser())
    return dirs


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) as 0700; an existing folder keeps its mode."""
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):  # each folder we make is private, not just the last
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    return path


def write_private(path: Path, text: str | bytes, *, overwrite: bool = True) -> Path:
    """Write a file created 0600; with `overwrite=False` an existing file raises FileExistsError."""
    # Written to a temporary file beside it, then moved into place: a full disk part-way
    # leaves neither a truncated file nor a changed old one.
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.fchmod(fd, 0o600)
            data = text.encode("utf-8") if isinstance(text, str) else text
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if the file appeared meanwhile: never overwritten
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
