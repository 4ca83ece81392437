"""The akerbp.mlops compatibility package: what model code written for akerbp-mlops imports."""
import io
import json
import os
import subprocess
import sys
import tarfile
import textwrap

import pytest

from conftest import RUNTIME_DIR, FakeClient

INFO = {"function_id": 1, "call_id": 2, "schedule_id": None, "scheduled_time": None}


def run_python(code, tmp_path, extra_path=(), env=None):
    """Runs `code` in a fresh interpreter with the runtime (and `extra_path`) on PYTHONPATH."""
    path = os.pathsep.join([RUNTIME_DIR, *map(str, extra_path)])
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=tmp_path, capture_output=True, text=True,
                          env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": path, **(env or {})}, timeout=60)


def test_akerbp_is_a_namespace_package_so_mlpet_imports_beside_it(tmp_path):
    """A stand-in akerbp.mlpet (its own akerbp/ folder, as pip installs it) imports with ours."""
    site = tmp_path / "site"
    (site / "akerbp" / "mlpet").mkdir(parents=True)
    (site / "akerbp" / "mlpet" / "__init__.py").write_text("VERSION = 'stand-in'\n")
    assert not os.path.exists(os.path.join(RUNTIME_DIR, "akerbp", "__init__.py"))
    run = run_python("""
        import akerbp.mlpet, akerbp.mlops.core.logger, akerbp.mlops.cdf.helpers, akerbp.mlops.model_manager as mm
        print(akerbp.mlpet.VERSION, callable(mm.setup))
    """, tmp_path, extra_path=[site])
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["stand-in", "True"]


def test_logger_takes_percent_arguments_and_exceptions_import(tmp_path):
    run = run_python("""
        from akerbp.mlops.core import logger, exceptions
        log = logger.get_logger("my_model")
        for level in ("debug", "info", "warning", "error", "critical"):
            getattr(log, level)("%s has %d samples", level, 3)
        try:
            raise exceptions.FunctionCallError("x")
        except Exception:
            log.exception("caught %s", "it")
        assert issubclass(exceptions.MissingClientError, Exception)
    """, tmp_path)
    assert run.returncode == 0, run.stderr
    for level in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        assert f"my_model - {level} - {level.lower()} has 3 samples" in run.stdout
    assert "caught it" in run.stdout and "FunctionCallError: x" in run.stdout


def test_client_secrets_read_the_package_variables(tmp_path):
    run = run_python("""
        import json
        from akerbp.mlops.core.config import client_secrets
        print(json.dumps(client_secrets, sort_keys=True))
    """, tmp_path, env={"COGNITE_CLIENT_ID_READ": "rid", "COGNITE_CLIENT_SECRET_READ": "rs",
                        "COGNITE_TENANT_ID": "t", "COGNITE_OIDC_BASE_URL": "https://x.cognitedata.com/",
                        "COGNITE_CLIENT_ID_WRITE": ""})
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"base-url": "https://x.cognitedata.com", "id-read": "rid", "secret-read": "rs",
                                      "tenant-id": "t"}


def test_without_credentials_set_up_names_the_variables(tmp_path):
    run = run_python("""
        import akerbp.mlops.cdf.helpers as cdf
        from akerbp.mlops.core.exceptions import MissingClientError
        for context in ("read", "deploy"):
            try:
                cdf.set_up_cdf_client(context)
            except MissingClientError as error:
                print(error)
        try:
            cdf.set_up_cdf_client("admin")
        except ValueError as error:
            print(error)
    """, tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("No read credentials for a CDF client: set COGNITE_CLIENT_ID_READ, COGNITE_CLIENT_SECRET_READ")
    assert lines[1].startswith("No read credentials")
    assert lines[2] == "context must be 'read', 'write' or 'deploy', got 'admin'"


CALLER = '''
import akerbp.mlops.cdf.helpers as cdf
import akerbp.mlops.model_manager as mm
from akerbp.mlops.core import exceptions


class ModelException(Exception):
    pass


def initialization(artifact_folder, secrets):
    mm.setup()
    return {"secrets": sorted(cdf.client_secrets)}


def predict(data, init_object, secrets):
    if data.get("mode") == "parallel":
        return cdf.call_function_parallel("other-prediction-test", [{"data": {"n": n}} for n in range(3)])
    if data.get("mode") == "error":
        try:
            cdf.call_function(function_name="broken-prediction-test", data={"data": {}})
        except exceptions.FunctionCallError as error:
            return str(error)
    if data.get("mode") == "list":
        return [cdf.list_functions(), cdf.list_functions(model_env="prod"), cdf.list_functions(tags=["vsh"])]
    answer = cdf.call_function("other-prediction-test", {"data": data})
    return {"other": answer["prediction"], "init": init_object, "same_client": cdf.global_client["read"] is cdf.global_client["write"]}
'''


def test_helpers_work_over_the_handlers_client(make_package, client):
    handler = make_package(model=CALLER, artifact_folder=None)
    other = client.functions.add("other-prediction-test", lambda d: {"status": "ok", "prediction": d["data"]})
    client.functions.add("broken-prediction-test", lambda d: {"status": "error", "error_message": "boom"})
    client.functions.add("other-prediction-prod", lambda d: None, description="vsh model")
    secrets = {"id-read": "r", "secret-read": "s", "tenant-id": "t"}
    result = handler.handle(client, {"data": {"x": 1}}, secrets, INFO)
    assert result["status"] == "ok", result
    assert result["prediction"] == {"other": {"x": 1}, "init": {"secrets": ["id-read", "secret-read", "tenant-id"]},
                                    "same_client": True}
    assert other.calls == [{"data": {"x": 1}}]
    parallel = handler.handle(client, {"data": {"mode": "parallel"}}, None, INFO)["prediction"]
    assert [r["prediction"] for r in parallel] == [{"n": 0}, {"n": 1}, {"n": 2}]
    assert handler.handle(client, {"data": {"mode": "error"}}, None, INFO)["prediction"] == \
        "broken-prediction-test answered status 'error': boom"
    assert handler.handle(client, {"data": {"mode": "list"}}, None, INFO)["prediction"] == [
        ["broken-prediction-test", "other-prediction-prod", "other-prediction-test"], ["other-prediction-prod"],
        ["other-prediction-prod"]]


def test_missing_function_and_empty_response(make_package, client):
    handler = make_package(model=CALLER.replace("other-prediction-test", "nope-prediction-test"), artifact_folder=None)
    result = handler.handle(client, {"data": {"x": 1}}, None, INFO)
    assert result["message"] == "FunctionCallError: No function with external id 'nope-prediction-test' in CDF."
    client.functions.add("nope-prediction-test", lambda d: None)
    result = handler.handle(client, {"data": {"x": 1}}, None, INFO)
    assert result["message"].startswith("MissingResponseError: Function call 1 of nope-prediction-test returned no response")


@pytest.fixture
def mm(make_package, client):
    """model_manager bound to the fake client, as inside a function."""
    make_package()
    import akerbp.mlops.cdf.helpers as cdf
    import akerbp.mlops.model_manager as mm
    cdf.bind_handler_client(client)
    mm.setup()
    return mm


def _archive(files):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_model_manager_round_trip(mm, client, tmp_path):
    assert mm.dataset_id == 42
    folder = tmp_path / "artifacts"
    folder.mkdir()
    (folder / "weights.json").write_text('{"w": 3}')
    first = mm.upload_new_model_version("tiny", "dev", folder, {"score": 0.9, "version": 99})
    second = mm.upload_new_model_version("tiny", "dev", str(folder), {"score": 0.8})
    assert (first["artifact_id"], first["version"], first["score"]) == ("tiny/dev/1", "1", "0.9")
    assert second["artifact_id"] == "tiny/dev/2" and client.files.items["tiny/dev/2"].directory == "/mlops"
    with pytest.raises(ValueError, match="promote"):
        mm.upload_new_model_version("tiny", "prod", folder)

    assert mm.download_model_version("tiny", "dev", tmp_path / "latest") == "tiny/dev/2"
    assert (tmp_path / "latest" / "weights.json").read_text() == '{"w": 3}'
    assert mm.download_model_version("tiny", "dev", tmp_path / "v1", version=1) == "tiny/dev/1"
    assert mm.download_model_version("tiny", "dev", tmp_path / "m", metadata={"score": "0.9"}) == "tiny/dev/1"
    with pytest.raises(Exception, match="No artifacts for model tiny in test"):
        mm.download_model_version("tiny", "test", tmp_path / "none")

    promoted = mm.promote_model("tiny", "test", version=1)
    assert promoted["artifact_id"] == "tiny/test/1" and promoted["promoted_from"] == "tiny/dev/1"
    assert mm.promote_model("tiny", "1")["artifact_id"] == "tiny/prod/1"  # the guide's promote_model('model', 'version')
    overview = mm.get_model_version_overview("tiny", env="dev")
    ids = list(overview["external_id"]) if hasattr(overview, "columns") else [r["external_id"] for r in overview]
    assert ids == ["tiny/dev/2", "tiny/dev/1"]


def test_archive_members_outside_the_folder_are_refused(mm, client, tmp_path):
    client.files.upload_bytes(_archive({"../escape.txt": "x"}), name="a", external_id="evil/dev/1", directory="/mlops",
                              data_set_id=42)
    with pytest.raises(Exception, match="not a plain file inside the folder"):
        mm.download_model_version("evil", "dev", tmp_path / "out")
    assert not (tmp_path / "escape.txt").exists()


def test_download_deployment_folder(mm, client, tmp_path):
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("handler.py", "def handle(): pass\n")
        archive.writestr("model_code/model.py", "X = 1\n")
    client.files.upload_bytes(buffer.getvalue(), name="code.zip", external_id="code/helper")
    client.functions.add("helper-prediction-test", None, file_id=client.files.items["code/helper"].id,
                         metadata={"version": "4"})
    os.chdir(tmp_path)
    folder = mm.download_deployment_folder("helper", "test", files_to_ignore=["handler.py"])
    assert folder == os.path.join(".", "mlops_deployment_folder", "helper", "test", "v4")
    assert (tmp_path / folder / "model_code" / "model.py").read_text() == "X = 1\n"
    assert not (tmp_path / folder / "handler.py").exists()
    target = mm.download_deployment_folder("helper", "test", target_path="helpers/h")
    assert target == "helpers/h" and (tmp_path / "helpers" / "h" / "handler.py").exists()
    with pytest.raises(Exception, match="No deployed function helper-prediction-prod"):
        mm.download_deployment_folder("helper", "prod")


def test_call_function_falls_back_while_the_latest_rebuilds(make_package, client, capsys):
    """While a deploy replaces `<model>-prediction-<env>`, its newest proven version answers."""
    handler = make_package(model=CALLER, artifact_folder=None)
    latest = client.functions.add("other-prediction-test", lambda d: {"status": "ok", "prediction": "latest"},
                                  status="Deploying", file_id=10, created_time=2)
    client.functions.add("other-prediction-test-1", lambda d: {"status": "ok", "prediction": "version 1"},
                         status="Ready", metadata={"version": "1"}, file_id=11, created_time=1)
    result = handler.handle(client, {"data": {"x": 1}}, None, INFO)
    assert result["prediction"]["other"] == "version 1" and latest.calls == []
    assert "other-prediction-test is Deploying (a deploy is replacing it); calling other-prediction-test-1" in capsys.readouterr().out


def test_a_regular_akerbp_package_installed_by_a_requirement_does_not_hide_ours(make_package, client, tmp_path):
    """pip may install an `akerbp` with its own __init__.py into site-packages (after the zip on sys.path)."""
    site = tmp_path / "site-packages"
    (site / "akerbp" / "mlpet").mkdir(parents=True)
    (site / "akerbp" / "__init__.py").write_text("")
    (site / "akerbp" / "mlpet" / "__init__.py").write_text("VERSION = 'regular'\n")
    handler = make_package(model="""
import akerbp.mlpet


def initialization(artifact_folder, secrets):
    return None


def predict(data, init_object, secrets):
    from akerbp.mlops.core import logger
    logger.get_logger("m").info("mlpet %s", akerbp.mlpet.VERSION)
    return akerbp.mlpet.VERSION
""", artifact_folder=None)
    sys.path.append(str(site))
    try:
        import akerbp  # the regular package wins over our namespace portion, as it would in CDF
        assert getattr(akerbp, "__file__", None) == str(site / "akerbp" / "__init__.py")
        assert handler.handle(client, {"data": {}}, None, INFO)["prediction"] == "regular"
    finally:
        sys.path.remove(str(site))
