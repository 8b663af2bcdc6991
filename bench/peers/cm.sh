#!/usr/bin/env bash
# Context mixing against its peers: `xent compress --codec cm` beside xz -9, zpaq -m5, zstd -19, bzip2 -9 and brotli -q 11,
# on English text Debian ships (licenses and copyright files, man page sources, package changelogs/NEWS) and on an ELF
# binary, all cut to the same size. Prints, per file: compressed bytes, the ratio to xz -9 and to zpaq -m5, and
# compress/decompress speed in MB/s (10^6 bytes) on one thread — wall clock, best of N runs, and also per CPU second
# (user + sys), which is what to compare on a loaded machine. Peers are timed in the same run, alternating with xent.
# Then a speed row on two threads: two identical blocks of 2·BYTES, each the first half of every file, so each thread gets
# the same work (with unequal blocks the larger or harder one bounds the time), -T1 against -T2 taking turns in each round
# (both files checked equal).
#
#   bench/peers/cm.sh [RUNS=3] [BYTES=4000000] [LEVEL=7] [BLOCK=8388608]
#
# The machine line at the end gives the core clock before and after the timings (bench/peers/clock.c: dependent adds; x86-64,
# needs a C compiler): this shared host runs its cores at 3.1–3.8 GHz from hour to hour, which moves every MB/s as much.
#
# Needs: apt-get install xz-utils zpaq zstd bzip2 brotli man-db. BLOCK defaults to cm's default block size (8 MiB), one
# block per file, as `xent compress` does without -B; a CM model starts empty in each block, so smaller blocks cost ratio.
set -euo pipefail
runs="${1:-3}"
bytes="${2:-4000000}"
level="${3:-7}"
block="${4:-8388608}"
pair=$((2 * bytes))   # the two-thread row's block: half of the four files
(( pair <= 67108864 )) || { echo "cm.sh: BYTES must be at most 33554432 (the two-thread row codes 2·BYTES per block)" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
xent="$root/xent"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in xz zpaq zstd bzip2 brotli; do
  command -v "$tool" >/dev/null || { echo "cm.sh: $tool is missing (apt-get install xz-utils zpaq zstd bzip2 brotli)" >&2; exit 2; }
done

# The corpus: the same files on every Debian machine with these packages, cut to $bytes.
cat /usr/share/common-licenses/* /usr/share/doc/*/copyright 2>/dev/null | head -c "$bytes" > "$work/legal.txt" || true
ls /usr/share/man/man1/*.gz /usr/share/man/man3/*.gz | head -n 3000 | xargs zcat 2>/dev/null | head -c "$bytes" > "$work/man.txt" || true
find /usr/share/doc -name '*.gz' | sort | head -3000 | xargs zcat 2>/dev/null | head -c "$bytes" > "$work/docs.txt" || true
elf="$(ls -S /usr/bin/* /usr/lib/x86_64-linux-gnu/*.so* 2>/dev/null | head -n 1 || true)"
head -c "$bytes" "$elf" > "$work/elf.bin" || true

"$xent" --help >/dev/null 2>&1   # build once, outside the timings
ghz() { echo "?"; }
if [[ "$(uname -m)" == x86_64 ]] && cc -O2 -o "$work/clock" "$root/bench/peers/clock.c" 2>/dev/null; then ghz() { "$work/clock"; }; fi
clock_before=$(ghz)

declare -A bw bc
once() { # once KEY COMMAND…: time one run and keep KEY's best wall and CPU (user + sys) seconds in bw[KEY], bc[KEY]
  local key=$1 w c; shift
  /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" >/dev/null 2>/dev/null
  read -r w c < <(tail -n 1 "$work/time" | awk '{print $1, $2 + $3}')
  bw[$key]=$(awk -v a="${bw[$key]:-1e9}" -v b="$w" 'BEGIN{print (b < a ? b : a)}')
  bc[$key]=$(awk -v a="${bc[$key]:-1e9}" -v b="$c" 'BEGIN{print (b < a ? b : a)}')
}
# best COMMAND…: the best wall and CPU seconds over $runs runs of a command: prints "wall cpu"
best() {
  local r
  unset 'bw[best]' 'bc[best]'
  for ((r = 0; r < runs; r++)); do once best "$@"; done
  echo "${bw[best]} ${bc[best]}"
}
mbps() { awk -v n="$1" -v s="$2" 'BEGIN{ if (s <= 0) s = 0.01; printf "%.2f", n / s / 1e6 }'; }

printf '%-9s %-14s %10s %7s %7s %18s %18s\n' file coder bytes "/xz" "/zpaq" "comp MB/s wall|cpu" "dec MB/s wall|cpu"
for f in legal.txt man.txt docs.txt elf.bin; do
  in="$work/$f"
  n=$(stat -c %s "$in")
  xz -9 -k -c "$in" > "$work/x.xz"; xzb=$(stat -c %s "$work/x.xz")
  rm -f "$work/x.zpaq"; zpaq a "$work/x.zpaq" "$in" -m5 >/dev/null 2>&1; zpb=$(stat -c %s "$work/x.zpaq")
  row() { printf '%-9s %-14s %10d %7.3f %7.3f %18s %18s\n' "$f" "$1" "$2" "$(awk -v a="$2" -v b="$xzb" 'BEGIN{print a/b}')" \
    "$(awk -v a="$2" -v b="$zpb" 'BEGIN{print a/b}')" "$3" "$4"; }
  for t in 1; do
    read -r cw cc < <(best "$xent" compress --codec cm --level "$level" -B "$block" -T "$t" -q -f -o "$work/x.xent" "$in")
    size=$(stat -c %s "$work/x.xent")
    read -r dw dc < <(best "$xent" decompress -T "$t" -q -f -o "$work/x.out" "$work/x.xent")
    cmp -s "$in" "$work/x.out" || { echo "cm.sh: $f did not round-trip" >&2; exit 1; }
    row "xent cm -T$t" "$size" "$(mbps "$n" "$cw")|$(mbps "$n" "$cc")" "$(mbps "$n" "$dw")|$(mbps "$n" "$dc")"
  done
  read -r cw cc < <(best xz -9 -k -c "$in"); read -r dw dc < <(best xz -d -c "$work/x.xz")
  row "xz -9" "$xzb" "$(mbps "$n" "$cw")|$(mbps "$n" "$cc")" "$(mbps "$n" "$dw")|$(mbps "$n" "$dc")"
  read -r cw cc < <(best sh -c "rm -f '$work/y.zpaq'; zpaq a '$work/y.zpaq' '$in' -m5 -t1")
  read -r dw dc < <(best sh -c "cd '$work' && rm -rf zx && zpaq x y.zpaq -to zx -t1")
  row "zpaq -m5 -t1" "$zpb" "$(mbps "$n" "$cw")|$(mbps "$n" "$cc")" "$(mbps "$n" "$dw")|$(mbps "$n" "$dc")"
  zstd -19 -q -c "$in" > "$work/x.zst"; read -r cw cc < <(best zstd -19 -q -c "$in")
  row "zstd -19" "$(stat -c %s "$work/x.zst")" "$(mbps "$n" "$cw")|$(mbps "$n" "$cc")" "-"
  bzip2 -9 -c "$in" > "$work/x.bz2"; read -r cw cc < <(best bzip2 -9 -c "$in")
  row "bzip2 -9" "$(stat -c %s "$work/x.bz2")" "$(mbps "$n" "$cw")|$(mbps "$n" "$cc")" "-"
  brotli -q 11 -c "$in" > "$work/x.br"; read -r cw cc < <(best brotli -q 11 -c "$in")
  row "brotli -q 11" "$(stat -c %s "$work/x.br")" "$(mbps "$n" "$cw")|$(mbps "$n" "$cc")" "-"
done
# Two threads: one file of two identical blocks, each the first half of every file above, so both threads get exactly the
# same work and the row measures how the coder scales, not how evenly a file's content divides: with the files' first
# halves in one block and their second halves in the other, the first block took 7.0–7.8 s and the second 6.1 s on one
# thread (2026-12-03), which alone bounds two threads at about 1.87×.
: > "$work/mix.bin"
for f in legal.txt man.txt docs.txt elf.bin; do head -c "$(( $(stat -c %s "$work/$f") / 2 ))" "$work/$f" >> "$work/mix.bin"; done
cat "$work/mix.bin" "$work/mix.bin" > "$work/all.bin"
n=$(stat -c %s "$work/all.bin")
printf '\n%-9s %-14s %10s %18s %18s\n' file coder bytes "comp MB/s wall|cpu" "dec MB/s wall|cpu"
# One thread and two take turns within each round (compress -T1, -T2, then decompress -T1, -T2), so a change in the
# shared host's speed between rounds reaches both sides of the ratio alike; each keeps its best.
for ((r = 0; r < runs; r++)); do
  for t in 1 2; do once "c$t" "$xent" compress --codec cm --level "$level" -B "$pair" -T "$t" -q -f -o "$work/x$t.xent" "$work/all.bin"; done
  cmp -s "$work/x1.xent" "$work/x2.xent" || { echo "cm.sh: -T1 and -T2 wrote different files" >&2; exit 1; }
  for t in 1 2; do once "d$t" "$xent" decompress -T "$t" -q -f -o "$work/x$t.out" "$work/x1.xent"; done
  for t in 1 2; do cmp -s "$work/all.bin" "$work/x$t.out" || { echo "cm.sh: all.bin did not round-trip" >&2; exit 1; }; done
done
for t in 1 2; do
  printf '%-9s %-14s %10d %18s %18s\n' all.bin "xent cm -T$t" "$(stat -c %s "$work/x1.xent")" "$(mbps "$n" "${bw[c$t]}")|$(mbps "$n" "${bc[c$t]}")" "$(mbps "$n" "${bw[d$t]}")|$(mbps "$n" "${bc[d$t]}")"
done
echo "two threads against one (wall): compress $(awk -v a="${bw[c1]}" -v b="${bw[c2]}" 'BEGIN{printf "%.2f", a/b}')×, decompress $(awk -v a="${bw[d1]}" -v b="${bw[d2]}" 'BEGIN{printf "%.2f", a/b}')×"
echo "machine: $(nproc) cores at $clock_before GHz before, $(ghz) GHz after, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ); level $level, block $block (two-thread row: $pair), best of $runs"
