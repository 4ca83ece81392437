"""`akerbp.mlops.core`: logger, exceptions and config, as in the akerbp-mlops package."""
