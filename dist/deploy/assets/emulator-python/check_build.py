"""Checks that a function's code would build in CDF (contract B), without installing anything.

Usage: `python check_build.py [function_path]` with cwd = the unzipped code. Prints one JSON line:
{"ok": true} or {"ok": false, "error": {"message", "trace"}}. It fails like CDF's build does when
the handler file is missing, does not parse, or has no top-level `handle` taking a subset of
(client, data, secrets, function_call_info); and when a line of requirements.txt names a
distribution this interpreter lacks or pins (`==`) another version than the installed one, since
the emulator cannot install packages. Requirements with environment markers (`; python_version
< "3.9"`) are not evaluated and are skipped; option lines other than `-r FILE` are ignored.
"""
from __future__ import annotations

import ast
import json
import os
import re
import sys
from importlib import metadata

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


_REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?P<spec>.*)$")


def requirement_lines(path: str, seen: frozenset = frozenset()):
    """(file, line number, requirement text) for each requirement, following `-r FILE` includes."""
    if path in seen:
        return
    if not os.path.isfile(path):
        raise BuildError(f"Could not open requirements file: No such file or directory: '{path}'")
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    for number, raw in enumerate(lines, start=1):
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        if not line:
            continue
        include = re.match(r"^(?:-r|--requirement)(?:\s+|=)(\S+)$", line)
        if include:
            target = os.path.normpath(os.path.join(os.path.dirname(path), include.group(1)))
            yield from requirement_lines(target, seen | {path})
        elif not line.startswith("-"):
            yield path, number, line


def _release(version: str) -> tuple[tuple[int, ...], str]:
    """PEP 440 comparison key for `==`: padded-zero release numbers plus the rest (pre/post/dev)."""
    version = version.strip().lower().lstrip("v").split("+")[0]
    match = re.match(r"^(\d+(?:\.\d+)*)(.*)$", version)
    if not match:
        return (), version
    numbers = [int(part) for part in match.group(1).split(".")]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers), re.sub(r"[._-]", "", match.group(2))


def pin_matches(pin: str, installed: str) -> bool:
    if pin.endswith(".*"):
        prefix = [int(p) for p in pin[:-2].split(".") if p.isdigit()]
        actual = list(_release(installed)[0]) + [0] * len(prefix)
        return actual[: len(prefix)] == prefix
    return _release(pin) == _release(installed)


def requirement_problem(line: str) -> str | None:
    requirement, _, marker = line.partition(";")
    if marker.strip():
        return None
    match = _REQUIREMENT.match(requirement.strip())
    if not match:
        return f"Invalid requirement: '{line}'"
    name, spec = match.group("name"), match.group("spec").strip()
    try:
        installed = metadata.distribution(name).version
    except metadata.PackageNotFoundError:
        return (f"Could not find a version that satisfies the requirement {line} (the emulator cannot "
                f"install packages and {name} is not installed in {sys.executable})")
    for clause in spec.split(","):
        pinned = re.match(r"^===?\s*(\S+)$", clause.strip())
        if pinned and not pin_matches(pinned.group(1), installed):
            return (f"Could not find a version that satisfies the requirement {line} (the emulator cannot "
                    f"install packages; {sys.executable} has {name} {installed})")
    return None


def check_requirements(path: str = "requirements.txt") -> None:
    if not os.path.exists(path):
        return
    problems = []
    for file, number, line in requirement_lines(path):
        problem = requirement_problem(line)
        if problem:
            problems.append(f"{file} line {number}: {problem}")
    if problems:
        raise BuildError("Installing the requirements failed. " + " ".join(problems), "\n".join(problems))


def check(function_path: str = "handler.py") -> dict:
    try:
        check_handler(function_path)
        check_requirements()
    except BuildError as error:
        return {"ok": False, "error": {"message": error.message, "trace": error.trace}}
    return {"ok": True}


if __name__ == "__main__":
    print(json.dumps(check(sys.argv[1] if len(sys.argv) > 1 else "handler.py")))
