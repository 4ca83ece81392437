"""Writes the example's artifact folder: `python3 model_code/make_artifact.py model_artifact`.

Trains the model on synthetic curves from a fixed seed, so the artifact is the same every time.
Artifacts are not committed (the Model Manager stores them in CDF); this recreates them locally.
"""
import json
import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20240
N_SAMPLES = 400


def main(argv):
    if len(argv) != 2:
        print("usage: python3 model_code/make_artifact.py <artifact folder>", file=sys.stderr)
        return 2
    target = os.path.abspath(argv[1])
    sys.path.insert(0, REPO_ROOT)  # the repo root is the import base, as in a deployed function
    os.chdir(REPO_ROOT)  # and the working directory for repo-relative data files
    import model_code.helper as helper
    import model_code.model as model

    os.makedirs(target, exist_ok=True)
    metadata = model.train(helper.synthetic_logs(N_SAMPLES, SEED), target, None)
    with open(os.path.join(target, "training_metadata.json"), "w") as summary:
        json.dump({**metadata, "seed": SEED, "source": "synthetic"}, summary, indent=2, sort_keys=True)
        summary.write("\n")
    print(f"Wrote {target} (r2={metadata['r2']}, {metadata['n_samples']} samples)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
