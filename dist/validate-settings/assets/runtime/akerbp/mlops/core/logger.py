"""`from akerbp.mlops.core import logger; logger.get_logger(name)`, as in the akerbp-mlops package.

Log lines go to stdout, which CDF keeps as the function call's logs.
"""
import logging
import sys

_FORMAT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"


class _StdoutHandler(logging.StreamHandler):
    """Writes to the current sys.stdout, which runners may replace after the logger is made."""

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, _value):
        pass


def get_logger(name: str = "mlops") -> logging.Logger:
    logger = logging.getLogger(name)
    if not logger.handlers:
        handler = _StdoutHandler()
        handler.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
        logger.propagate = False
    return logger
