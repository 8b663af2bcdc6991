"""scikit-learn's lbfgs LogisticRegression on the digits data, for bench/peers/logreg.sh.

Writes the data set (scikit-learn's bundled load_digits, standardized) as CSV, or fits it and prints one JSON line:
  python3 logreg.py write FILE
  python3 logreg.py fit TOL RUNS
"fit" reports two rows: scikit-learn's LogisticRegression as installed, and scikit-learn >= 1.5's lbfgs objective and
options (the loss divided by the sum of sample weights, gtol = tol, ftol = 64 eps, maxls = 50) run through scikit-learn's
own LinearModelLoss and SciPy's L-BFGS-B, when the installed version is older (1.2 divides neither; `xent train --tol`
follows >= 1.5). Times are best of RUNS, fit only.
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
    best, model = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        model = LogisticRegression(C=1.0, tol=tol, max_iter=10000).fit(x, y)
        best = min(best, time.perf_counter() - start)
    return {"peer": f"scikit-learn {sklearn.__version__} LogisticRegression(lbfgs)", "seconds": best,
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
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        w0 = np.zeros((classes.size, d + 1), order="F").ravel(order="F")
        result = optimize.minimize(loss.loss_gradient, w0, method="L-BFGS-B", jac=True,
                                   args=(x, target, sw, 1.0 / (1.0 * n), 1),
                                   options={"maxiter": 10000, "maxls": 50, "gtol": tol, "ftol": 64 * np.finfo(float).eps})
        best = min(best, time.perf_counter() - start)
    coef = result.x.reshape((classes.size, -1), order="F")
    z = x @ coef[:, :-1].T + coef[:, -1]
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return {"peer": f"scikit-learn >=1.5 lbfgs settings (LinearModelLoss {sklearn.__version__} + SciPy {scipy.__version__} L-BFGS-B)",
            "seconds": best, "iterations": int(result.nit), "log_loss": log_loss(y, p)}


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
