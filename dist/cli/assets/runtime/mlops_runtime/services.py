"""The prediction and training services (DESIGN.md §5): model calls with the user guide's arguments."""
from __future__ import annotations

import tempfile
from typing import Any

from . import RuntimeProblem
from .artifacts import archive_folder, data_set_id, upload_new_version, write_predictions
from .jsonable import jsonable
from .model_loader import initialized, load_model
from .package import FunctionPackage
from .payload import prediction_request, training_input


def _require_client(client: Any, purpose: str) -> Any:
    if client is None:
        raise RuntimeProblem(f"No CDF client was passed to handle(), but {purpose} needs one.")
    return client


def warm_up(package: FunctionPackage, secrets: Any) -> None:
    """A keep-warm call loads the prediction model, so the next real call does not pay for it."""
    if package.service == "prediction":
        initialized(package, load_model(package), secrets)


def predict(package: FunctionPackage, client: Any, data: Any, secrets: Any) -> dict:
    """predict(model_input, init_object, secrets), positionally as the package called it; the
    result inline under `prediction`, or in CDF Files (its external id under `prediction_file`)."""
    request = prediction_request(data)
    module = load_model(package)
    init_object = initialized(package, module, secrets)
    prediction = jsonable(module.predict(request.model_input, init_object, secrets), "prediction")
    prediction_file = None
    if request.to_file:
        prediction_file = write_predictions(_require_client(client, "a file result"), package, prediction)
        prediction = None
    return {"status": "ok", "prediction": prediction, "prediction_file": prediction_file,
            "model_id": package.model_id}


def train(package: FunctionPackage, client: Any, data: Any, secrets: Any) -> dict:
    """train(data=..., folder_path=..., secrets=...) by keyword, as the package called it; the
    folder it fills becomes the next artifact version."""
    model_input = training_input(data)
    module = load_model(package)
    client = _require_client(client, "the training service (it uploads the new artifact)")
    with tempfile.TemporaryDirectory(prefix="mlops-training-") as folder:
        metadata = module.train(data=model_input, folder_path=folder, secrets=secrets)
        if metadata is None:
            metadata = {}
        if not isinstance(metadata, dict):
            raise RuntimeProblem(f"train() must return a dict of artifact metadata (or None); "
                                 f"it returned {type(metadata).__name__}.")
        training = upload_new_version(client, package.model_name, package.env, data_set_id(client, package.dataset),
                                      archive_folder(folder), metadata)
    return {"status": "ok", "training": training, "model_id": package.model_id}


SERVICES = {"prediction": predict, "training": train}
