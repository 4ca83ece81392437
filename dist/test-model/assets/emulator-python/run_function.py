"""Runs one CDF Function call the way CDF's Python runtime does (contract B).

Usage: `python run_function.py` with cwd = the unzipped function code and one JSON request on
stdin: {"function_path", "data", "secrets", "function_call_info", "cdf": {"base_url", "project",
"token"} | null, "result_file", "notices"?: [lines printed first]}. Writes {"ok": true, "response": ...} or {"ok": false, "error":
{"message", "trace"}} to result_file and exits 0; the handler's own output goes to stdout/stderr,
which the caller keeps as the call's logs.
"""
from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
import traceback
from pathlib import PurePosixPath

# The arguments CDF passes to `handle`, each only when the handler declares it.
ALLOWED_HANDLE_ARGS = ("client", "data", "secrets", "function_call_info")


def module_name(function_path: str) -> str:
    """`handler.py` → `handler`; `src/handler.py` → `src.handler` (as CDF imports it)."""
    path = PurePosixPath(function_path.replace("\\", "/"))
    if path.suffix != ".py":
        raise ValueError(f"function_path {function_path!r} must be a Python file (.py)")
    return ".".join(path.with_suffix("").parts)


def handle_arguments(handle, available: dict) -> dict:
    """The subset of `available` that `handle` declares, by name; unknown parameters are refused."""
    variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    declared = [p.name for p in inspect.signature(handle).parameters.values() if p.kind not in variadic]
    unknown = [name for name in declared if name not in ALLOWED_HANDLE_ARGS]
    if unknown:
        raise TypeError(f"Arguments {unknown} of handle() are not allowed: the function's arguments "
                        f"must be a subset of {list(ALLOWED_HANDLE_ARGS)}")
    return {name: available[name] for name in declared}


def make_client(cdf: dict | None):
    """The `client` CDF passes: a CogniteClient bound to the call's session token when this
    interpreter can import cognite-sdk (CDF installs it in every function), otherwise the
    emulator's built-in client, announced on the call's first log line."""
    if not cdf:
        return None
    try:
        from cognite.client import ClientConfig, CogniteClient
        from cognite.client.credentials import Token
    except ImportError as error:
        print(f"cognite-sdk cannot be imported by {sys.executable} ({error}): handle() gets the emulator's "
              "built-in client (files, functions, data_sets; see the emulator's README). For the real "
              "CogniteClient, install cognite-sdk for this interpreter, or list it in requirements.txt "
              "with an indexUrl that serves it.")
        from mlops_emulator_client import EmulatorClient
        return EmulatorClient(cdf["base_url"], cdf["project"], cdf["token"])
    config = ClientConfig(client_name="cdf-emulator-function", project=cdf["project"],
                          base_url=cdf["base_url"], credentials=Token(cdf["token"]))
    return CogniteClient(config)


def run(request: dict):
    for notice in request.get("notices") or []:
        print(notice)
    code_root = os.getcwd()
    sys.path.insert(0, code_root)
    module = importlib.import_module(module_name(request.get("function_path") or "handler.py"))
    handle = getattr(module, "handle", None)
    if not callable(handle):
        raise TypeError(f"{request.get('function_path') or 'handler.py'} must contain a function named 'handle'")
    available = {
        "client": None,
        "data": request.get("data"),
        "secrets": request.get("secrets"),
        "function_call_info": request.get("function_call_info"),
    }
    arguments = handle_arguments(handle, available)
    if "client" in arguments:  # only a handler that takes a client gets one (and the notice about it)
        arguments["client"] = make_client(request.get("cdf"))
    return handle(**arguments)


def outcome(request: dict) -> str:
    """The result file's JSON text; every failure of the user's code becomes {"ok": false}."""
    try:
        response = run(request)
    except (Exception, SystemExit) as error:  # user code may call sys.exit()
        return failure(f"{type(error).__name__}: {error}", traceback.format_exc())
    try:
        return json.dumps({"ok": True, "response": response}, allow_nan=False)
    except (TypeError, ValueError) as error:
        return failure(f"The function's response is not JSON serialisable: {error}", traceback.format_exc())


def failure(message: str, trace: str) -> str:
    print(trace, file=sys.stderr, end="")
    return json.dumps({"ok": False, "error": {"message": message, "trace": trace}})


def main() -> int:
    request = json.load(sys.stdin)
    text = outcome(request)
    sys.stdout.flush()
    with open(request["result_file"], "w", encoding="utf-8") as result:
        result.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
