"""scikit-learn reference for the real-data regression task, run beside the workbench's figures.

PageValues from every other column, with and without Revenue: one-hot categoricals, standard-
scaled numbers, then four models: MLPRegressor(128, 64) with early stopping; a hurdle model
(MLPClassifier for P(y > 0) times an MLPRegressor fitted on log1p(y) of the positive rows, mapped
back with Duan's smearing factor); RidgeCV over the workbench's penalties; and
HistGradientBoostingRegressor. Each is scored on exactly the test rows the workbench held out for
each seed (read from a JSON file {seed: [row, ...]}), training on the rest, so the columns of
figures differ only by the model code. Prints one JSON object.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import r2_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["Month", "OperatingSystems", "Browser", "Region", "TrafficType", "VisitorType", "Weekend"]
RIDGE_LAMBDAS = [1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4]


def preprocessor(frame):
    numeric = [c for c in frame.columns if c not in CATEGORICAL]
    return ColumnTransformer([
        ("numbers", StandardScaler(), numeric),
        ("categories", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])


class Hurdle:
    """P(y > 0) × E[y | y > 0], the amount fitted on log1p and smeared back."""

    def __init__(self, seed):
        self.classifier = MLPClassifier(hidden_layer_sizes=(128, 64), early_stopping=True, random_state=seed, max_iter=500)
        self.amount = MLPRegressor(hidden_layer_sizes=(128, 64), early_stopping=True, random_state=seed, max_iter=500)

    def fit(self, x, y):
        positive = y > 0
        self.classifier.fit(x, positive.astype(int))
        log_amount = np.log1p(y[positive])
        self.amount.fit(x[positive], log_amount)
        self.low, self.high = log_amount.min(), log_amount.max()
        fitted = np.clip(self.amount.predict(x[positive]), self.low, self.high)
        self.smearing = np.mean(np.exp(log_amount - fitted))
        return self

    def predict(self, x):
        amount = self.smearing * np.exp(np.clip(self.amount.predict(x), self.low, self.high)) - 1
        return self.classifier.predict_proba(x)[:, 1] * amount


MODELS = {
    "mlp": lambda seed: MLPRegressor(hidden_layer_sizes=(128, 64), early_stopping=True, random_state=seed, max_iter=500),
    "hurdle": Hurdle,
    "ridge": lambda seed: RidgeCV(alphas=RIDGE_LAMBDAS),
    "gradient_boosting": lambda seed: HistGradientBoostingRegressor(random_state=seed),
}


def score(frame, target, test_rows, seed, make_model):
    held_out = np.zeros(len(frame), dtype=bool)
    held_out[test_rows] = True
    features = preprocessor(frame)
    started = time.perf_counter()
    train_x = features.fit_transform(frame[~held_out])
    model = make_model(seed).fit(train_x, target[~held_out])
    seconds = time.perf_counter() - started
    predicted = model.predict(features.transform(frame[held_out]))
    return r2_score(target[held_out], np.maximum(predicted, 0)), seconds


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
        result[name] = {}
        for model_name, make_model in MODELS.items():
            runs = [score(frame, target, rows, int(seed), make_model) for seed, rows in splits.items()]
            result[name][model_name] = {"r2": [r for r, _ in runs], "fit_seconds": [s for _, s in runs]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
