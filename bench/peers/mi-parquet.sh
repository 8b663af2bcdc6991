#!/usr/bin/env bash
# MI of 100 categorical columns with a target over ROWS rows (default 10^7) of a Parquet file written by DuckDB
# (bench/peers/mi_parquet_data.cs): `xent bench mi-table` decoding the Parquet natively on every core, the same counted
# inside DuckDB with GROUP BY (no row read into .NET), and pandas + scikit-learn's mutual_info_score (Debian's python3,
# bench/peers/mi_parquet_peer.py; pandas reads the CSV twin, and only its MI time is compared). Runs alternate, ROUNDS
# times (default 2), and the best of each is kept: the machine is shared. Peak RSS from /usr/bin/time -v.
# Usage: bench/peers/mi-parquet.sh   (env: ROWS, ROUNDS, DIR — where the data goes, default /tmp/xent-mi-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${ROWS:-10000000}; rounds=${ROUNDS:-2}; dir=${DIR:-/tmp/xent-mi-bench}
mkdir -p "$dir"
data="$dir/mi-$rows.parquet"; csv="$dir/mi-$rows.csv"
[[ -f "$data" && -f "$csv" ]] || dotnet run bench/peers/mi_parquet_data.cs -- "$rows" "$data" "$csv"
./xent --help > /dev/null # build first, outside the timings

rss() { grep -oE 'Maximum resident set size \(kbytes\): [0-9]+' "$1" | awk '{printf "%.0f", $NF/1024}'; }
best() { sort -g | head -n 1; }
: > "$dir/native.txt"; : > "$dir/duckdb.txt"; : > "$dir/peer.txt"
for ((r = 1; r <= rounds; r++)); do
  /usr/bin/time -v -o "$dir/time.txt" ./xent bench mi-table "$data" --target y --json > "$dir/out.json"
  echo "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["best_seconds"])' "$dir/out.json") $(rss "$dir/time.txt") $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sum_mi"])' "$dir/out.json")" >> "$dir/native.txt"
  /usr/bin/time -v -o "$dir/time.txt" ./xent bench mi-table "$data" --target y --engine duckdb --json > "$dir/out.json"
  echo "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["best_seconds"])' "$dir/out.json") $(rss "$dir/time.txt") $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sum_mi"])' "$dir/out.json")" >> "$dir/duckdb.txt"
  /usr/bin/time -v -o "$dir/time.txt" /usr/bin/python3 bench/peers/mi_parquet_peer.py "$csv" y > "$dir/out.json"
  echo "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["mi_seconds"], end=" "); print(d["load_seconds"], end=" ")' "$dir/out.json")$(rss "$dir/time.txt") $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sum_mi_bits"])' "$dir/out.json")" >> "$dir/peer.txt"
done
n=$(sort -g "$dir/native.txt" | head -n 1); d=$(sort -g "$dir/duckdb.txt" | head -n 1); p=$(sort -g "$dir/peer.txt" | head -n 1)
read -r nt nrss nsum <<< "$n"; read -r dt drss dsum <<< "$d"; read -r pt pload prss psum <<< "$p"
echo "rows $rows, 100 features, $(nproc) cores, best of $rounds (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "xent native parquet : ${nt} s   peak RSS ${nrss} MB   sum MI ${nsum} bits"
echo "xent duckdb pushdown: ${dt} s   peak RSS ${drss} MB   sum MI ${dsum} bits"
echo "pandas + sklearn    : ${pt} s MI (+ ${pload} s read_csv)   peak RSS ${prss} MB   sum MI ${psum} bits"
python3 -c "import sys; p,n,d=map(float,sys.argv[1:]); print(f'ratio: native {p/n:.1f}x, duckdb {p/d:.1f}x faster than pandas+sklearn MI alone')" "$pt" "$nt" "$dt"
