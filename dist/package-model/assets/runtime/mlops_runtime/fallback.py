"""Caller fallback while a model's latest function is rebuilt (Python twin of the core's deploy/state.ts).

CDF functions cannot be updated, so a deploy replaces ``<model>-<service>-<env>`` by delete +
create and that external id has no Ready function for one build. Our callers then call the newest
proven versioned function of the same model, service and environment instead:
``<latest>-<N>`` or ``<latest>-<N>-<k>`` (k >= 2), Ready, whose code file's metadata says
``mlops_state: proven`` (or records no state at all: functions made before the state model, by
this suite or by the akerbp-mlops Python package, count as proven when they carry ``version``).
Best first: the deployment the latest was last switched to (``mlops_served_at``), then the newest
proof (``mlops_proven_at``), then the newest function.

The selection rules are checked against the vectors in ``tests/fallback_vectors.json``, which the
TypeScript side (``chooseCallTarget``) reads too.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Optional

STATE_KEY = "mlops_state"
PROVEN_AT_KEY = "mlops_proven_at"
SERVED_AT_KEY = "mlops_served_at"

_VERSIONED_SUFFIX = re.compile(r"^[1-9][0-9]*(?:-(?:[2-9]|[1-9][0-9]+))?$")
_VERSION = re.compile(r"^[1-9][0-9]*$")
# The suite's latest external ids, <model>-<service>-<env> (core naming.ts); only these fall back.
_LATEST = re.compile(r"^[A-Za-z0-9_]+-(?:prediction|training)-(?:dev|test|prod)$")


def _is_versioned(latest: str, external_id: Optional[str]) -> bool:
    prefix = latest + "-"
    return bool(external_id) and external_id.startswith(prefix) and bool(_VERSIONED_SUFFIX.match(external_id[len(prefix):]))


def _epoch(value: Any) -> Optional[float]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 and number == number and number != float("inf") else None


def _state(file: Optional[dict]) -> str:
    raw = ((file or {}).get("metadata") or {}).get(STATE_KEY)
    return raw if raw in ("pending", "proven", "failed") else "legacy"


def _is_proven(fn: dict, file: Optional[dict]) -> bool:
    if fn.get("status") != "Ready":
        return False
    state = _state(file)
    version = str((fn.get("metadata") or {}).get("version", ""))
    return state == "proven" or (state == "legacy" and bool(_VERSION.match(version)))


def _rank(fn: dict, file: Optional[dict], latest: Optional[dict]) -> tuple:
    metadata = (file or {}).get("metadata") or {}
    legacy = _state(file) == "legacy"
    served = _epoch(metadata.get(SERVED_AT_KEY))
    if served is None:
        served = latest["createdTime"] if legacy and latest is not None and latest.get("fileId") == fn.get("fileId") else 0
    proven = _epoch(metadata.get(PROVEN_AT_KEY))
    if proven is None:
        proven = fn.get("createdTime", 0) if legacy else 0
    return (served, proven, fn.get("createdTime", 0))


def choose_target(latest_external_id: str, functions: Iterable[dict], files: Iterable[dict]) -> str:
    """The external id a caller of ``latest_external_id`` should call.

    ``functions`` and ``files`` are dicts in the CDF API's JSON shape (``externalId``, ``status``,
    ``fileId``, ``createdTime``, ``metadata``; files ``id``, ``metadata``). Returns the latest when
    it is Ready, else the best proven versioned function, else the latest again (so the caller meets
    the platform's own error). Only the suite's latest external ids fall back; others come back as given.
    """
    functions = list(functions)
    by_id = {f.get("id"): f for f in files}
    latest = next((fn for fn in functions if fn.get("externalId") == latest_external_id), None)
    if not _LATEST.match(latest_external_id) or (latest is not None and latest.get("status") == "Ready"):
        return latest_external_id
    candidates = [
        fn for fn in functions
        if _is_versioned(latest_external_id, fn.get("externalId")) and _is_proven(fn, by_id.get(fn.get("fileId")))
    ]
    if not candidates:
        return latest_external_id
    best = max(candidates, key=lambda fn: _rank(fn, by_id.get(fn.get("fileId")), latest))
    return best["externalId"]


def _as_api_dict(obj: Any) -> dict:
    """A Cognite SDK object (``dump(camel_case=True)``) or a dict, in the API's JSON shape."""
    if isinstance(obj, dict):
        return obj
    dump = getattr(obj, "dump", None)
    if callable(dump):
        try:
            return dump(camel_case=True)
        except TypeError:
            return dump()
    return {
        "id": getattr(obj, "id", None),
        "externalId": getattr(obj, "external_id", None),
        "status": getattr(obj, "status", None),
        "fileId": getattr(obj, "file_id", None),
        "createdTime": getattr(obj, "created_time", 0),
        "metadata": getattr(obj, "metadata", None),
    }


def resolve_function(client: Any, external_id: str, log: Optional[Callable[[str], None]] = None) -> Any:
    """The function object to call for ``external_id`` (a Cognite SDK client's ``Function``).

    The latest when it is Ready; while it is not (a deploy is replacing it), the newest proven
    versioned function, with a notice through ``log``. Versioned external ids are returned as they
    are. Uses ``client.functions.retrieve``, ``client.functions.list(external_id_prefix=, limit=)``
    and ``client.files.retrieve_multiple(ids=, ignore_unknown_ids=True)``. Returns None when no
    function exists under ``external_id`` and there is nothing to fall back to.
    """
    fn = client.functions.retrieve(external_id=external_id)
    if (fn is not None and getattr(fn, "status", None) == "Ready") or not _LATEST.match(external_id):
        return fn
    family = [f for f in client.functions.list(external_id_prefix=external_id, limit=-1)]
    dicts = [_as_api_dict(f) for f in family]
    if not any(_is_versioned(external_id, d.get("externalId")) for d in dicts):
        return fn
    file_ids = sorted({d["fileId"] for d in dicts if d.get("fileId") is not None})
    files = [_as_api_dict(f) for f in client.files.retrieve_multiple(ids=file_ids, ignore_unknown_ids=True)] if file_ids else []
    target = choose_target(external_id, dicts, files)
    if target == external_id:
        return fn
    if log is not None:
        status = getattr(fn, "status", None) if fn is not None else "missing"
        log(f"{external_id} is {status} (a deploy is replacing it); calling {target}, the newest proven deployment, instead.")
    return next(f for f, d in zip(family, dicts) if d.get("externalId") == target)
