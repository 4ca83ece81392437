"""handle() of every model function: runs the package's service and turns every failure into an
error response (CDF would otherwise report a bare crash), with the traceback in the call's logs."""
from __future__ import annotations

import os
import sys
import traceback
from typing import Any

from . import RuntimeProblem, akerbp_path  # noqa: F401  (akerbp_path: akerbp.mlops stays importable)
from .package import read_package
from .payload import is_keep_warm
from .services import SERVICES, warm_up


def serve(root: str, client: Any, data: Any, secrets: Any) -> dict:
    """The call's response: the service's, `{"status": "ok"}` for a keep-warm call (no data), or
    `{"status": "error", "message", "error_message", "model_id"}` (error_message: the key
    akerbp-mlops callers read)."""
    model_id = None
    try:
        # The user guide promises repo-relative paths: os.path.join("model_code", "data.csv").
        os.chdir(root)
        package = read_package(root)
        model_id = package.model_id
        # Model code's akerbp.mlops helpers work over this call's client and secrets.
        from akerbp.mlops.cdf import helpers
        helpers.bind_handler_client(client, secrets if isinstance(secrets, dict) else None)
        if is_keep_warm(data):
            warm_up(package, secrets)
            return {"status": "ok"}
        return SERVICES[package.service](package, client, data, secrets)
    except (Exception, SystemExit) as error:  # model code may call sys.exit()
        traceback.print_exc(file=sys.stderr)
        message = error_message(error)
        return {"status": "error", "message": message, "error_message": message, "model_id": model_id}


def error_message(error: BaseException) -> str:
    if isinstance(error, RuntimeProblem):
        return str(error)
    return f"{type(error).__name__}: {error}"
