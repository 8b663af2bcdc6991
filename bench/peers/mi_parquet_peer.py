#!/usr/bin/python3
"""The peer of `xent bench mi-table`: the mutual information of every column of a table with a target column, with pandas
and scikit-learn's mutual_info_score (plug-in estimate, in nats; printed in bits). Reads the table from CSV: Debian's
pandas has no Parquet engine (no pyarrow or fastparquet package), so the load is timed apart and the comparison uses the
MI time alone, which favours the peer. Usage: mi_parquet_peer.py TABLE.csv TARGET   Prints one JSON line."""
import json
import math
import resource
import sys
import time

import pandas as pd
from sklearn.metrics import mutual_info_score

path, target = sys.argv[1], sys.argv[2]
start = time.perf_counter()
df = pd.read_csv(path, dtype="int8")  # every column is a small category code
loaded = time.perf_counter()
cpu = time.process_time()
y = df[target].to_numpy()
mis = {c: mutual_info_score(y, df[c].to_numpy()) / math.log(2) for c in df.columns if c != target}
done = time.perf_counter()
cpu = time.process_time() - cpu
top = max(mis, key=mis.get)
print(json.dumps({
    "rows": len(df), "features": len(mis), "load_seconds": loaded - start, "mi_seconds": done - loaded, "mi_cpu_seconds": cpu,
    "top_feature": top, "top_mi_bits": mis[top], "sum_mi_bits": sum(mis.values()),
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
