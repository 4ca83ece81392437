import io
import json
import os
import tarfile

INFO = {"function_id": 1, "call_id": 2, "schedule_id": None, "scheduled_time": None}
PAYLOAD = {"data": {"x": [1, 2, 60]}}


def call(handler, client, data, secrets=None):
    return handler.handle(client, data, secrets, INFO)


def test_prediction_ok(make_package, client):
    handler = make_package()
    result = call(handler, client, PAYLOAD, secrets={"k": "s3cret"})
    assert result == {"status": "ok", "model_id": "tiny/test/3", "prediction_file": None,
                      "prediction": {"y": [2, 4, 100.0], "init_calls": 1, "secret": "s3cret", "gap": None}}
    json.dumps(result, allow_nan=False)  # NaN became null: the response is strict JSON


def test_prediction_runs_from_the_package_root(make_package, client, tmp_path):
    handler = make_package()
    os.chdir(tmp_path)  # CDF may start us anywhere; relative data paths must still work
    assert call(handler, client, PAYLOAD)["status"] == "ok"
    assert os.getcwd() == os.path.dirname(handler.__file__)


def test_initialization_once_per_warm_process(make_package, client):
    handler = make_package()
    first = call(handler, client, PAYLOAD)
    second = call(handler, client, PAYLOAD)
    assert first["prediction"]["init_calls"] == 1 and second["prediction"]["init_calls"] == 1
    import model_code.model as model
    assert model.INIT_CALLS == 1


def test_to_file_uploads_predictions(make_package, client):
    handler = make_package()
    result = call(handler, client, {**PAYLOAD, "to_file": True})
    assert result["status"] == "ok" and result["prediction"] is None
    xid = result["prediction_file"]
    assert xid.startswith("mlops-predictions/tiny/test/3/") and xid.endswith(".json")
    stored = client.files.items[xid]
    assert stored.data_set_id == 42 and stored.mime_type == "application/json"
    assert json.loads(client.files.content[xid])["y"] == [2, 4, 100.0]


def test_keep_warm_initializes_and_returns_ok(make_package, client):
    handler = make_package()
    assert call(handler, client, None) == {"status": "ok"}
    assert call(handler, client, {}) == {"status": "ok"}
    assert call(handler, client, PAYLOAD)["prediction"]["init_calls"] == 1


def test_model_exception_is_an_error_response(make_package, client, capsys):
    handler = make_package()
    result = call(handler, client, {"data": {"fail": "model"}})
    assert result == {"status": "error", "message": "ModelException: curve ACS is missing",
                      "error_message": "ModelException: curve ACS is missing", "model_id": "tiny/test/3"}
    assert "Traceback" in capsys.readouterr().err


def test_other_exception_and_unserialisable_output(make_package, client):
    handler = make_package()
    assert call(handler, client, {"data": {"fail": "other"}})["message"] == "ZeroDivisionError: division by zero"
    message = call(handler, client, {"data": {"fail": "object"}})["message"]
    assert "prediction is not JSON serialisable" in message and "builtins.object" in message


def test_bad_payloads(make_package, client):
    handler = make_package()
    for data, expected in [
        ([1, 2], "The payload must be a JSON object: send {\"data\""),
        ({"x": [1]}, "neither 'data' nor 'input'"),
        ({"data": {"x": [1]}, "to_file": "yes"}, "'to_file' must be true or false; got a string"),
        ({"input": [], "return_file": 1}, "'return_file' must be true or false; got a number"),
        ({"data": {"x": [1]}, "input": [{}]}, "The payload has both 'data' and 'input'"),
    ]:
        result = call(handler, client, data)
        assert result["status"] == "error" and expected in result["message"], result
        assert result["error_message"] == result["message"]  # the key akerbp-mlops callers read
        assert result["model_id"] == "tiny/test/3"


def test_input_payload_gives_predict_the_whole_payload(make_package, client):
    handler = make_package()
    payload = {"input": [{"x": 1}, {"x": 2}], "return_file": False, "keyword_1": "k"}
    assert call(handler, client, payload) == {
        "status": "ok", "model_id": "tiny/test/3", "prediction_file": None,
        "prediction": {"rows": 2, "keys": ["input", "keyword_1", "return_file"]}}
    result = call(handler, client, {**payload, "return_file": True})
    assert result["prediction"] is None and result["prediction_file"].startswith("mlops-predictions/tiny/test/3/")
    assert json.loads(client.files.content[result["prediction_file"]]) == {"rows": 2, "keys": ["input", "keyword_1", "return_file"]}


def test_model_import_failure_never_raises(make_package, client):
    handler = make_package(model="import no_such_module\n")
    result = call(handler, client, PAYLOAD)
    assert result["status"] == "error" and "No module named 'no_such_module'" in result["message"]


def test_missing_model_functions_are_named(make_package, client):
    handler = make_package(model="def predict(data, init_object, secrets):\n    return 1\n")
    result = call(handler, client, PAYLOAD)
    assert result["message"] == "model_code/model.py must define initialization() for the prediction service."


def test_broken_package_config(make_package, client):
    handler = make_package()
    os.remove(os.path.join(os.path.dirname(handler.__file__), "mlops_function.json"))
    result = call(handler, client, PAYLOAD)
    assert result["status"] == "error" and "mlops_function.json is missing" in result["message"]
    assert result["model_id"] is None


def test_training_uploads_next_version(make_package, client):
    handler = make_package(service="training")
    client.files.upload_bytes(b"old", name="v1", external_id="tiny/test/1", data_set_id=42)
    client.files.upload_bytes(b"old", name="v4", external_id="tiny/test/4", data_set_id=42)
    client.files.upload_bytes(b"x", name="other", external_id="tiny/test/4/extra", data_set_id=42)
    result = call(handler, client, {"data": {"w": 7}})
    assert result["status"] == "ok", result
    training = result["training"]
    assert training["artifact_id"] == "tiny/test/5" and training["version"] == "5"
    assert training["score"] == "0.5" and training["wells"] == '["3/14", "2/7-18"]' and training["note"] == "plain"
    stored = client.files.items["tiny/test/5"]
    assert stored.directory == "/mlops" and stored.data_set_id == 42 and stored.metadata["version"] == "5"
    with tarfile.open(fileobj=io.BytesIO(client.files.content["tiny/test/5"]), mode="r:gz") as archive:
        assert sorted(archive.getnames()) == [".", "./weights.json"]  # shutil.make_archive's layout
        assert json.load(archive.extractfile("./weights.json")) == {"w": 7}
    import hashlib
    assert stored.metadata["sha256"] == hashlib.sha256(client.files.content["tiny/test/5"]).hexdigest()


def test_training_first_version_and_duplicate_retry(make_package, client):
    handler = make_package(service="training")
    client.files.taken_behind_our_back = {"tiny/test/1"}  # a concurrent upload wins version 1
    result = call(handler, client, {"data": {"w": 1}})
    assert result["training"]["artifact_id"] == "tiny/test/2"
    assert call(handler, client, {"data": {"w": 1}})["training"]["artifact_id"] == "tiny/test/3"


def test_training_errors(make_package, client):
    handler = make_package(service="training")
    assert call(handler, client, None) == {"status": "ok"}
    assert call(handler, client, {"other": 1})["message"] == "ModelException: no training data"  # whole payload
    assert call(handler, client, {"w": 2})["status"] == "ok"  # a payload without 'data' is train()'s data
    assert "training payload must be a JSON object" in call(handler, client, "w")["message"]
    assert "No CDF client" in call(handler, None, {"data": {"w": 1}})["message"]


def test_missing_data_set_is_clear(make_package, client):
    handler = make_package(service="training", dataset="nope")
    message = call(handler, client, {"data": {"w": 1}})["message"]
    assert message.startswith("Data set 'nope' (settings field 'dataset') does not exist")


def test_logger_shim_writes_to_stdout(make_package, client, capsys):
    handler = make_package()
    call(handler, client, PAYLOAD)
    assert "tiny_model - INFO - predicting 3 samples" in capsys.readouterr().out


def test_package_runs_under_the_emulator_runner(make_package, tmp_path):
    """The zip layout works when CDF's way of calling it (emulator-python/run_function.py) is used."""
    import subprocess
    import sys
    runner = os.path.join(os.path.dirname(__file__), "..", "..", "..", "cdf-emulator", "python", "run_function.py")
    root = os.path.dirname(make_package().__file__)
    request = {"function_path": "handler.py", "data": PAYLOAD, "secrets": None, "function_call_info": INFO,
               "cdf": None, "result_file": str(tmp_path / "result.json")}
    process = subprocess.run([sys.executable, runner], input=json.dumps(request), cwd=root,
                             capture_output=True, text=True, timeout=60)
    assert process.returncode == 0, process.stderr
    result = json.loads((tmp_path / "result.json").read_text())
    assert result["ok"] is True and result["response"]["prediction"]["y"] == [2, 4, 100.0]
    assert "predicting 3 samples" in process.stdout
