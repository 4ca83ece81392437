"""Checks a function's handler the way CDF's build does, without running it.

Usage: `python check_handler.py [function_path]` with cwd = the unzipped code. Prints one JSON
line: {"ok": true} or {"ok": false, "error": {"message", "trace"}}. It fails when the handler file
is missing, does not parse, or has no top-level `handle` taking a subset of (client, data,
secrets, function_call_info). Requirements are pip's business (the emulator's build runs pip).
"""
from __future__ import annotations

import ast
import json
import os
import sys

from run_function import ALLOWED_HANDLE_ARGS


class BuildError(Exception):
    def __init__(self, message: str, trace: str = ""):
        super().__init__(message)
        self.message = message
        self.trace = trace or message


def check_handler(function_path: str) -> None:
    if not os.path.isfile(function_path):
        raise BuildError(f"No file found at location '{function_path}' in the function's code: "
                         f"a CDF Function needs {function_path} at the root of its zip.")
    with open(function_path, "rb") as source:
        text = source.read()
    try:
        tree = ast.parse(text, filename=function_path)
    except SyntaxError as error:
        where = f"{function_path}, line {error.lineno}"
        raise BuildError(f"SyntaxError in {where}: {error.msg}",
                         f'  File "{function_path}", line {error.lineno}\n    {(error.text or "").strip()}\n'
                         f"SyntaxError: {error.msg}") from None
    handle = next((node for node in tree.body if _defines_handle(node)), None)
    if handle is None:
        raise BuildError(f"{function_path} must contain a function named 'handle'.")
    if not isinstance(handle, ast.FunctionDef):
        return  # `handle = some_callable`: its arguments are only known at run time
    declared = [arg.arg for arg in handle.args.posonlyargs + handle.args.args + handle.args.kwonlyargs]
    unknown = [name for name in declared if name not in ALLOWED_HANDLE_ARGS]
    if unknown:
        raise BuildError(f"Arguments {unknown} of handle() in {function_path} (line {handle.lineno}) are not "
                         f"allowed: they must be a subset of {list(ALLOWED_HANDLE_ARGS)}.")


def _defines_handle(node: ast.stmt) -> bool:
    if isinstance(node, ast.FunctionDef):
        return node.name == "handle"
    targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
    return any(isinstance(target, ast.Name) and target.id == "handle" for target in targets)


def check(function_path: str = "handler.py") -> dict:
    try:
        check_handler(function_path)
    except BuildError as error:
        return {"ok": False, "error": {"message": error.message, "trace": error.trace}}
    return {"ok": True}


if __name__ == "__main__":
    print(json.dumps(check(sys.argv[1] if len(sys.argv) > 1 else "handler.py")))
