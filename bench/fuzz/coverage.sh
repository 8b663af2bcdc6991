#!/usr/bin/env bash
# Coverage-guided fuzzing of Xent's decoders with libFuzzer (bench/fuzz/README.md): Xent.dll instrumented by SharpFuzz,
# libFuzzer from Debian's LLVM 14, and bench/fuzz/libfuzzer/driver.c (ours) between them. Installs clang-14 and
# libfuzzer-14-dev when missing (needs root), and the sharpfuzz instrumenter as a local dotnet tool under .build/.
# Usage: bench/fuzz/coverage.sh [--seconds S] [--target NAME ...] [--self-check]
#   every target of Fuzzer.Targets (or the named ones) for S seconds each (default 30), from a seed corpus of valid
#   inputs kept in .build/fuzz/corpus-NAME (it grows between runs); prints libFuzzer's final line per target (executions,
#   exec/s, coverage features) and exits 1 when a crash or a hang (10 s) was found (crash-*/timeout-* files in
#   .build/fuzz/findings). --self-check first runs a planted bug and fails unless libFuzzer reports it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/.build/fuzz"
seconds=30 self_check=0 targets=()
while (($#)); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --target) targets+=("$2"); shift 2 ;;
    --self-check) self_check=1; shift ;;
    *) echo "unknown argument '$1'; use --seconds S --target NAME --self-check" >&2; exit 2 ;;
  esac
done
((${#targets[@]})) || targets=(huffman rans adaptive cm container)

if ! command -v clang-14 >/dev/null || [[ ! -f /usr/lib/llvm-14/lib/libFuzzer.a ]]; then
  echo "installing clang-14 and libfuzzer-14-dev…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang-14 libfuzzer-14-dev >/dev/null
fi
mkdir -p "$work/findings"
if [[ ! -x "$work/tools/sharpfuzz" ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

# Two builds of the harness: a plain one writes the seed corpus (instrumented code must run under the driver), and a
# published copy whose Xent.dll is instrumented.
dotnet build "$root/bench/fuzz" -c Release -nologo -v q -o "$work/plain" >/dev/null
rm -rf "$work/app"
dotnet publish "$root/bench/fuzz" -c Release -nologo -v q -o "$work/app" >/dev/null
"$work/tools/sharpfuzz" "$work/app/Xent.dll"
clang-14 -O2 -c "$root/bench/fuzz/libfuzzer/driver.c" -o "$work/driver.o"
clang-14 "$work/driver.o" /usr/lib/llvm-14/lib/libFuzzer.a -lstdc++ -lpthread -lm -o "$work/driver"

run() { # NAME CORPUS SECONDS → libFuzzer's exit code
  # The .NET heap is capped at 2 GiB: a decoder allocating without bound then throws OutOfMemoryException, a finding.
  (cd "$work/findings" && DOTNET_GCHeapHardLimit=0x80000000 XENT_FUZZ_COMMAND="$work/app/Xent.Fuzz" XENT_FUZZ_TARGET="$1" \
    "$work/driver" -max_total_time="$3" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$2" \
    >"$work/$1.log" 2>&1)
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((self_check)); then
  mkdir -p "$work/corpus-canary"
  rm -f "$work/findings"/crash-*
  if run canary "$work/corpus-canary" 60; then
    echo "self-check FAILED: the planted bug was not reported in 60 s (log: $work/canary.log)" >&2; exit 1
  fi
  grep -q "planted bug" "$work/canary.log" && ls "$work/findings"/crash-* >/dev/null 2>&1 \
    || { echo "self-check FAILED: libFuzzer stopped without the planted crash (log: $work/canary.log)" >&2; exit 1; }
  echo "self-check: the planted bug was reported as a crash after $(grep -oE '^#[0-9]+' "$work/canary.log" | tail -1 | tr -d '#') executions"
  rm -f "$work/findings"/crash-*
fi

status=0
for t in "${targets[@]}"; do
  corpus="$work/corpus-$t"
  if [[ ! -d "$corpus" ]]; then
    "$work/plain/Xent.Fuzz" --write-corpus "$corpus" --target "$t" --count 40
  fi
  if run "$t" "$corpus" "$seconds"; then
    line="$(grep -E '^#[0-9]+' "$work/$t.log" | tail -1)"
    execs="$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$work/$t.log" | grep -oE '[0-9]+$' || true)"
    echo "$t: ${execs:-?} executions in ${seconds} s = $(( ${execs:-0} / seconds )) exec/s; ${line#*	}"
  else
    echo "$t: FINDING — see $work/$t.log and $work/findings"; status=1
  fi
done
exit $status
