#!/bin/sh
# One atheris session of a harness for at least SECONDS of fuzzing, on one worker; libFuzzer is
# started again (same corpus) when a hang or a memory blow-up stops it, so the time is spent.
#   tests/fuzz/session.sh reader 1800 WORKDIR SEED_DIR...
set -u
harness=$1 seconds=$2 work=$3
shift 3
here=$(dirname "$0")
python=${PYTHON:-.venv/bin/python}
mkdir -p "$work/corpus-$harness" "$work/artifacts-$harness"
export FUZZ_CRASHES="$work/crashes-$harness"
start=$(date +%s)
while :; do
    left=$((seconds - ($(date +%s) - start)))
    [ "$left" -gt 0 ] || break
    "$python" "$here/fuzz_$harness.py" -workers=1 -max_total_time="$left" -max_len=16384 \
        -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$work/artifacts-$harness/" "$work/corpus-$harness" "$@"
    echo "== libFuzzer stopped with status $? after $(($(date +%s) - start)) s"
done
