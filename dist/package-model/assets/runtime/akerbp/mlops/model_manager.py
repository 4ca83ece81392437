"""`akerbp.mlops.model_manager` (imported `as mm`): model artifacts in CDF Files, as in the
akerbp-mlops package (4.1.0 signatures), in v4's format (the same one `mlops artifacts` and the
training service use: `<model>/<env>/<version>`, directory /mlops, a .tar.gz, metadata `version`).

Call `setup()` first: it sets up the CDF clients (`akerbp.mlops.cdf.helpers`) and the data set.
Inside a function and the service test the handler's client serves; in model tests the read
credentials do, so uploads and promotions need a write client (a notebook with write credentials).
"""
from __future__ import annotations

import io
import os
import zipfile
from typing import Any

import akerbp.mlops.cdf.helpers as cdf
from akerbp.mlops.core import exceptions
from akerbp.mlops.core.logger import get_logger
from mlops_runtime.artifacts import ARTIFACT_DIRECTORY, archive_folder, unpack_archive, upload_new_version, versions

logger = get_logger("mlops_model_manager")

ENVS = ("dev", "test", "prod")
dataset_id: int | None = None


def setup(client_secrets: dict | None = None, dataset_external_id: str | None = "mlops") -> None:
    """Sets up the write client (the read client when there are no write credentials, with a
    warning) and the data set artifacts live in (None: none). `client_secrets` (dashed keys)
    replace the ones from the environment, as in the package."""
    if client_secrets:
        cdf.client_secrets = {**cdf.client_secrets, **client_secrets}
    try:
        cdf.set_up_cdf_client("write")
    except exceptions.MissingClientError:
        logger.warning("No client secrets found with write privileges. You can still use model_manager, "
                       "but with limited (read) functionality.")
        cdf.set_up_cdf_client("read")
    set_active_dataset(dataset_external_id)


def set_active_dataset(external_id: str | None) -> None:
    """Makes `external_id` (None: no data set) the data set of later calls."""
    global dataset_id
    dataset_id = cdf.get_dataset_id(external_id)
    logger.info("Active dataset: external_id=%s, dataset_id=%s", external_id, dataset_id)


def _client(write: bool = False) -> Any:
    label = "write" if write else "read"
    client = cdf.global_client.get(label) or (None if write else cdf.global_client.get("write"))
    if client is None:
        raise exceptions.MissingClientError(
            f"No {label} CDF client: call mm.setup() first{' with write credentials' if write else ''}.")
    return client


def _check_env(env: str) -> str:
    if env not in ENVS:
        raise ValueError(f"env must be one of {', '.join(ENVS)}, got {env!r}")
    return env


def upload_new_model_version(model_name: str, env: str, folder: str | os.PathLike, metadata: dict | None = None,
                             **_ignored: Any) -> dict:
    """Archives `folder` and uploads it as the next version of `model_name` in `env` (dev or test;
    prod only by promotion). Returns the stored metadata with artifact_id and file_id."""
    if _check_env(env) == "prod":
        raise ValueError("Artifacts are not uploaded to prod directly: promote a tested version with promote_model().")
    metadata = dict(metadata or {})
    if "version" in metadata:
        logger.error("Metadata should not contain a 'version' key. It will be overwritten")
        del metadata["version"]
    stored = upload_new_version(_client(write=True), model_name, env, dataset_id, archive_folder(str(folder)), metadata)
    logger.info("Artifacts %s uploaded from folder '%s'", stored["artifact_id"], folder)
    return stored


def _versions(model_name: str, env: str) -> dict[int, Any]:
    return versions(_client(), model_name, _check_env(env), dataset_id)


def download_model_version(model_name: str, env: str, folder: str | os.PathLike, metadata: dict | None = None,
                           version: int | str | None = None) -> str:
    """Downloads and unpacks a version (default: the newest whose metadata contains `metadata`)
    into `folder`; returns its external id. Raises MissingModelArtifactsError when there is none."""
    found = _versions(model_name, env)
    if version:
        chosen = found.get(int(version))
    else:
        wanted = {str(k): str(v) for k, v in (metadata or {}).items()}
        matching = [v for v, f in found.items() if wanted.items() <= (f.metadata or {}).items()]
        chosen = found[max(matching)] if matching else None
    if chosen is None:
        # The service test runs against a local CDF seeded by the suite (testing/test-run.ts).
        advice = ("the service test's local CDF holds only the artifact folders this run tested or packaged "
                  "(the model's own and those of the repository models its code names), each as the version "
                  f"it was packaged as{f' (here: {model_name} versions {sorted(found)} in {env})' if found else ''}, "
                  "without their metadata; other versions are not reachable from the service test"
                  ) if os.getenv("MLOPS_SERVICE_TEST") else "upload or promote them first"
        raise exceptions.MissingModelArtifactsError(
            f"No artifacts for model {model_name} in {env}{f' version {version}' if version else ''} "
            f"(data set id {dataset_id}); {advice}.")
    unpack_archive(_client().files.download_bytes(id=chosen.id), str(folder))
    logger.info("Downloaded model with external_id=%s to %s", chosen.external_id, folder)
    return chosen.external_id


def get_model_version_overview(model_name: str | None = None, env: str | None = None, output_logs: bool = True,
                               metadata: dict | None = None) -> Any:
    """Every artifact version (of `model_name`, in `env`, with `metadata`), newest change first: a
    pandas DataFrame (snake_case columns, as the package's) when pandas is installed, else a list
    of dicts."""
    prefix = f"{model_name}/" if model_name else None
    files = _client().files.list(directory_prefix=ARTIFACT_DIRECTORY, external_id_prefix=prefix,
                                 metadata={str(k): str(v) for k, v in metadata.items()} if metadata else None,
                                 data_set_ids=[dataset_id] if dataset_id else None, limit=None)
    rows = [f.dump(camel_case=False) for f in files]
    rows = [r for r in rows if len((r.get("external_id") or "").split("/")) == 3
            and (env is None or r["external_id"].split("/")[1] == env.lower())]
    rows.sort(key=lambda r: r.get("last_updated_time") or 0, reverse=True)
    if output_logs:
        logger.info("%d artifact version(s), newest first", len(rows))
    try:
        import pandas
    except ImportError:
        return rows
    return pandas.DataFrame(rows)


def promote_model(model_name: str, promote_to: str = "prod", version: int | str | None = None,
                  confirm: bool = False, **_ignored: Any) -> dict | None:
    """Copies a version of `model_name` (default the newest) from dev to test or from test to prod,
    as the next version there with metadata promoted_from (as `mlops artifacts promote`).

    The guide's `promote_model(model, version)` (test to prod) is accepted too. With `confirm`,
    only after "y" at the terminal. Returns the new version's metadata, None when not done."""
    if promote_to not in ("test", "prod"):
        promote_to, version = "prod", promote_to  # the guide's promote_model('model', 'version')
    promote_from = "dev" if promote_to == "test" else "test"
    source = _versions(model_name, promote_from)
    if not source:
        logger.warning("Model %s has no versions in %s, nothing to promote.", model_name, promote_from)
        return None
    number = int(version) if version else max(source)
    if number not in source:
        raise exceptions.MissingModelArtifactsError(f"{model_name}/{promote_from}/{number} does not exist.")
    external_id = source[number].external_id
    if confirm and not cdf._confirmed(f"Promote {external_id} to {promote_to}?"):
        return None
    client = _client(write=True)
    metadata = {k: v for k, v in (source[number].metadata or {}).items() if k not in ("version", "sha256", "size")}
    stored = upload_new_version(client, model_name, promote_to, dataset_id, client.files.download_bytes(id=source[number].id),
                                {**metadata, "promoted_from": external_id})
    logger.info("Promoted %s to %s", external_id, stored["artifact_id"])
    return stored


def download_deployment_folder(model_name: str, env: str, version: int | None = None, target_path: str | None = None,
                               files_to_ignore: list[str] | None = None, service: str = "prediction") -> str:
    """Downloads the deployed code of `<model>-<service>-<env>` (`-<version>` when given) and
    unpacks it into `target_path` (default `./mlops_deployment_folder/<model>/<env>/v<version>`,
    as the package), then deletes `files_to_ignore` (paths inside it). Returns the folder.
    Raises MissingDeploymentFolder when the function or its code file is not there."""
    client = _client()
    external_id = f"{model_name}-{service}-{_check_env(env)}" + (f"-{version}" if version else "")
    function = client.functions.retrieve(external_id=external_id)
    if function is None or not getattr(function, "file_id", None):
        raise exceptions.MissingDeploymentFolder(f"No deployed function {external_id} (with a code file) in CDF.")
    folder = target_path or os.path.join(".", "mlops_deployment_folder", model_name, env,
                                         f"v{version or (function.metadata or {}).get('version')}")
    try:
        content = client.files.download_bytes(id=function.file_id)
    except Exception as error:
        raise exceptions.MissingDeploymentFolder(f"Failed to download the code of {external_id}: {error}") from error
    _unzip(content, folder)
    for name in files_to_ignore or []:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            os.remove(path)
    logger.info("Deployment folder of %s unpacked into %s", external_id, folder)
    return folder


def _unzip(content: bytes, folder: str) -> None:
    root = os.path.realpath(folder)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            target = os.path.realpath(os.path.join(root, name))
            if target != root and not target.startswith(root + os.sep):
                raise exceptions.MissingDeploymentFolder(f"Code zip member {name!r} would land outside {folder}.")
        archive.extractall(root)
