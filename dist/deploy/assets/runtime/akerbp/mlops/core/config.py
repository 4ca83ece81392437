"""`akerbp.mlops.core.config`: `client_secrets`, the CDF credentials under the package's dashed keys.

Read from the environment variables the package documented (COGNITE_TENANT_ID,
COGNITE_OIDC_BASE_URL, COGNITE_CLIENT_ID_READ/_SECRET_READ, COGNITE_CLIENT_ID_WRITE/_SECRET_WRITE),
keeping only those that are set. Model tests see the read pair at most (the test runner's
credential policy), so `id-write`/`secret-write` are absent there. Inside a deployed function the
runtime adds the function's secrets (same dashed keys) to `akerbp.mlops.cdf.helpers.client_secrets`.
"""
from __future__ import annotations

import os

# dashed key -> environment variable, as akerbp-mlops 4.1.0's read_secrets()
SECRET_VARIABLES = {
    "tenant-id": "COGNITE_TENANT_ID",
    "base-url": "COGNITE_OIDC_BASE_URL",
    "id-read": "COGNITE_CLIENT_ID_READ",
    "secret-read": "COGNITE_CLIENT_SECRET_READ",
    "id-write": "COGNITE_CLIENT_ID_WRITE",
    "secret-write": "COGNITE_CLIENT_SECRET_WRITE",
}


def read_secrets(environ: "os._Environ[str] | dict[str, str] | None" = None) -> dict[str, str]:
    """{dashed key: value} for every variable of SECRET_VARIABLES that is set and not empty."""
    environ = os.environ if environ is None else environ
    found = {key: environ.get(variable, "").strip() for key, variable in SECRET_VARIABLES.items()}
    if found.get("base-url"):
        found["base-url"] = found["base-url"].rstrip("/")
    return {key: value for key, value in found.items() if value}


client_secrets = read_secrets()
