"""Reads mlops_function.json, the package's description written by package-model (contract C)."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any

from . import RuntimeProblem

CONFIG_FILE = "mlops_function.json"


@dataclass(frozen=True)
class FunctionPackage:
    root: str
    model_name: str
    service: str
    env: str
    version: int
    model_id: str
    model_file: str
    artifact_folder: str | None
    dataset: str | None
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def artifact_path(self) -> str | None:
        """Absolute artifact folder handed to initialization(), None when the model has none."""
        return os.path.join(self.root, self.artifact_folder) if self.artifact_folder else None


_FIELDS = ("model_name", "service", "env", "version", "model_id", "model_file")


def read_package(root: str) -> FunctionPackage:
    path = os.path.join(root, CONFIG_FILE)
    try:
        with open(path, encoding="utf-8") as config_file:
            config = json.load(config_file)
    except FileNotFoundError:
        raise RuntimeProblem(f"{CONFIG_FILE} is missing from the function package; rebuild it with "
                             "package-model (mlops package).") from None
    except ValueError as error:
        raise RuntimeProblem(f"{CONFIG_FILE} is not valid JSON ({error}); rebuild the package.") from None
    missing = [name for name in _FIELDS if config.get(name) in (None, "")]
    if missing:
        raise RuntimeProblem(f"{CONFIG_FILE} lacks {', '.join(missing)}; rebuild the package.")
    if config["service"] not in ("prediction", "training"):
        raise RuntimeProblem(f"{CONFIG_FILE}: service must be prediction or training, got {config['service']!r}.")
    return FunctionPackage(root=root, model_name=config["model_name"], service=config["service"],
                           env=config["env"], version=int(config["version"]), model_id=config["model_id"],
                           model_file=config["model_file"], artifact_folder=config.get("artifact_folder"),
                           dataset=config.get("dataset"), settings=config.get("settings") or {})
