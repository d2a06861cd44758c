"""scikit-learn reference for the real-data regression task, run beside the workbench's figures.

PageValues from every other column, with and without Revenue: one-hot categoricals, standard-
scaled numbers, MLPRegressor(128, 64) with early stopping. It is scored on exactly the test rows
the workbench held out for each seed (read from a JSON file {seed: [row, ...]}), training on the
rest, so the two columns of figures differ only by the model code. Prints one JSON object.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import r2_score
from sklearn.neural_network import MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["Month", "OperatingSystems", "Browser", "Region", "TrafficType", "VisitorType", "Weekend"]


def score(frame, target, test_rows, seed):
    numeric = [c for c in frame.columns if c not in CATEGORICAL]
    held_out = np.zeros(len(frame), dtype=bool)
    held_out[test_rows] = True
    model = make_pipeline(
        ColumnTransformer([
            ("numbers", StandardScaler(), numeric),
            ("categories", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]),
        MLPRegressor(hidden_layer_sizes=(128, 64), early_stopping=True, random_state=seed, max_iter=500),
    )
    started = time.perf_counter()
    model.fit(frame[~held_out], target[~held_out])
    seconds = time.perf_counter() - started
    return r2_score(target[held_out], model.predict(frame[held_out])), seconds


def main():
    data_path, splits_path = sys.argv[1], sys.argv[2]
    with open(splits_path) as handle:
        splits = json.load(handle)
    result = {"version": __import__("sklearn").__version__}
    for name, keep_revenue in (("without_revenue", False), ("with_revenue", True)):
        frame = pd.read_csv(data_path)
        target = frame.pop("PageValues").to_numpy()
        if keep_revenue:
            frame["Revenue"] = frame["Revenue"].astype(int)
        else:
            frame = frame.drop(columns=["Revenue"])
        runs = [score(frame, target, rows, int(seed)) for seed, rows in splits.items()]
        result[name] = {"r2": [r for r, _ in runs], "fit_seconds": [s for _, s in runs]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
