#!/usr/bin/env bash
# lede-array.sh - the real lede as a Slurm job array on a real cluster.
#
# 1. Generates an 8-shard corpus with `lede sample`, submits a pipeline with
#    `lede slurm submit --tasks 4`, waits for the merge job, and compares the merged
#    aggregates (entities, cooccurrences, timeline, tags) byte for byte with a
#    single-machine `lede run` over the same shards.
# 2. Makes one task fail: a directory stands where one shard's documents file goes,
#    so that task stops with exit 4. Checks that the merge ends CANCELLED, that
#    `lede status` names the unfinished shards, then removes the obstacle,
#    resubmits, and checks that the work finishes with the same tables.
#
#   Tests/Slurm/lede-array.sh [LEDE]
#
# LEDE is the lede binary (default .build/debug/lede). Uses the running cluster of
# $SLURM_CONF or /tmp/slurm-local-$(id -u); exits 77 (skipped) when there is none.
# Prints PASS/FAIL lines with timings; exits 1 when a check failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repository=$(cd "$here/../.." && pwd)
lede=${1:-$repository/.build/debug/lede}
timeout=${SLURM_TEST_TIMEOUT:-180}
export PATH="$PATH:/usr/sbin:/sbin"

[[ -x $lede ]] || { echo "lede-array: no lede at $lede: run swift build first" >&2; exit 2; }
if [[ -z ${SLURM_CONF:-} && -r /tmp/slurm-local-$(id -u)/etc/slurm.conf ]]; then
    export SLURM_CONF=/tmp/slurm-local-$(id -u)/etc/slurm.conf
fi
if ! command -v sbatch >/dev/null || ! scontrol ping 2>/dev/null | grep -q 'is UP'; then
    echo "SKIP: no Slurm cluster answers (start ../shared/tools/slurm-local/slurm-up.sh, or set SLURM_CONF)"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lede-array.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
now() { date +%s.%N; }
elapsed() { printf '%.1f' "$(echo "$(now) - $1" | bc)"; }

# The final state of job $1, once it has one.
final_state() {
    local state i
    for ((i = 0; i < timeout * 5; i++)); do
        state=$(scontrol show job -o "$1" 2>/dev/null | grep -oP 'JobState=\K\S+' | head -n1)
        case $state in
        COMPLETED | FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED)
            echo "$state"; return ;;
        esac
        sleep 0.2
    done
    echo "STILL-${state:-UNKNOWN}"
}

# submit: runs lede slurm submit on the pipeline, sets $array and $merge.
submit() {
    local printed
    printed=$("$lede" slurm submit "$work/pipeline.yaml" --tasks 4 --cpus-per-task 1)
    array=$(grep -oP '^array job \K[0-9]+' <<<"$printed")
    merge=$(grep -oP '^merge job \K[0-9]+' <<<"$printed")
}

# same_tables DIR: the aggregates of DIR equal the single-machine run's.
same_tables() {
    local table
    for table in entities cooccurrences timeline tags; do
        cmp -s "$work/single/aggregates/$table.csv" "$1/aggregates/$table.csv" || { echo "$table.csv differs"; return 1; }
    done
}

"$lede" sample --output "$work/corpus" --docs 800 --shards 8 --seed 11 >/dev/null
printf 'inputs:\n  paths: [corpus]\ntagger:\n  kind: rules\noutputs:\n  directory: out\n' >"$work/pipeline.yaml"
start=$(now)
"$lede" run --input "$work/corpus" --output "$work/single" --tagger rules --jobs 1 --quiet >/dev/null 2>&1
single_seconds=$(elapsed "$start")

# 1. A 4-task array and its merge give the single run's tables.
start=$(now)
submit
merge_state=$(final_state "$merge")
array_seconds=$(elapsed "$start")
if [[ $merge_state == COMPLETED ]] && same_tables "$work/out"; then
    pass "4-task array + merge (jobs $array, $merge) in $array_seconds s = single-machine tables (lede run --jobs 1: $single_seconds s)"
else
    fail "4-task array: merge $merge ended $merge_state; logs in $work/out/_state/slurm/logs"
    tail -n 5 "$work/out/_state/slurm/logs/"* 2>/dev/null || true
fi

# 2. One failing task cancels the merge; status names its shards; a resubmission finishes.
rm -rf "$work/out"
victim=sample-00003
mkdir -p "$work/out/documents/$victim.jsonl.zst/obstacle"
start=$(now)
submit
merge_state=$(final_state "$merge")
array_states=$(scontrol show job -o "$array" | grep -oP 'JobState=\K\S+' | sort | uniq -c | tr -s ' ' | tr '\n' ',')
if [[ $merge_state == CANCELLED ]] && grep -q FAILED <<<"$array_states"; then
    pass "a failed task ($array_states) cancels the merge $merge in $(elapsed "$start") s"
else
    fail "failed task: array states $array_states, merge $merge ended $merge_state (wanted CANCELLED)"
fi
status=$("$lede" status --output "$work/out" || true)
if grep -A20 -E '^pending' <<<"$status" | grep -q "$victim.jsonl.zst"; then
    pass "lede status names the unfinished shard $victim.jsonl.zst as pending"
else
    fail "lede status does not name $victim.jsonl.zst as pending:"; echo "$status"
fi
if "$lede" merge --output "$work/out" >/dev/null 2>"$work/merge.err"; then
    fail "lede merge merged despite unfinished shards"
elif grep -q "  $victim.jsonl.zst" "$work/merge.err"; then
    pass "lede merge refuses, naming $victim.jsonl.zst"
else
    fail "lede merge refused without naming $victim.jsonl.zst:"; cat "$work/merge.err"
fi
rm -rf "$work/out/documents/$victim.jsonl.zst"
start=$(now)
submit
merge_state=$(final_state "$merge")
if [[ $merge_state == COMPLETED ]] && same_tables "$work/out"; then
    pass "resubmitting finishes the work in $(elapsed "$start") s with the single-machine tables"
else
    fail "resubmission: merge $merge ended $merge_state"
fi

((failures == 0)) || { echo "lede-array: $failures check(s) failed"; exit 1; }
echo "lede-array: all checks passed"
