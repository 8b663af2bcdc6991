#!/usr/bin/env bash
# MI of 100 categorical columns with a target over ROWS rows (default 10^7) of a Parquet file written by DuckDB
# (bench/peers/mi_parquet_data.cs): `xent bench mi-table` decoding the Parquet natively on every core, the same counted
# inside DuckDB with GROUP BY (no row read into .NET), and pandas + scikit-learn's mutual_info_score (Debian's python3,
# bench/peers/mi_parquet_peer.py; Debian has no Parquet engine for pandas, so it reads the CSV twin and only its MI time
# is compared — the load is printed apart). Runs alternate, ROUNDS times (default 2), best of each kept: the machine is
# shared. Wall and CPU (user + sys) seconds; peak RSS from /usr/bin/time -v.
# Usage: bench/peers/mi-parquet.sh   (env: ROWS, ROUNDS, DIR — where the data goes, default /tmp/xent-mi-bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${ROWS:-10000000}; rounds=${ROUNDS:-2}; dir=${DIR:-/tmp/xent-mi-bench}
mkdir -p "$dir"
data="$dir/mi-$rows.parquet"; csv="$dir/mi-$rows.csv"
[[ -f "$data" && -f "$csv" ]] || dotnet run bench/peers/mi_parquet_data.cs -- "$rows" "$data" "$csv"
./xent --help > /dev/null # build first, outside the timings

field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$dir/out.json" "$1"; }
rss() { grep -oE 'Maximum resident set size \(kbytes\): [0-9]+' "$dir/time.txt" | awk '{printf "%.0f", $NF/1024}'; }
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$dir/time.txt"; }
: > "$dir/native.txt"; : > "$dir/duckdb.txt"; : > "$dir/peer.txt"
for ((r = 1; r <= rounds; r++)); do
  /usr/bin/time -v -o "$dir/time.txt" ./xent bench mi-table "$data" --target y --json > "$dir/out.json"
  echo "$(field best_seconds) $(cpu) $(rss) $(field sum_mi)" >> "$dir/native.txt"
  /usr/bin/time -v -o "$dir/time.txt" ./xent bench mi-table "$data" --target y --engine duckdb --json > "$dir/out.json"
  echo "$(field best_seconds) $(cpu) $(rss) $(field sum_mi)" >> "$dir/duckdb.txt"
  /usr/bin/time -v -o "$dir/time.txt" /usr/bin/python3 bench/peers/mi_parquet_peer.py "$csv" y > "$dir/out.json"
  echo "$(field mi_seconds) $(field mi_cpu_seconds) $(rss) $(field sum_mi_bits) $(field load_seconds)" >> "$dir/peer.txt"
done
read -r nt nc nrss nsum <<< "$(sort -g "$dir/native.txt" | head -n 1)"
read -r dt dc drss dsum <<< "$(sort -g "$dir/duckdb.txt" | head -n 1)"
read -r pt pc prss psum pload <<< "$(sort -g "$dir/peer.txt" | head -n 1)"
echo "rows $rows, 100 features, $(nproc) cores, best of $rounds (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "xent native parquet : wall ${nt} s, cpu ${nc} s (whole process), peak RSS ${nrss} MB, sum MI ${nsum} bits"
echo "xent duckdb pushdown: wall ${dt} s, cpu ${dc} s (whole process), peak RSS ${drss} MB, sum MI ${dsum} bits"
echo "pandas + sklearn MI : wall ${pt} s, cpu ${pc} s (MI only; read_csv took ${pload} s more), peak RSS ${prss} MB, sum MI ${psum} bits"
python3 -c "import sys; p,n,d=map(float,sys.argv[1:]); print(f'wall ratio: native {p/n:.1f}x, duckdb {p/d:.1f}x faster than pandas+sklearn MI alone')" "$pt" "$nt" "$dt"
