"""Keeps `akerbp.mlops` importable when a regular `akerbp` package hides it.

Our `akerbp` is a namespace portion (no `__init__.py`), so `akerbp.mlpet` and other namespace
portions import beside it. But Python's path finder returns the first *regular* `akerbp` package
(one with an `__init__.py`) it meets anywhere on sys.path, and then looks for `akerbp.mlops` in
that package's `__path__` only. A requirement that installs such a package would hide ours.

Importing this module appends a finder to the end of `sys.meta_path`: it answers only for
`akerbp.mlops` when every other finder failed, by adding our folder to `akerbp.__path__` (as
`pkgutil.extend_path` would have) and finding the package there. Imported by the function's
runtime, by pytest (`-p mlops_runtime.akerbp_path`) and by the scripts that read ServiceTest.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys

OURS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "akerbp")


class _AkerbpMlopsFinder(importlib.abc.MetaPathFinder):
    """Finds `akerbp.mlops` in OURS when `akerbp` is a package whose path lacks it."""

    def find_spec(self, fullname, path, target=None):
        if fullname != "akerbp.mlops":
            return None
        akerbp = sys.modules.get("akerbp")
        if akerbp is None or not hasattr(akerbp, "__path__"):
            return None
        if OURS not in list(akerbp.__path__):
            akerbp.__path__.append(OURS)
        return importlib.machinery.PathFinder.find_spec(fullname, [OURS])


def install() -> None:
    """Adds the finder once (idempotent)."""
    if not any(isinstance(finder, _AkerbpMlopsFinder) for finder in sys.meta_path):
        sys.meta_path.append(_AkerbpMlopsFinder())


install()
