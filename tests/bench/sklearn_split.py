"""The held-out rows of the issue's reference protocol: scikit-learn's train_test_split with 20%
held out, stratified on target > 0, random_state 42. Prints the test rows' positions, ascending,
as a JSON list. Usage: sklearn_split.py DATA TARGET
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split


def main():
    data_path, target = sys.argv[1], sys.argv[2]
    values = pd.read_csv(data_path)[target].astype(float).to_numpy()
    _, test = train_test_split(np.arange(len(values)), test_size=0.2, stratify=values > 0, random_state=42)
    print(json.dumps(sorted(int(row) for row in test)))


if __name__ == "__main__":
    main()
