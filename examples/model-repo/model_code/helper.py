"""Feature engineering shared by training and prediction (imported as `model_code.helper`)."""
import csv
import json
import os

import numpy as np

FEATURES = ("ACS", "RDEP", "DEN")
TARGET = "AC"
# Missing samples in well logs are written with this filler (settings: num_filler).
NUM_FILLER = -999.15
MODEL_FILE = "sonic_ridge.json"


def curve_limits():
    """Physical range of each curve, read repo-relative as the user guide prescribes."""
    with open(os.path.join("model_code", "curve_limits.csv"), newline="") as limits_file:
        return {row["curve"]: (float(row["min"]), float(row["max"])) for row in csv.DictReader(limits_file)}


def curve(data, name, limits):
    """One curve as floats: fillers and None become NaN, values are clipped to the physical range."""
    if name not in data:
        raise KeyError(name)
    values = np.array([np.nan if v is None else v for v in data[name]], dtype=float)
    values[np.isclose(values, NUM_FILLER)] = np.nan
    low, high = limits[name]
    return np.clip(values, low, high)


def design_matrix(data, limits):
    """Columns ACS, log10(RDEP), DEN: resistivity spans decades, so it enters on a log scale."""
    columns = [curve(data, name, limits) for name in FEATURES]
    lengths = {len(c) for c in columns}
    if len(lengths) != 1:
        raise ValueError(f"curves {', '.join(FEATURES)} must have the same length; got {sorted(lengths)}")
    columns[1] = np.log10(columns[1])
    return np.column_stack(columns)


def fit_ridge(x, y, alpha):
    """Ridge regression on standardised features; NaN inputs are imputed with the column means."""
    keep = ~np.isnan(y)
    x, y = x[keep], y[keep]
    mean = np.nanmean(x, axis=0)
    x = np.where(np.isnan(x), mean, x)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    intercept = y.mean()
    weights = np.linalg.solve(z.T @ z + alpha * np.eye(z.shape[1]), z.T @ (y - intercept))
    fitted = z @ weights + intercept
    r2 = 1.0 - np.sum((y - fitted) ** 2) / np.sum((y - y.mean()) ** 2)
    params = {"features": list(FEATURES), "mean": mean.tolist(), "std": std.tolist(),
              "weights": weights.tolist(), "intercept": float(intercept), "alpha": float(alpha)}
    return params, float(r2), int(len(y))


def apply_ridge(params, x):
    mean = np.array(params["mean"])
    x = np.where(np.isnan(x), mean, x)
    return ((x - mean) / np.array(params["std"])) @ np.array(params["weights"]) + params["intercept"]


def save_params(params, folder):
    # Sorted keys and repr floats: the same training gives the same bytes.
    with open(os.path.join(folder, MODEL_FILE), "w") as model_file:
        json.dump(params, model_file, indent=2, sort_keys=True)
        model_file.write("\n")


def load_params(folder):
    with open(os.path.join(folder, MODEL_FILE)) as model_file:
        return json.load(model_file)


def synthetic_logs(n_samples, seed):
    """Plausible ACS/RDEP/DEN/AC curves with a known relation, for the example artifact and tests."""
    rng = np.random.default_rng(seed)
    den = rng.uniform(2.0, 2.7, n_samples)
    rdep = 10 ** rng.uniform(-0.5, 2.5, n_samples)
    acs = 120 + 80 * (2.7 - den) / 0.7 + rng.normal(0, 8, n_samples)
    ac = 35 + 0.45 * acs - 6.0 * np.log10(rdep) - 12.0 * (den - 2.35) + rng.normal(0, 1.5, n_samples)
    return {"ACS": acs.round(3).tolist(), "RDEP": rdep.round(4).tolist(),
            "DEN": den.round(4).tolist(), "AC": ac.round(3).tolist()}
