"""Makes the emulator's Python modules importable from the tests, as run_function.py sees them."""
import os
import sys

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, PYTHON_DIR)
