"""Imports the user's model module and runs its initialization() once per warm process."""
from __future__ import annotations

import importlib
import sys
from pathlib import PurePosixPath
from types import ModuleType
from typing import Any

from . import RuntimeProblem
from .package import FunctionPackage

# The functions each service calls, with the arguments the user guide documents.
REQUIRED = {
    "prediction": ("initialization", "predict"),
    "training": ("train",),
}

# initialization() results by model_id: a warm CDF instance keeps them between calls.
_initialized: dict[str, Any] = {}


def module_name(model_file: str) -> str:
    """`model_code/model.py` → `model_code.model`: the repo root is the import base (user guide)."""
    path = PurePosixPath(model_file)
    if path.suffix != ".py" or path.is_absolute() or ".." in path.parts:
        raise RuntimeProblem(f"model_file {model_file!r} must be a repo-relative .py file.")
    return ".".join(path.with_suffix("").parts)


def load_model(package: FunctionPackage) -> ModuleType:
    if package.root not in sys.path:
        sys.path.insert(0, package.root)
    module = importlib.import_module(module_name(package.model_file))
    missing = [name for name in REQUIRED[package.service] if not callable(getattr(module, name, None))]
    if missing:
        raise RuntimeProblem(f"{package.model_file} must define {', '.join(f'{m}()' for m in missing)} "
                             f"for the {package.service} service.")
    return module


def initialized(package: FunctionPackage, module: ModuleType, secrets: Any) -> Any:
    if package.model_id not in _initialized:
        _initialized[package.model_id] = module.initialization(package.artifact_path, secrets)
    return _initialized[package.model_id]
