"""Model artifacts and prediction files in CDF Files, in the Model Manager's format (the training
service and `akerbp.mlops.model_manager` share it)."""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import tarfile
import tempfile
import uuid
from typing import Any

from . import RuntimeProblem
from .jsonable import jsonable
from .package import FunctionPackage

ARTIFACT_DIRECTORY = "/mlops"
PREDICTIONS_DIRECTORY = "/mlops/predictions"
_MAX_VERSION_ATTEMPTS = 10

_data_set_ids: dict[str, int] = {}


def data_set_id(client: Any, dataset: str | None) -> int | None:
    """The id of the settings' data set (cached: it does not change while the function lives)."""
    if not dataset:
        return None
    if dataset not in _data_set_ids:
        found = client.data_sets.retrieve(external_id=dataset)
        if found is None:
            raise RuntimeProblem(f"Data set {dataset!r} (settings field 'dataset') does not exist in CDF "
                                 "or this function cannot read it.")
        _data_set_ids[dataset] = found.id
    return _data_set_ids[dataset]


def archive_folder(folder: str) -> bytes:
    """A .tar.gz made by shutil.make_archive, byte-for-byte the format the Python package wrote."""
    with tempfile.TemporaryDirectory() as scratch:
        path = shutil.make_archive(os.path.join(scratch, "artifact"), "gztar", root_dir=folder)
        with open(path, "rb") as archive:
            return archive.read()


def versions(client: Any, model: str, env: str, data_set: int | None) -> dict[int, Any]:
    """{version: file} of `<model>/<env>/<version>` in the artifact directory (every page)."""
    prefix = f"{model}/{env}/"
    files = client.files.list(external_id_prefix=prefix, data_set_ids=[data_set] if data_set else None, limit=None)
    pattern = re.compile(rf"^{re.escape(prefix)}([1-9][0-9]*)$")
    found = {}
    for file in files:
        match = pattern.match(file.external_id or "")
        if match:
            found[int(match.group(1))] = file
    return found


def _metadata_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(jsonable(value, "artifact metadata"))


def upload_new_version(client: Any, model: str, env: str, data_set: int | None, content: bytes,
                       metadata: dict) -> dict:
    """Uploads the archive `content` as `<model>/<env>/<highest + 1>` with `metadata` (non-strings
    JSON-encoded) plus version, sha256 and size; returns that metadata with artifact_id and
    file_id. A 409 means another upload took the version first, so the next number is tried."""
    version = max(versions(client, model, env, data_set), default=0) + 1
    for _ in range(_MAX_VERSION_ATTEMPTS):
        external_id = f"{model}/{env}/{version}"
        file_metadata = {**{str(k): _metadata_value(v) for k, v in metadata.items()},
                         "version": str(version), "sha256": hashlib.sha256(content).hexdigest(),
                         "size": str(len(content))}
        try:
            created = client.files.upload_bytes(
                content, name=f"{model}_{env}_{version}.tar.gz", external_id=external_id,
                directory=ARTIFACT_DIRECTORY, metadata=file_metadata, data_set_id=data_set, overwrite=False)
        except Exception as error:
            if getattr(error, "code", None) != 409:
                raise
            version += 1
            continue
        return {**file_metadata, "artifact_id": external_id, "file_id": created.id}
    raise RuntimeProblem(f"Could not find a free artifact version for {model}/{env} "
                         f"after {_MAX_VERSION_ATTEMPTS} attempts (concurrent uploads?).")


def unpack_archive(content: bytes, folder: str) -> None:
    """Unpacks a .tar.gz artifact into `folder` (created if needed); members that would land
    outside it, links and devices are refused."""
    os.makedirs(folder, exist_ok=True)
    root = os.path.realpath(folder)
    with tarfile.open(fileobj=io.BytesIO(content), mode="r:gz") as archive:
        for member in archive.getmembers():
            target = os.path.realpath(os.path.join(root, member.name))
            if not (member.isfile() or member.isdir()) or (target != root and not target.startswith(root + os.sep)):
                raise RuntimeProblem(f"Artifact archive member {member.name!r} is not a plain file inside the folder.")
        if hasattr(tarfile, "data_filter"):  # Python 3.12+: say so, or it warns
            archive.extractall(root, filter="data")
        else:
            archive.extractall(root)


def write_predictions(client: Any, package: FunctionPackage, prediction: Any) -> str:
    """Stores predictions as JSON in CDF Files; returns the file's external id."""
    name = f"{uuid.uuid4()}.json"
    external_id = f"mlops-predictions/{package.model_name}/{package.env}/{package.version}/{name}"
    client.files.upload_bytes(json.dumps(prediction).encode("utf-8"), name=name, external_id=external_id,
                              mime_type="application/json", directory=PREDICTIONS_DIRECTORY,
                              metadata={"model_id": package.model_id},
                              data_set_id=data_set_id(client, package.dataset))
    return external_id
