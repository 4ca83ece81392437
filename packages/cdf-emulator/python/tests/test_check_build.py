import json
import os
import subprocess
import sys
from importlib import metadata

import pytest

from check_build import pin_matches
PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

NUMPY = metadata.version("numpy")


def check(folder, *args):
    process = subprocess.run([sys.executable, os.path.join(PYTHON_DIR, "check_build.py"), *args],
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


def test_unknown_requirement(code):
    (code / "requirements.txt").write_text("numpy\nno-such-distribution-xyz==1.0\n")
    result = check(code)
    assert result["ok"] is False
    message = result["error"]["message"]
    assert "requirements.txt line 2" in message
    assert "Could not find a version that satisfies the requirement no-such-distribution-xyz==1.0" in message


def test_pin_mismatch_names_installed_version(code):
    (code / "requirements.txt").write_text("numpy==0.0.1\n")
    result = check(code)
    assert result["ok"] is False
    assert "requirement numpy==0.0.1" in result["error"]["message"] and f"numpy {NUMPY}" in result["error"]["message"]


def test_satisfied_requirements_with_comments_options_and_includes(code):
    (code / "extra.txt").write_text(f"NumPy == {NUMPY}  # case and spaces as pip allows\n")
    (code / "requirements.txt").write_text(
        "# a comment\n\n"
        "--extra-index-url https://example.invalid/simple\n"
        "-r extra.txt\n"
        f"numpy[dev]>=1.0,=={NUMPY}\n"
        "pytest  # the test runner\n"
        "foo-bar-missing; python_version < '3.0'\n")
    assert check(code) == {"ok": True}


def test_problems_in_included_file_name_it(code):
    (code / "extra.txt").write_text("\nnumpy==0.0.1\n")
    (code / "requirements.txt").write_text("-r extra.txt\n")
    result = check(code)
    assert result["ok"] is False and "extra.txt line 2" in result["error"]["message"]


def test_missing_included_file(code):
    (code / "requirements.txt").write_text("-r nowhere.txt\n")
    result = check(code)
    assert result["ok"] is False and "Could not open requirements file" in result["error"]["message"]


@pytest.mark.parametrize("pin, installed, expected", [
    ("1.2", "1.2.0", True),
    ("1.2.0", "1.2", True),
    ("1.2", "1.2.1", False),
    ("1.2.*", "1.2.7", True),
    ("1.2.*", "1.3.0", False),
    ("2.0.0", "2.0.0+cpu", True),
    ("2.0.0rc1", "2.0.0", False),
])
def test_pin_matching(pin, installed, expected):
    assert pin_matches(pin, installed) is expected
