"""Checks the call's `data` before any model code runs, with messages that say what to send.

Two payload styles are accepted (reference/akerbp-mlops-4.x-facts.md):
- the user guide's `{"data": ..., "to_file": bool}`: predict() gets `data`;
- the 3.1–4.1.0 callers' `{"input": [...], "return_file": bool, ...}`: predict() gets the whole
  payload, as the package's prediction service passed it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import RuntimeProblem

_SHAPES = ('send {"data": ..., "to_file": false} (the user guide\'s shape) or {"input": [...], '
           '"return_file": false} (the akerbp-mlops 3.1–4.1 callers\' shape)')


@dataclass(frozen=True)
class PredictionRequest:
    model_input: Any
    """what predict() receives"""
    to_file: bool
    """write the prediction to CDF Files and answer its external id"""


def is_keep_warm(data: Any) -> bool:
    """Scheduled keep-warm calls carry no data."""
    return data is None or data == {}


def prediction_request(data: Any) -> PredictionRequest:
    """The request in `data`; RuntimeProblem naming both accepted shapes when it is neither, or
    names both keys when it has both `data` and `input`."""
    if not isinstance(data, dict):
        raise RuntimeProblem(f"The payload must be a JSON object: {_SHAPES}; got {_describe(data)}.")
    if "data" in data and "input" in data:
        raise RuntimeProblem("The payload has both 'data' and 'input': 'data' is the user guide's shape (predict() "
                             "gets payload['data']), 'input' the 3.1–4.1 callers' (predict() gets the whole payload). "
                             "Send one of them.")
    if "data" in data:
        return PredictionRequest(data["data"], _flag(data, "to_file"))
    if "input" in data:
        return PredictionRequest(data, _flag(data, "return_file"))
    raise RuntimeProblem(f"The payload has neither 'data' nor 'input': {_SHAPES}; got an object with keys {sorted(data)}.")


def training_input(data: Any) -> Any:
    """What train(data=...) receives: payload['data'] when present, else the whole payload (the
    3.1–4.1 callers' style)."""
    if not isinstance(data, dict):
        raise RuntimeProblem(f"The training payload must be a JSON object (its 'data' key is passed to "
                             f"train()); got {_describe(data)}.")
    return data["data"] if "data" in data else data


def _flag(data: dict, key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise RuntimeProblem(f"'{key}' must be true or false; got {_describe(value)}.")
    return value


def _describe(value: Any) -> str:
    names = {list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)
