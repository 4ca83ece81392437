"""Builds a function package folder (contract C) in tmp from the runtime sources and a tiny model."""
import json
import os
import shutil
import sys
import textwrap

import pytest

RUNTIME_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MODEL = '''
import json
import os

import model_code.helper as helper
from akerbp.mlops.core import logger

log = logger.get_logger("tiny_model")
INIT_CALLS = 0


class ModelException(Exception):
    pass


def initialization(artifact_folder, secrets):
    global INIT_CALLS
    INIT_CALLS += 1
    with open(os.path.join(artifact_folder, "weights.json")) as weights:
        w = json.load(weights)["w"]
    with open(os.path.join("model_code", "limits.csv")) as limits:  # repo-relative, as the guide says
        upper = float(limits.read().split(",")[1])
    return {"w": w, "upper": upper, "calls": INIT_CALLS}


def predict(data, init_object, secrets):
    log.info("predicting %d samples", len(data.get("x", [])))
    if data.get("fail") == "model":
        raise ModelException("curve ACS is missing")
    if data.get("fail") == "other":
        return 1 / 0
    if data.get("fail") == "object":
        return object()
    if "input" in data:  # the 3.1-4.1 callers' style: the whole payload
        return {"rows": len(data["input"]), "keys": sorted(data)}
    return {"y": [helper.scale(x, init_object["w"], init_object["upper"]) for x in data["x"]],
            "init_calls": init_object["calls"], "secret": (secrets or {}).get("k"), "gap": float("nan")}


def train(*, data, folder_path, secrets):  # keyword-only: the runtime must call it as the package did
    if "w" not in data:
        raise ModelException("no training data")
    with open(os.path.join(folder_path, "weights.json"), "w") as weights:
        json.dump({"w": data["w"]}, weights)
    return {"score": 0.5, "wells": ["3/14", "2/7-18"], "note": "plain"}
'''

HELPER = '''
def scale(x, w, upper):
    return min(x * w, upper)
'''


@pytest.fixture
def make_package(tmp_path, monkeypatch):
    """make_package(service="prediction", **config overrides) -> imported handler module."""
    built = []

    def make(service="prediction", model=MODEL, **overrides):
        root = tmp_path / f"pkg{len(built)}"
        shutil.copytree(RUNTIME_DIR, root, ignore=shutil.ignore_patterns("tests", "__pycache__"))
        code = root / "model_code"
        code.mkdir()
        (code / "model.py").write_text(textwrap.dedent(model))
        (code / "helper.py").write_text(HELPER)
        (code / "limits.csv").write_text("0,100\n")
        (root / "model_artifact").mkdir()
        (root / "model_artifact" / "weights.json").write_text('{"w": 2}')
        config = {"model_name": "tiny", "service": service, "env": "test", "version": 3,
                  "model_id": "tiny/test/3", "model_file": "model_code/model.py",
                  "artifact_folder": "model_artifact", "dataset": "mlops", "suite_version": "4.0.0",
                  "settings": {"modelName": "tiny"}}
        config.update(overrides)
        (root / "mlops_function.json").write_text(json.dumps(config))
        _forget_package_modules()
        monkeypatch.syspath_prepend(str(root))
        import handler
        built.append(root)
        return handler

    monkeypatch.chdir(tmp_path)
    yield make
    _forget_package_modules()


def _forget_package_modules():
    """Each test imports a fresh copy, as a new CDF instance would."""
    for name in list(sys.modules):
        if name.split(".")[0] in ("handler", "mlops_runtime", "model_code", "akerbp"):
            del sys.modules[name]


class DuplicateError(Exception):
    code = 409


class MissingError(Exception):
    """Shaped like cognite-sdk's CogniteAPIError for unknown ids."""
    code = 400

    def __init__(self, message, missing):
        super().__init__(message)
        self.missing = missing


class FakeFile:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def dump(self, camel_case=True):
        if not camel_case:
            return dict(self.__dict__)
        return {key.split("_")[0] + "".join(p.title() for p in key.split("_")[1:]): value
                for key, value in self.__dict__.items()}


class FakeFiles:
    """Just enough of client.files, with CDF's duplicate external id rule."""

    def __init__(self):
        self.items = {}
        self.content = {}
        self.taken_behind_our_back = set()

    def upload_bytes(self, content, name, external_id=None, directory=None, metadata=None,
                     data_set_id=None, overwrite=False, mime_type=None, **ignored):
        if external_id in self.taken_behind_our_back:
            self.taken_behind_our_back.discard(external_id)
            self.upload_bytes(b"other", name="other", external_id=external_id, data_set_id=data_set_id)
            raise DuplicateError(f"duplicated {external_id}")
        if external_id in self.items and not overwrite:
            raise DuplicateError(f"duplicated {external_id}")
        item = FakeFile(id=len(self.items) + 1, name=name, external_id=external_id, directory=directory,
                        metadata=metadata, data_set_id=data_set_id, mime_type=mime_type,
                        last_updated_time=len(self.items) + 1)
        self.items[external_id] = item
        self.content[external_id] = content
        return item

    def list(self, external_id_prefix=None, data_set_ids=None, limit=25, directory_prefix=None, metadata=None, **ignored):
        assert limit is None, "the runtime must list every version"
        return [f for x, f in self.items.items() if x.startswith(external_id_prefix or "")
                and (not data_set_ids or f.data_set_id in data_set_ids)
                and (f.directory or "").startswith(directory_prefix or "")
                and (metadata or {}).items() <= (f.metadata or {}).items()]

    def retrieve_multiple(self, ids=None, ignore_unknown_ids=False):
        return [f for f in self.items.values() if f.id in (ids or [])]

    def download_bytes(self, id=None, external_id=None):
        if external_id is None:
            external_id = next(x for x, f in self.items.items() if f.id == id)
        return self.content[external_id]


class FakeCall:
    def __init__(self, id, response):
        self.id, self.status, self._response = id, "Completed", response

    def get_response(self):
        return self._response


class FakeFunction(FakeFile):
    def call(self, data=None, wait=True):
        self.calls.append(data)
        return FakeCall(len(self.calls), self.answer(data))


class FakeFunctions:
    """client.functions: retrieve/list/delete/call as cognite-sdk names them."""

    def __init__(self):
        self.items = {}

    def add(self, external_id, answer, description="", **fields):
        self.items[external_id] = FakeFunction(id=len(self.items) + 1, external_id=external_id, calls=[],
                                               answer=answer, description=description, **fields)
        return self.items[external_id]

    def retrieve(self, external_id=None, id=None):
        return self.items.get(external_id)

    def list(self, limit=25, **ignored):
        assert limit in (None, -1), "every function must be listed"
        return list(self.items.values())

    def delete(self, external_id=None, id=None):
        if external_id not in self.items:
            raise MissingError(f"missing {external_id}", missing=[{"externalId": external_id}])
        del self.items[external_id]


class FakeDataSets:
    def retrieve(self, external_id=None, id=None):
        return FakeFile(id=42, external_id="mlops") if external_id == "mlops" else None


class FakeClient:
    def __init__(self):
        self.files = FakeFiles()
        self.data_sets = FakeDataSets()
        self.functions = FakeFunctions()


@pytest.fixture
def client():
    return FakeClient()
