"""Model tests (run with `python -m pytest model_code` from the repo root) and the service test payloads."""
import json
import os

import numpy as np
import pytest

import model_code.helper as helper
import model_code.model as model

CURVES = {"ACS": [180.0, 150.0, 210.5], "RDEP": [2.5, 40.0, 0.8], "DEN": [2.30, 2.55, 2.12]}


class ServiceTest:
    """Payloads the deployment pipeline sends to the packaged services before going live."""
    prediction_input = {"data": CURVES, "to_file": False}
    training_input = {"data": {**helper.synthetic_logs(24, seed=7), "alpha": 0.5}}


@pytest.fixture(scope="module")
def artifact_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("artifact")
    model.train(helper.synthetic_logs(300, seed=1), str(folder), None)
    return str(folder)


@pytest.fixture(scope="module")
def init_object(artifact_folder):
    return model.initialization(artifact_folder, None)


def test_training_recovers_the_relation(tmp_path):
    metadata = model.train(helper.synthetic_logs(300, seed=3), str(tmp_path), None)
    assert metadata["r2"] > 0.95 and metadata["n_samples"] == 300
    params = helper.load_params(str(tmp_path))
    assert params["features"] == ["ACS", "RDEP", "DEN"] and params["weights"][0] > 0


def test_training_is_deterministic(tmp_path):
    data = helper.synthetic_logs(50, seed=11)
    for name in ("a", "b"):
        os.mkdir(tmp_path / name)
        model.train(data, str(tmp_path / name), None)
    assert (tmp_path / "a" / helper.MODEL_FILE).read_bytes() == (tmp_path / "b" / helper.MODEL_FILE).read_bytes()


def test_prediction_is_close_to_truth(init_object):
    logs = helper.synthetic_logs(100, seed=99)
    truth = np.array(logs.pop("AC"))
    predicted = np.array(model.predict(logs, init_object, None)["AC"])
    assert np.sqrt(np.mean((predicted - truth) ** 2)) < 3.0


def test_prediction_output_is_json(init_object):
    result = model.predict(ServiceTest.prediction_input["data"], init_object, None)
    assert len(result["AC"]) == 3
    json.dumps(result, allow_nan=False)


def test_fillers_and_gaps_are_imputed(init_object):
    data = {"ACS": [180.0, helper.NUM_FILLER], "RDEP": [2.5, None], "DEN": [2.3, 2.4]}
    assert all(np.isfinite(model.predict(data, init_object, None)["AC"]))


def test_out_of_range_prediction_is_clipped(init_object):
    low, high = helper.curve_limits()["AC"]
    result = model.predict({"ACS": [10_000.0], "RDEP": [1.0], "DEN": [1.0]}, init_object, None)
    assert low <= result["AC"][0] <= high


def test_missing_curve_is_a_model_exception(init_object):
    with pytest.raises(model.ModelException, match="DEN"):
        model.predict({"ACS": [1.0], "RDEP": [1.0]}, init_object, None)


def test_unequal_curves_are_a_model_exception(init_object):
    with pytest.raises(model.ModelException, match="equal length"):
        model.predict({"ACS": [1.0, 2.0], "RDEP": [1.0], "DEN": [2.0]}, init_object, None)


def test_initialization_without_artifacts_fails_clearly(tmp_path):
    with pytest.raises(model.ModelException, match="no trained model"):
        model.initialization(str(tmp_path), None)


def test_training_payload_trains(tmp_path):
    metadata = model.train(ServiceTest.training_input["data"], str(tmp_path), None)
    assert metadata["alpha"] == 0.5 and metadata["n_samples"] == 24
