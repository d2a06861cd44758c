"""scikit-learn reference for the real-data classification task, run beside the workbench's figures.

Revenue from every other column (PageValues kept): one-hot categoricals, standard-scaled numbers;
LogisticRegression, MLPClassifier(128, 64) with early stopping, and HistGradientBoostingClassifier
as a stronger reference. Each is scored by ROC AUC on exactly the test rows the workbench held
out for a seed (read from a JSON file {seed: [row, ...]}), training on the rest. Prints one JSON object.
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["Month", "OperatingSystems", "Browser", "Region", "TrafficType", "VisitorType", "Weekend"]


def models(seed):
    return {
        "logistic": LogisticRegression(max_iter=5000),
        "mlp": MLPClassifier(hidden_layer_sizes=(128, 64), early_stopping=True, random_state=seed, max_iter=500),
        "gradient_boosting": HistGradientBoostingClassifier(random_state=seed),
    }


def main():
    data_path, splits_path = sys.argv[1], sys.argv[2]
    with open(splits_path) as handle:
        splits = json.load(handle)
    frame = pd.read_csv(data_path)
    target = frame.pop("Revenue").astype(int).to_numpy()
    numeric = [c for c in frame.columns if c not in CATEGORICAL]
    result = {"version": __import__("sklearn").__version__}
    for seed, rows in splits.items():
        held_out = np.zeros(len(frame), dtype=bool)
        held_out[rows] = True
        for name, model in models(int(seed)).items():
            pipeline = make_pipeline(
                ColumnTransformer([
                    ("numbers", StandardScaler(), numeric),
                    ("categories", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
                ]),
                model,
            )
            started = time.perf_counter()
            pipeline.fit(frame[~held_out], target[~held_out])
            seconds = time.perf_counter() - started
            probabilities = pipeline.predict_proba(frame[held_out])[:, 1]
            entry = result.setdefault(name, {"roc_auc": [], "average_precision": [], "fit_seconds": []})
            entry["roc_auc"].append(roc_auc_score(target[held_out], probabilities))
            entry["average_precision"].append(average_precision_score(target[held_out], probabilities))
            entry["fit_seconds"].append(seconds)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
