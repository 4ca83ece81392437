"""Runs a command and prints its wall time and peak RSS as one JSON line on stderr's last line.

Baselines (zip, curl) are not Node processes, so their peak RSS comes from getrusage of the
waited-for child; Node's API has no RUSAGE_CHILDREN.
Usage: python3 rusage.py <command> [args...]
"""
import json
import resource
import subprocess
import sys
import time

start = time.perf_counter()
code = subprocess.run(sys.argv[1:]).returncode
wall_ms = (time.perf_counter() - start) * 1000
# ru_maxrss is in KiB on Linux.
rss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(json.dumps({"code": code, "wallMs": wall_ms, "maxRssMb": rss_kib / 1024}) + "\n")
sys.exit(code)
