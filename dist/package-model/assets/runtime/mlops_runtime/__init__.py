"""The akerbp-mlops function runtime: prediction and training services behind handler.handle."""


class RuntimeProblem(Exception):
    """A problem the runtime detects itself (bad payload, broken package); its message is shown as is."""
