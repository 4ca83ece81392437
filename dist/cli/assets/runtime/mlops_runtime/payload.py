"""Checks the call's `data` before any model code runs, with messages that say what to send."""
from __future__ import annotations

from typing import Any

from . import RuntimeProblem

_SHAPE = 'payload must be a JSON object with a \'data\' key, e.g. {"data": {...}, "to_file": false}'


def is_keep_warm(data: Any) -> bool:
    """Scheduled keep-warm calls carry no data."""
    return data is None or data == {}


def prediction_input(data: Any) -> tuple[Any, bool]:
    """(the model's input, whether to write predictions to a file)."""
    if not isinstance(data, dict):
        raise RuntimeProblem(f"{_SHAPE}; got {_describe(data)}.")
    if "data" not in data:
        raise RuntimeProblem(f"{_SHAPE}; got an object with keys {sorted(data)}.")
    to_file = data.get("to_file", False)
    if not isinstance(to_file, bool):
        raise RuntimeProblem(f"'to_file' must be true or false; got {_describe(to_file)}.")
    return data["data"], to_file


def training_input(data: Any) -> Any:
    if not isinstance(data, dict):
        raise RuntimeProblem(f"training payload must be a JSON object (its 'data' key is passed to "
                             f"train()); got {_describe(data)}.")
    return data.get("data")


def _describe(value: Any) -> str:
    names = {list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)
