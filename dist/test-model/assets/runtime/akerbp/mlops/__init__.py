"""The parts of the akerbp-mlops Python package that model code imports, for v4's functions and tests.

`akerbp` itself is a namespace package (no `akerbp/__init__.py`), so other `akerbp.*` packages a
model installs, such as `akerbp.mlpet`, still import beside this one.
"""
