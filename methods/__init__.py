"""The built-in intervision methods: plugins in the `intervisie` entry-point group.

Each built-in is one folder holding its method as data, `method.toml` in the house-method
format (docs/authoring.md), and a plugin module of a few lines that hands that document to
intervisie, the way an organisation's bundle of house methods does
(examples/house-bundle). So a trainer reviews and corrects a method without reading
Python, and `intervisie method validate methods/<id>/method.toml` checks the edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intervisie.core import Method

FILE_NAME = "method.toml"


def builtin_method(module_file: str) -> Method:
    """The method in the `method.toml` beside a built-in's plugin module (`__file__`).

    Read as `load_method_file` reads a bundle's file, with the parsed document kept in the
    user cache folder (`documents`). A built-in stands alone: it extends no other method.
    """
    from intervisie.core.method.house import build_method
    from intervisie.methods.documents import read_method_document

    path = Path(module_file).with_name(FILE_NAME)
    return build_method(read_method_document(path), path, _no_base)


def _no_base(_method_id: str) -> None:
    return None
