"""scikit-learn reference for the real-data regression task, run beside the workbench's figures.

PageValues from every other column, with and without Revenue: one-hot categoricals, standard-
scaled numbers, then five models: MLPRegressor(128, 64) with early stopping; a hurdle model
(MLPClassifier for P(y > 0) times an MLPRegressor fitted on log1p(y) of the positive rows, mapped
back with Duan's smearing factor); RidgeCV over the workbench's penalties;
HistGradientBoostingRegressor; and the hurdle model with gradient boosting for both parts. The MLP
and the MLP hurdle run again with log1p applied before scaling to the numeric columns given as a
JSON list, the inputs the workbench's log1p runs get. Each is scored on exactly the test rows the
workbench held out for each seed (read from a JSON file {seed: [row, ...]}; the seed is also the
models' random_state), training on the rest, so the columns of figures differ only by the model
code. Usage: sklearn_reference.py DATA SPLITS [LOG1P_COLUMNS]. Prints one JSON object.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import r2_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

CATEGORICAL = ["Month", "OperatingSystems", "Browser", "Region", "TrafficType", "VisitorType", "Weekend"]
RIDGE_LAMBDAS = [1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4]


def preprocessor(frame, log1p_columns):
    numeric = [c for c in frame.columns if c not in CATEGORICAL and c not in log1p_columns]
    logged = [c for c in frame.columns if c in log1p_columns]
    return ColumnTransformer([
        ("numbers", StandardScaler(), numeric),
        ("logged", make_pipeline(FunctionTransformer(np.log1p), StandardScaler()), logged),
        ("categories", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])


class Hurdle:
    """P(y > 0) × E[y | y > 0], the amount fitted on log1p and smeared back."""

    def __init__(self, classifier, amount):
        self.classifier = classifier
        self.amount = amount

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


def mlp(seed):
    return MLPRegressor(hidden_layer_sizes=(128, 64), early_stopping=True, random_state=seed, max_iter=500)


def mlp_hurdle(seed):
    return Hurdle(MLPClassifier(hidden_layer_sizes=(128, 64), early_stopping=True, random_state=seed, max_iter=500), mlp(seed))


# name: (model for a seed, whether its inputs get log1p)
MODELS = {
    "mlp": (mlp, False),
    "hurdle": (mlp_hurdle, False),
    "ridge": (lambda seed: RidgeCV(alphas=RIDGE_LAMBDAS), False),
    "gradient_boosting": (lambda seed: HistGradientBoostingRegressor(random_state=seed), False),
    "gradient_boosting_hurdle": (lambda seed: Hurdle(HistGradientBoostingClassifier(random_state=seed), HistGradientBoostingRegressor(random_state=seed)), False),
    "mlp_log1p": (mlp, True),
    "hurdle_log1p": (mlp_hurdle, True),
}


def score(frame, target, test_rows, seed, make_model, log1p_columns):
    held_out = np.zeros(len(frame), dtype=bool)
    held_out[test_rows] = True
    features = preprocessor(frame, log1p_columns)
    started = time.perf_counter()
    train_x = features.fit_transform(frame[~held_out])
    model = make_model(seed).fit(train_x, target[~held_out])
    seconds = time.perf_counter() - started
    predicted = model.predict(features.transform(frame[held_out]))
    return r2_score(target[held_out], np.maximum(predicted, 0)), seconds


def main():
    data_path, splits_path = sys.argv[1], sys.argv[2]
    log1p_columns = json.loads(sys.argv[3]) if len(sys.argv) > 3 else []
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
        for model_name, (make_model, logged) in MODELS.items():
            if logged and not log1p_columns:
                continue
            runs = [score(frame, target, rows, int(seed), make_model, log1p_columns if logged else []) for seed, rows in splits.items()]
            result[name][model_name] = {"r2": [r for r, _ in runs], "fit_seconds": [s for _, s in runs]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
