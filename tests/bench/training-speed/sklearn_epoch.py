"""scikit-learn's MLPRegressor on the epoch benchmark's shape: 64 → 128 → 64 → 1, batch 512, Adam,
100k rows, one epoch per fit after a warm-up fit. Prints JSON: wall and CPU seconds per epoch.
"""
import json
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPRegressor

ROWS, FEATURES, EPOCHS = 100_000, 64, 3


def main():
    random = np.random.default_rng(1)
    x = random.standard_normal((ROWS, FEATURES)).astype(np.float32)
    y = x[:, 0] - 0.5 * x[:, 1] * x[:, 2] + 0.1 * random.standard_normal(ROWS)
    model = MLPRegressor(hidden_layer_sizes=(128, 64), batch_size=512, solver="adam", max_iter=1, shuffle=True, random_state=1)
    wall, cpu = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.partial_fit(x, y)  # warm-up: allocates the weights and the BLAS buffers
        for _ in range(EPOCHS):
            started_wall, started_cpu = time.perf_counter(), time.process_time()
            model.partial_fit(x, y)
            wall.append(time.perf_counter() - started_wall)
            cpu.append(time.process_time() - started_cpu)
    print(json.dumps({"version": sklearn.__version__, "epochSeconds": wall, "epochCpuSeconds": cpu}))


if __name__ == "__main__":
    main()
