"""Runs a command in a pseudo-terminal, as a person at a terminal would, and answers one prompt.

Usage: python3 pty_run.py PROMPT ANSWER COMMAND [ARG...]
Waits for PROMPT in the output, types ANSWER and Enter, then reads until the command ends
(PROMPT "-": answers nothing). The terminal is 40 lines of PTY_COLUMNS columns (default 120).
Prints one JSON document: {"code": exit code, "output": everything the terminal showed}.
Standard library only (pty works offline); a cap of PTY_TIMEOUT seconds (default 60) stops a hung command.
"""
import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time

prompt, answer, command = sys.argv[1], sys.argv[2], sys.argv[3:]
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, int(os.environ.get("PTY_COLUMNS", "120")), 0, 0))
child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, close_fds=True)
os.close(slave)
output, answered, deadline = b"", prompt == "-", time.monotonic() + float(os.environ.get("PTY_TIMEOUT", "60"))
while time.monotonic() < deadline:
    ready, _, _ = select.select([master], [], [], 0.2)
    if ready:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    if not answered and prompt.encode() in output:
        os.write(master, answer.encode() + b"\r")
        answered = True
    if child.poll() is not None and not ready:
        break
else:
    child.kill()
code = child.wait()
print(json.dumps({"code": code, "output": output.decode("utf8", "replace").replace("\r\n", "\n")}))
