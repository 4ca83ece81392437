"""Turns model output into plain JSON values, since a function's response must be JSON."""
from __future__ import annotations

import math
from typing import Any


def jsonable(value: Any, what: str = "value") -> Any:
    """numpy/pandas values via tolist()/item()/to_dict("list"); NaN and ±inf become null (JSON has
    neither); tuples become lists; other objects are refused with their type named."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(key): jsonable(item, what) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item, what) for item in value]
    for method, args in (("tolist", ()), ("item", ()), ("to_dict", ("list",))):
        convert = getattr(value, method, None)
        if callable(convert):
            return jsonable(convert(*args), what)
    raise TypeError(f"The {what} is not JSON serialisable: it contains a {type(value).__module__}."
                    f"{type(value).__qualname__}")
