"""`akerbp.mlops.cdf.helpers`: CDF clients and function calls, as model code used them with the
akerbp-mlops package (signatures of its 4.1.0 release).

Where the client comes from:
- inside a deployed function, and in the service test, the runtime binds the client CDF passed to
  `handle()` (`bind_handler_client`) before model code runs: every helper works over it, and
  `global_client["read"]`/`["write"]` are that client;
- elsewhere (pytest, notebooks), `set_up_cdf_client` builds clients from `client_secrets` (dashed
  keys, read from COGNITE_* variables by `akerbp.mlops.core.config`) with cognite-sdk's OAuth
  client credentials. Model tests get the read pair at most, so only "read" works there.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Iterable

from akerbp.mlops.core import config, exceptions
from akerbp.mlops.core.logger import get_logger
from mlops_runtime.fallback import resolve_function

logger = get_logger("mlops_cdf")

global_client: dict[str, Any] = {}
client_secrets: dict[str, str] = dict(config.client_secrets)
_handler_client: Any = None

# The credential pairs each context needs; the guide's "deploy" is the package's older name for write.
_CONTEXTS = {"read": ("read",), "write": ("read", "write"), "deploy": ("read", "write")}
# akerbp-mlops hard-coded this project in get_client(); kept as the last fallback.
_PACKAGE_PROJECT = "akbp-subsurface"


def bind_handler_client(client: Any, secrets: dict | None = None) -> None:
    """Called by the runtime before model code runs in a function call: `client` (the one CDF
    passed to handle(), or None) serves every helper; `secrets` (the function's secrets, dashed
    keys) are added to `client_secrets` as the package's handler did."""
    global _handler_client, client_secrets
    _handler_client = client
    client_secrets = {**config.client_secrets, **{str(k): str(v) for k, v in (secrets or {}).items()}}
    global_client.clear()
    if client is not None:
        global_client.update(read=client, write=client)


def set_up_cdf_client(context: str = "read") -> None:
    """Fills `global_client` for `context` ("read"; "write" or the guide's "deploy": read and write).

    Raises ValueError for another context, and MissingClientError naming the variables to set when
    a credential pair is missing (outside a function: COGNITE_CLIENT_ID_<X>/_SECRET_<X>)."""
    if context not in _CONTEXTS:
        raise ValueError(f"context must be 'read', 'write' or 'deploy', got {context!r}")
    for label in _CONTEXTS[context]:
        if label in global_client:
            continue
        if _handler_client is not None:
            global_client[label] = _handler_client
            continue
        missing = [key for key in (f"id-{label}", f"secret-{label}") if not client_secrets.get(key)]
        if missing:
            variables = ", ".join(config.SECRET_VARIABLES[key] for key in missing)
            raise exceptions.MissingClientError(
                f"No {label} credentials for a CDF client: set {variables} (client_secrets lacks {', '.join(missing)}).")
        global_client[label] = get_client(client_secrets[f"id-{label}"], client_secrets[f"secret-{label}"])


def get_client(client_id: str, client_secret: str, tenant_id: str | None = None, base_url: str | None = None,
               project: str | None = None, token_url: str | None = None) -> Any:
    """A cognite-sdk CogniteClient with OAuth client credentials.

    Defaults: tenant and base URL from `client_secrets`; project from COGNITE_PROJECT (the package
    hard-coded "akbp-subsurface", the last fallback); token URL from COGNITE_TOKEN_URL, else Entra
    ID's `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`; scope `<base_url>/.default`.
    Raises MissingClientError when cognite-sdk is not installed or the tenant/base URL are unknown."""
    try:
        from cognite.client import ClientConfig, CogniteClient
        from cognite.client.credentials import OAuthClientCredentials
    except ImportError:
        raise exceptions.MissingClientError(
            "get_client() needs cognite-sdk: add it to the model's requirements.model.") from None
    base_url = (base_url or client_secrets.get("base-url") or "").rstrip("/")
    tenant_id = tenant_id or client_secrets.get("tenant-id")
    token_url = token_url or os.getenv("COGNITE_TOKEN_URL") or (
        f"https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token" if tenant_id else None)
    if not base_url or not token_url:
        raise exceptions.MissingClientError(
            "get_client() needs the CDF base URL and tenant: set COGNITE_OIDC_BASE_URL and COGNITE_TENANT_ID.")
    credentials = OAuthClientCredentials(token_url=token_url, client_id=client_id, client_secret=client_secret,
                                         scopes=[f"{base_url}/.default"])
    return CogniteClient(ClientConfig(client_name="mlops-client", project=project or os.getenv("COGNITE_PROJECT")
                                      or _PACKAGE_PROJECT, credentials=credentials, base_url=base_url))


def _client(purpose: str) -> Any:
    """The handler's client, else the write client, else the read client (set up on first use)."""
    if _handler_client is not None:
        return _handler_client
    for label in ("write", "read"):
        if label in global_client:
            return global_client[label]
    try:
        set_up_cdf_client("read")
    except exceptions.MissingClientError as error:
        raise exceptions.MissingClientError(f"{purpose} needs a CDF client: {error}") from None
    return global_client["read"]


def _function_to_call(client: Any, function_name: str) -> Any:
    """The function, or while `<model>-<service>-<env>` is being replaced (not Ready), the newest
    proven versioned one (mlops_runtime.fallback, the rule our other callers follow)."""
    function = resolve_function(client, function_name, log=logger.warning)
    if function is None:
        # The service test runs against a local CDF seeded by the suite (testing/test-run.ts).
        where = ("the service test's local CDF, which holds only this repository's models, as "
                 "<model>-prediction-<dev|test|prod> with this run's code; functions of other repositories "
                 "are not reachable from the service test") if os.getenv("MLOPS_SERVICE_TEST") else "CDF"
        raise exceptions.FunctionCallError(f"No function with external id {function_name!r} in {where}.")
    return function


def call_function(function_name: str, data: Any, retries: int = 1) -> Any:
    """Calls the CDF function `function_name` (external id) with `data` and returns its response.
    While the latest `<model>-<service>-<env>` is rebuilt by a deploy, its newest proven version
    answers instead (logged).

    Retries a call that raised `retries` times. Raises MissingResponseError when the call gave no
    response, FunctionCallError when the response's status is "error" (its message included)."""
    function = _function_to_call(_client("call_function()"), function_name)
    while True:
        try:
            call = function.call(data)
            break
        except Exception as error:  # the SDK's CogniteAPIError, a network error
            if retries <= 0:
                raise
            retries -= 1
            logger.warning("Call to %s failed (%s); retrying", function_name, error)
    response = call.get_response()
    if response is None:
        raise exceptions.MissingResponseError(f"Function call {call.id} of {function_name} returned no response "
                                              f"(status {call.status}).")
    if isinstance(response, dict) and response.get("status") == "error":
        message = response.get("message") or response.get("error_message") or "no error message"
        raise exceptions.FunctionCallError(f"{function_name} answered status 'error': {message}")
    logger.info("Function call %s of %s complete", call.id, function_name)
    return response


def call_function_parallel(function_name: str, data: Iterable[Any], n_calls: int | None = None) -> list:
    """call_function() for each payload of `data` at once (at most `n_calls` at a time); the
    responses in the order of `data`. Threads, not the package's processes, so a bound client serves."""
    payloads = list(data)
    if not payloads:
        return []
    with ThreadPoolExecutor(max_workers=n_calls or min(32, len(payloads))) as pool:
        return list(pool.map(lambda payload: call_function(function_name, payload), payloads))


def list_functions(tags: list | None = None, model_env: str | None = None) -> list[str]:
    """Sorted external ids of the project's functions, only those of `model_env` (the third
    dash-separated part, as in `<model>-<service>-<env>`) and with any of `tags` in the description."""
    names = []
    for function in _client("list_functions()").functions.list(limit=-1):
        external_id = function.external_id or ""
        parts = external_id.split("-")
        if model_env is not None and (len(parts) < 3 or parts[2] != model_env):
            continue
        if tags and not any(tag in (function.description or "") for tag in tags):
            continue
        names.append(external_id)
    return sorted(names)


def delete_function(function_name: str, confirm: bool = True) -> None:
    """Deletes the function with external id `function_name`; with `confirm`, only after "y" at the
    terminal (without one nothing is deleted: pass confirm=False). A missing function is logged."""
    if confirm and not _confirmed(f"Delete function {function_name}?"):
        logger.info("Not deleting %s (not confirmed)", function_name)
        return
    try:
        _client("delete_function()").functions.delete(external_id=function_name)
    except Exception as error:
        if not getattr(error, "missing", None) and type(error).__name__ != "CogniteNotFoundError":
            raise
        logger.error("Couldn't find function with external id %s", function_name)
        return
    logger.info("Deleted function with external id %s", function_name)


delete_service = delete_function  # the guide's name for it


def _confirmed(question: str) -> bool:
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def get_dataset_id(external_id: str | None) -> int | None:
    """The id of the data set `external_id` (None for None). Raises MissingClientError without a
    client and ValueError when the data set does not exist or cannot be read."""
    if not external_id:
        return None
    found = _client("get_dataset_id()").data_sets.retrieve(external_id=external_id)
    if found is None:
        raise ValueError(f"Data set {external_id!r} does not exist in CDF or this client cannot read it.")
    return found.id
