"""scikit-learn reference for the real-data segmentation task, run beside the workbench's figures.

The ten behaviour columns of the shoppers sessions, standard-scaled; KMeans(k, n_init=10) for
k = 2..8 and each seed. Every silhouette here is scikit-learn's exact `silhouette_score` over all
rows, for its own labels and for the workbench's (read from a JSON file), so the two columns of
figures differ only by the clustering code. scikit-learn runs on one thread, as the workbench's
k-means does (in a browser worker), so fit times compare code with code. With a third argument (a raw float64 file of rows ×
columns), also times the fits on those rows that the workbench's speed figure times: one per seed,
and one from each of the workbench's k-means++ starts. Prints one JSON object.
"""
import contextlib
import io
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits


def canonical(labels):
    """The labels renumbered by first appearance, so equal partitions compare equal."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))
    return order[inverse].astype(np.int32).tobytes()


def timed_fit(rows, model):
    """Wall-clock and CPU seconds of one fit, with its iterations and inertia."""
    wall, cpu = time.perf_counter(), time.process_time()
    model.fit(rows)
    return {
        "seconds": time.perf_counter() - wall,
        "cpu_seconds": time.process_time() - cpu,
        "iterations": int(model.n_iter_),
        "inertia": float(model.inertia_),
    }


def all_iterations(rows, model):
    """Lloyd iterations summed over every start (scikit-learn keeps only the best start's), counted
    from its verbose log on a second, untimed fit: the log computes inertias, which costs time."""
    log = io.StringIO()
    with contextlib.redirect_stdout(log):
        model.set_params(verbose=1).fit(rows)
    return log.getvalue().count("Iteration ")


def main():
    data_path, workbench_path = sys.argv[1], sys.argv[2]
    workbench = json.load(open(workbench_path))
    frame = pd.read_csv(data_path)
    rows = StandardScaler().fit_transform(frame[workbench["features"]].to_numpy(dtype=float))
    scored = {}

    def silhouette(labels):
        key = canonical(labels)
        if key not in scored:
            scored[key] = float(silhouette_score(rows, labels))
        return scored[key]

    fits = []
    for seed in workbench["seeds"]:
        for k in workbench["ks"]:
            started = time.perf_counter()
            model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(rows)
            seconds = time.perf_counter() - started
            ours = np.array(workbench["labels"][str(seed)][str(k)])
            fits.append({
                "seed": seed,
                "k": k,
                "inertia": float(model.inertia_),
                "fit_seconds": seconds,
                "silhouette": silhouette(model.labels_),
                "workbench_silhouette": silhouette(ours),
            })
    result = {"version": sklearn.__version__, "threads": 1, "fits": fits}

    if len(sys.argv) > 3:
        speed = workbench["speed"]
        large = np.fromfile(sys.argv[3], dtype=np.float64).reshape(speed["rows"], speed["dims"])
        settings = {"n_clusters": speed["k"], "max_iter": speed["maxIterations"], "tol": speed["tolerance"]}
        runs = []
        for seed in speed["seeds"]:
            model = KMeans(n_init=speed["restarts"], random_state=seed, **settings)
            runs.append(dict(seed=seed, **timed_fit(large, model), all_iterations=all_iterations(large, model)))
        same_starts = [timed_fit(large, KMeans(init=np.array(start).reshape(speed["k"], speed["dims"]), n_init=1, **settings)) for start in speed["starts"]]
        result["speed"] = {"runs": runs, "same_starts": same_starts}
    print(json.dumps(result))


if __name__ == "__main__":
    with threadpool_limits(limits=1):
        main()
