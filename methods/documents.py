"""The built-in methods' documents, read from their TOML files through a cache.

Every command and every start of the app loads the four built-ins. Parsing their TOML takes
about twice as long as the Python that built them before they were data (tomllib is pure
Python; reading the same documents as JSON takes a twentieth of that), so the parsed
document of each file is kept as JSON in the user cache folder, with the file's path, size
and modification time. A file that changed, or a cache that is missing, damaged or cannot be
written, means the TOML is read as usual: the cache only ever saves time. Either way the
document is built and checked as a house method's is.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

FORMAT = 1
FOLDER = "methods"


def read_method_document(path: Path) -> dict[str, Any]:
    """The document in the TOML file `path`; `HouseMethodError` says what is wrong and where."""
    try:
        info = path.stat()
    except OSError:
        info = None  # read_document names the problem
    key = [FORMAT, str(path), info.st_size, info.st_mtime_ns] if info else None
    cached = _cache_file(path)
    if key is not None and cached is not None:
        try:
            saved = json.loads(cached.read_bytes())
            if saved["key"] == key and isinstance(saved["document"], dict):
                return saved["document"]
        except (OSError, ValueError, KeyError, TypeError):
            pass
    from intervisie.core.method.house import read_document

    document = read_document(path)
    if key is not None and cached is not None:
        _save(cached, {"key": key, "document": document})
    return document


def _cache_file(path: Path) -> Path | None:
    """One cache file per method file; two installs of intervisie keep one each."""
    from intervisie.core.settings import cache_dir

    try:
        folder = cache_dir() / FOLDER
    except Exception:  # no home folder to put a cache in: go without
        return None
    tag = zlib.crc32(os.fsencode(path)) & 0xFFFFFFFF
    return folder / f"{path.parent.name}-{tag:08x}.json"


def _save(cached: Path, content: dict[str, Any]) -> None:
    from intervisie.core.settings import ensure_private_dir, write_private

    try:
        text = json.dumps(content, ensure_ascii=False)
        ensure_private_dir(cached.parent)
        write_private(cached, text)
    except (OSError, TypeError, ValueError):  # read-only or full disk, a TOML date: no copy
        pass
