"""Sonic (AC) prediction from ACS, RDEP and DEN well-log curves with ridge regression.

The akerbp-mlops model interface: initialization(), predict(), train() and ModelException.
"""
import logging
import os

import numpy as np

import model_code.helper as helper

log = logging.getLogger("sonic_model")
DEFAULT_ALPHA = 1.0


class ModelException(Exception):
    pass


def initialization(artifact_folder, secrets):
    """Loads the trained coefficients; called once per warm function instance."""
    if artifact_folder is None or not os.path.isfile(os.path.join(artifact_folder, helper.MODEL_FILE)):
        raise ModelException(f"no trained model in artifact folder {artifact_folder!r}; "
                             "run model_code/make_artifact.py or train the model")
    return {"params": helper.load_params(artifact_folder), "limits": helper.curve_limits()}


def predict(data, init_object, secrets):
    """data: {"ACS": [...], "RDEP": [...], "DEN": [...]} → {"AC": [...]} (us/ft)."""
    if not isinstance(data, dict):
        raise ModelException("data must be an object of curves, e.g. {\"ACS\": [...], \"RDEP\": [...], \"DEN\": [...]}")
    try:
        x = helper.design_matrix(data, init_object["limits"])
    except KeyError as missing:
        raise ModelException(f"required input curve {missing} is missing (required: {', '.join(helper.FEATURES)})") from None
    except (TypeError, ValueError) as error:
        raise ModelException(f"input curves are not numeric lists of equal length: {error}") from None
    ac = helper.apply_ridge(init_object["params"], x)
    low, high = init_object["limits"][helper.TARGET]
    log.debug("predicted %d AC samples", len(ac))
    return {helper.TARGET: np.clip(ac, low, high).round(3).tolist()}


def train(data, folder_path, secrets):
    """data: the input curves plus "AC" (and optionally "alpha"); writes the model to folder_path."""
    if not isinstance(data, dict) or helper.TARGET not in data:
        raise ModelException("training data must be an object of curves including the target AC")
    limits = helper.curve_limits()
    try:
        x = helper.design_matrix(data, limits)
        y = helper.curve(data, helper.TARGET, limits)
    except KeyError as missing:
        raise ModelException(f"required training curve {missing} is missing") from None
    if len(y) != len(x) or np.count_nonzero(~np.isnan(y)) < len(helper.FEATURES) + 1:
        raise ModelException(f"need at least {len(helper.FEATURES) + 1} samples with AC, all curves of equal length")
    params, r2, n = helper.fit_ridge(x, y, float(data.get("alpha", DEFAULT_ALPHA)))
    helper.save_params(params, folder_path)
    log.info("trained on %d samples, r2=%.4f", n, r2)
    return {"r2": round(r2, 6), "n_samples": n, "alpha": params["alpha"]}
