import json
import os
import subprocess
import sys

import pytest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def check(folder, *args):
    process = subprocess.run([sys.executable, os.path.join(PYTHON_DIR, "check_handler.py"), *args],
                             cwd=folder, capture_output=True, text=True, timeout=60)
    assert process.returncode == 0, process.stderr
    lines = process.stdout.strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


@pytest.fixture
def code(tmp_path):
    (tmp_path / "handler.py").write_text("def handle(client, data):\n    return data\n")
    return tmp_path


def test_valid_package(code):
    assert check(code) == {"ok": True}


def test_missing_handler(tmp_path):
    result = check(tmp_path)
    assert result["ok"] is False and "handler.py" in result["error"]["message"]


def test_syntax_error_names_the_line(code):
    (code / "handler.py").write_text("import os\n\ndef handle(data:\n    return 1\n")
    result = check(code)
    assert result["ok"] is False
    assert "SyntaxError in handler.py, line 3" in result["error"]["message"]


def test_no_top_level_handle(code):
    (code / "handler.py").write_text("class X:\n    def handle(self):\n        pass\n")
    result = check(code)
    assert result["ok"] is False and "must contain a function named 'handle'" in result["error"]["message"]


def test_handle_assignment_is_accepted(code):
    (code / "handler.py").write_text("def _impl(data):\n    return data\nhandle = _impl\n")
    assert check(code) == {"ok": True}


def test_handle_with_foreign_arguments(code):
    (code / "handler.py").write_text("def handle(data, ctx):\n    pass\n")
    result = check(code)
    assert result["ok"] is False and "['ctx']" in result["error"]["message"]


def test_function_path_argument(code):
    (code / "src").mkdir()
    (code / "src" / "main.py").write_text("def handle():\n    pass\n")
    assert check(code, "src/main.py") == {"ok": True}
