"""Shim of the akerbp-mlops package: only what model code imports at run time."""
