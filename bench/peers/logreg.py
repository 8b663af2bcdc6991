"""scikit-learn's lbfgs LogisticRegression on the digits data, for bench/peers/logreg.sh.

Writes the data set (scikit-learn's bundled load_digits, standardized) as CSV, or fits it and prints one JSON line:
  python3 logreg.py write FILE
  python3 logreg.py fit TOL RUNS
"fit" reports two rows: scikit-learn's LogisticRegression as installed, and scikit-learn >= 1.5's lbfgs objective and
options (the loss divided by the sum of sample weights, gtol = tol, ftol = 64 eps, maxls = 50) run through scikit-learn's
own LinearModelLoss and SciPy's L-BFGS-B, when the installed version is older (1.2 divides neither; `xent train --tol`
follows >= 1.5). Times are best of RUNS, fit only: wall seconds and CPU seconds of the process (time.process_time(), every
thread: BLAS and OpenMP threads count too).
"""
import json
import sys
import time

import numpy as np
import scipy
import sklearn
from scipy import optimize
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.preprocessing import StandardScaler


def data():
    x, y = load_digits(return_X_y=True)
    return StandardScaler().fit_transform(x), y


def version():
    return tuple(int(p) for p in sklearn.__version__.split(".")[:2])


def installed(x, y, tol, runs):
    best, cpu, model = float("inf"), float("inf"), None
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        model = LogisticRegression(C=1.0, tol=tol, max_iter=10000).fit(x, y)
        best, cpu = min(best, time.perf_counter() - start), min(cpu, time.process_time() - cpu_start)
    return {"peer": f"scikit-learn {sklearn.__version__} LogisticRegression(lbfgs)", "seconds": best, "cpu_seconds": cpu,
            "iterations": int(model.n_iter_[0]), "log_loss": log_loss(y, model.predict_proba(x))}


def modern(x, y, tol, runs):
    # scikit-learn >= 1.5's _logistic_regression_path for lbfgs, multinomial, C = 1, unit sample weights.
    from sklearn._loss.loss import HalfMultinomialLoss
    from sklearn.linear_model._linear_loss import LinearModelLoss
    classes = np.unique(y)
    target = np.searchsorted(classes, y).astype(np.float64)
    n, d = x.shape
    loss = LinearModelLoss(base_loss=HalfMultinomialLoss(n_classes=classes.size), fit_intercept=True)
    sw = np.full(n, 1.0 / n)
    best, cpu, result = float("inf"), float("inf"), None
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        w0 = np.zeros((classes.size, d + 1), order="F").ravel(order="F")
        result = optimize.minimize(loss.loss_gradient, w0, method="L-BFGS-B", jac=True,
                                   args=(x, target, sw, 1.0 / (1.0 * n), 1),
                                   options={"maxiter": 10000, "maxls": 50, "gtol": tol, "ftol": 64 * np.finfo(float).eps})
        best, cpu = min(best, time.perf_counter() - start), min(cpu, time.process_time() - cpu_start)
    coef = result.x.reshape((classes.size, -1), order="F")
    z = x @ coef[:, :-1].T + coef[:, -1]
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return {"peer": f"scikit-learn >=1.5 lbfgs settings (LinearModelLoss {sklearn.__version__} + SciPy {scipy.__version__} L-BFGS-B)",
            "seconds": best, "cpu_seconds": cpu, "iterations": int(result.nit), "evaluations": int(result.nfev),
            "log_loss": log_loss(y, p)}


if __name__ == "__main__":
    x, y = data()
    if sys.argv[1] == "write":
        header = ",".join([f"x{j}" for j in range(x.shape[1])] + ["y"])
        np.savetxt(sys.argv[2], np.column_stack([x, y]), delimiter=",", header=header, comments="", fmt="%.17g")
    else:
        tol, runs = float(sys.argv[2]), int(sys.argv[3])
        rows = [installed(x, y, tol, runs)]
        if version() < (1, 5):
            rows.append(modern(x, y, tol, runs))
        for row in rows:
            print(json.dumps(row))
