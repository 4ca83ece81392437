"""The caller fallback (mlops_runtime.fallback) against the vectors the TypeScript side reads too."""
import json
import os
import sys
from types import SimpleNamespace

import pytest

RUNTIME_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, RUNTIME_DIR)

from mlops_runtime.fallback import choose_target, resolve_function  # noqa: E402

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fallback_vectors.json")) as _f:
    VECTORS = json.load(_f)["cases"]


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_vector(case):
    assert choose_target(case["latest"], case["functions"], case["files"]) == case["expect"]


class _Fn(SimpleNamespace):
    """Shaped like cognite-sdk-python's Function: snake_case attributes and dump(camel_case=)."""

    def dump(self, camel_case=False):
        keys = {"external_id": "externalId", "file_id": "fileId", "created_time": "createdTime"}
        return {(keys.get(k, k) if camel_case else k): v for k, v in vars(self).items()}


class _Client:
    def __init__(self, case):
        self.functions = SimpleNamespace(
            retrieve=lambda external_id: next((f for f in self.fns if f.external_id == external_id), None),
            list=lambda external_id_prefix, limit: [f for f in self.fns if f.external_id.startswith(external_id_prefix)],
        )
        self.files = SimpleNamespace(retrieve_multiple=lambda ids, ignore_unknown_ids: [f for f in case["files"] if f["id"] in ids])
        self.fns = [_Fn(id=i, external_id=f["externalId"], status=f["status"], file_id=f["fileId"],
                        created_time=f["createdTime"], metadata=f.get("metadata")) for i, f in enumerate(case["functions"])]


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_resolve_function_with_sdk_shaped_objects(case):
    notices = []
    fn = resolve_function(_Client(case), case["latest"], log=notices.append)
    exists = any(f["externalId"] == case["expect"] for f in case["functions"])
    assert (fn.external_id if fn is not None else None) == (case["expect"] if exists else None)
    assert bool(notices) == (case["expect"] != case["latest"])
