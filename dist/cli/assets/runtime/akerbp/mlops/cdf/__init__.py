"""`akerbp.mlops.cdf`: CDF helpers, as in the akerbp-mlops package."""
