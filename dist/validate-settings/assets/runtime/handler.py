"""CDF Function entry point of an akerbp-mlops model service (contract C).

CDF imports this file from the zip root and calls `handle`; the work is in `mlops_runtime`.
Nothing model-specific is imported here, so a broken model becomes an error response rather
than a failed import.
"""
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from mlops_runtime.service import serve  # noqa: E402  (needs ROOT on sys.path)


def handle(client, data, secrets, function_call_info):
    # function_call_info is declared so CDF passes the full set; the services do not need it.
    return serve(ROOT, client, data, secrets)
