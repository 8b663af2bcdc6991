#!/usr/bin/python3
"""Fisher's iris (data/iris.csv): Xent's tree and feature ranking beside scikit-learn's on the same split.

The split is made here (train_test_split, test_size=0.3, random_state=1, stratified) and written to /tmp as two CSV files,
so `xent tree TRAIN --test TEST` and DecisionTreeClassifier(criterion="entropy") see the same rows. Log loss is in bits;
scikit-learn's log_loss clips probabilities to [1e-15, 1 - 1e-15], Xent's does not (a 0 for the true class is +inf).
The ranking compares `xent rank-features --method ksg` with mutual_info_classif (converted from nats to bits).
Usage: bench/peers/iris_tree.py   (Debian python3-sklearn)
"""
import json, math, os, subprocess
import numpy as np, pandas as pd, sklearn
from sklearn.feature_selection import mutual_info_classif
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.tree import DecisionTreeClassifier, export_text

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
xent = os.path.join(root, "xent")
df = pd.read_csv(os.path.join(root, "data", "iris.csv"))
features = [c for c in df.columns if c != "species"]
train, test = train_test_split(df, test_size=0.3, random_state=1, stratify=df["species"])
train.to_csv("/tmp/iris-train.csv", index=False)
test.to_csv("/tmp/iris-test.csv", index=False)

def run(*args):
    return json.loads(subprocess.run([xent, *args, "--json"], check=True, capture_output=True, text=True).stdout)

rows = []
for smoothing in ("0", "1"):
    r = run("tree", "/tmp/iris-train.csv", "--target", "species", "--test", "/tmp/iris-test.csv", "--smoothing", smoothing)
    rows.append((f"xent tree (smoothing {smoothing})", r["nodes"], r["depth"], r["test_accuracy"], r["test_log_loss"]))
clf = DecisionTreeClassifier(criterion="entropy", random_state=0).fit(train[features], train["species"])
p = clf.predict_proba(test[features])
rows.append(("sklearn DecisionTreeClassifier(criterion=\"entropy\")", clf.tree_.node_count, clf.get_depth(),
             accuracy_score(test["species"], clf.predict(test[features])), log_loss(test["species"], p, labels=clf.classes_) / math.log(2)))
print(f"scikit-learn {sklearn.__version__}; iris, 105 training / 45 test rows (train_test_split random_state=1, stratified)\n")
print("| model | nodes | depth | test accuracy | test log loss (bits) |\n| --- | ---: | ---: | ---: | ---: |")
for name, nodes, depth, acc, loss in rows:
    print(f"| {name} | {nodes} | {depth} | {acc:.4f} | {loss if isinstance(loss, str) else f'{loss:.4f}'} |")
print("\nscikit-learn's tree:\n```\n" + export_text(clf, feature_names=features) + "```")

ranked = run("rank-features", os.path.join(root, "data", "iris.csv"), "--target", "species", "--method", "ksg", "--permutations", "200", "--bootstrap", "200")
sk = mutual_info_classif(df[features], df["species"], random_state=0) / math.log(2)
print("\n| feature | xent ksg MI (bits) | 95% CI | p-value | sklearn mutual_info_classif (bits) |\n| --- | ---: | ---: | ---: | ---: |")
for f in ranked["features"]:
    print(f"| {f['name']} | {f['mi_bits']:.4f} | [{f['ci_low']:.3f}, {f['ci_high']:.3f}] | {f['p_value']:.4f} | {sk[features.index(f['name'])]:.4f} |")
