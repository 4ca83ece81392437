import json
import os
import subprocess
import sys
import textwrap

import pytest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from fake_cdf import PROJECT, TOKEN, FakeCDF

INFO = {"function_id": 1, "call_id": 2, "schedule_id": None, "scheduled_time": None}


def run(code_dir, handler_source, data=None, secrets=None, cdf=None, function_path="handler.py"):
    path = code_dir / function_path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(handler_source))
    result_file = code_dir.parent / "result.json"
    request = {"function_path": function_path, "data": data, "secrets": secrets,
               "function_call_info": INFO, "cdf": cdf, "result_file": str(result_file)}
    process = subprocess.run([sys.executable, os.path.join(PYTHON_DIR, "run_function.py")],
                             input=json.dumps(request), cwd=code_dir, capture_output=True, text=True, timeout=60)
    assert process.returncode == 0, process.stderr
    return json.loads(result_file.read_text()), process


@pytest.fixture
def code_dir(tmp_path):
    folder = tmp_path / "code"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("signature, expected", [
    ("data", ["data"]),
    ("", []),
    ("secrets, data", ["secrets", "data"]),
    ("function_call_info", ["function_call_info"]),
    ("client, data, secrets, function_call_info", ["client", "data", "secrets", "function_call_info"]),
])
def test_handle_gets_only_what_it_declares(code_dir, signature, expected):
    result, _ = run(code_dir, f"""
        def handle({signature}):
            return {{"got": [k for k in locals()], "values": {{k: v for k, v in locals().items() if k != "client"}}}}
    """, data={"a": 1}, secrets={"s": "x"})
    assert result["ok"] is True
    assert result["response"]["got"] == expected
    values = result["response"]["values"]
    assert values.get("data", {"a": 1}) == {"a": 1}
    assert values.get("secrets", {"s": "x"}) == {"s": "x"}
    assert values.get("function_call_info", INFO) == INFO


def test_stdout_is_the_log_and_cwd_modules_import(code_dir):
    (code_dir / "helper.py").write_text("VALUE = 41\n")
    result, process = run(code_dir, """
        import helper
        def handle(data):
            print("hello from the handler")
            return helper.VALUE + data
    """, data=1)
    assert result == {"ok": True, "response": 42}
    assert "hello from the handler" in process.stdout


def test_function_path_in_a_subfolder(code_dir):
    (code_dir / "src").mkdir()
    (code_dir / "src" / "__init__.py").write_text("")
    result, _ = run(code_dir, "def handle():\n    return __name__\n", function_path="src/handler.py")
    assert result == {"ok": True, "response": "src.handler"}


def test_raising_handler_reports_message_and_trace(code_dir):
    result, process = run(code_dir, """
        def handle(data):
            raise ValueError("bad input " + str(data))
    """, data=3)
    assert result["ok"] is False
    assert result["error"]["message"] == "ValueError: bad input 3"
    assert 'handler.py", line 3' in result["error"]["trace"]
    assert "ValueError: bad input 3" in process.stderr


def test_non_json_response_is_an_error(code_dir):
    result, _ = run(code_dir, "def handle():\n    return {1, 2}\n")
    assert result["ok"] is False
    assert "not JSON serialisable" in result["error"]["message"] and "set" in result["error"]["message"]


def test_nan_response_is_an_error(code_dir):
    result, _ = run(code_dir, "def handle():\n    return float('nan')\n")
    assert result["ok"] is False and "not JSON serialisable" in result["error"]["message"]


def test_unknown_handle_argument_is_refused(code_dir):
    result, _ = run(code_dir, "def handle(data, context):\n    return 1\n")
    assert result["ok"] is False and "['context']" in result["error"]["message"]


def test_missing_handle_and_sys_exit(code_dir, tmp_path):
    result, _ = run(code_dir, "def other():\n    pass\n")
    assert result["ok"] is False and "named 'handle'" in result["error"]["message"]
    result, _ = run(code_dir, "import sys\ndef handle():\n    sys.exit(3)\n")
    assert result["ok"] is False and result["error"]["message"].startswith("SystemExit")


def test_client_is_bound_to_the_api(code_dir):
    with FakeCDF() as cdf:
        result, _ = run(code_dir, """
            def handle(client, data):
                client.files.upload_bytes(b"payload", name="p", external_id=data["xid"])
                return client.files.download_bytes(external_id=data["xid"]).decode()
        """, data={"xid": "p/1"}, cdf={"base_url": cdf.url, "project": PROJECT, "token": TOKEN})
    assert result == {"ok": True, "response": "payload"}
