#!/usr/bin/env bash
# slurm-scripts.sh - submits with `lede slurm submit` to a real Slurm cluster and
# checks what Slurm makes of the scripts: the array runs every task with the right
# arguments, the merge runs after it, a task exiting 1 (rejects) still lets the merge
# run, a failed task cancels the merge instead of leaving it pending, an array above
# --max-array-size takes a stride, and the shipped Pipelines/slurm/*.sbatch parse.
#
# The jobs run a stand-in for lede that records its arguments (in a directory whose
# name holds a space and quotes), so this checks the Slurm side alone.
#
#   Tests/Slurm/slurm-scripts.sh [--start-cluster] [LEDE]
#
# LEDE is the lede binary that submits (default .build/debug/lede). With
# --start-cluster it starts ../shared/tools/slurm-local (installing Slurm's packages
# when missing) and always stops it; otherwise it uses the running cluster of
# $SLURM_CONF or /tmp/slurm-local-$(id -u), and exits 77 (skipped) when there is none.
# Prints PASS/FAIL lines; exits 1 when a check failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repository=$(cd "$here/../.." && pwd)
start_cluster=0
if [[ ${1:-} == --start-cluster ]]; then start_cluster=1; shift; fi
lede=${1:-$repository/.build/debug/lede}
timeout=${SLURM_TEST_TIMEOUT:-120}
export PATH="$PATH:/usr/sbin:/sbin"

[[ -x $lede ]] || { echo "slurm-scripts: no lede at $lede: run swift build first" >&2; exit 2; }
if ((start_cluster)); then
    slurm_local=$(cd "$repository/../shared/tools/slurm-local" && pwd)
    "$slurm_local/slurm-up.sh" >/dev/null
    trap '"$slurm_local/slurm-down.sh" --purge >/dev/null' EXIT
fi
if [[ -z ${SLURM_CONF:-} && -r /tmp/slurm-local-$(id -u)/etc/slurm.conf ]]; then
    export SLURM_CONF=/tmp/slurm-local-$(id -u)/etc/slurm.conf
fi
if ! command -v sbatch >/dev/null || ! scontrol ping 2>/dev/null | grep -q 'is UP'; then
    echo "SKIP: no Slurm cluster answers (start one with --start-cluster, or set SLURM_CONF)"
    exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lede-slurm.XXXXXX")
project="$work/it's a \"project\""
record="$project/record"
mkdir -p "$project/Pipelines" "$project/bin dir" "$record"
"$lede" sample --output "$project/corpus" --docs 120 --shards 6 --seed 4 >/dev/null
printf 'inputs:\n  paths: [../corpus]\ntagger:\n  kind: rules\noutputs:\n  directory: ../out dir\n' >"$project/Pipelines/news.yaml"
stub="$project/bin dir/lede stub"
cat >"$stub" <<'EOF'
#!/bin/bash
# Stands in for lede in the jobs: records its arguments, exits as told.
if [[ $1 == run ]]; then
    printf '%s\n' "$@" >"$STUB_RECORD/run-$SLURM_ARRAY_TASK_ID.args"
    [[ ${STUB_FAIL_TASK:-} == "$SLURM_ARRAY_TASK_ID" ]] && { echo "task $SLURM_ARRAY_TASK_ID fails on purpose" >&2; exit 3; }
    [[ ${STUB_REJECTS_TASK:-} == "$SLURM_ARRAY_TASK_ID" ]] && exit 1
else
    printf '%s\n' "$@" >"$STUB_RECORD/merge.args"
fi
exit 0
EOF
chmod +x "$stub"
export STUB_RECORD=$record
pipeline="$project/Pipelines/news.yaml"
output="$project/out dir"

fails=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

# The final state of the (plain) job $1, once it has one.
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
# The states of every task of array job $1, sorted: "COMPLETED COMPLETED FAILED".
task_states() { scontrol show job -o "$1" | grep -oP 'JobState=\K\S+' | sort | tr '\n' ' ' | sed 's/ $//'; }

# submit NAME ARGS...: runs lede slurm submit, sets $array and $merge.
submit() {
    local name=$1 printed
    shift
    rm -f "$record"/*.args
    printed=$("$lede" slurm submit "$pipeline" --lede "$stub" --partition debug --time 5 --mem 100M "$@")
    array=$(awk '/^array job /{sub(":", "", $3); print $3}' <<<"$printed")
    merge=$(awk '/^merge job /{sub(":", "", $3); print $3}' <<<"$printed")
    echo "[$name] array job $array, merge job $merge"
}

expected_run() { # TASK TASKS [EXTRA...]: the arguments lede run gets
    local task=$1 tasks=$2
    shift 2
    printf '%s\n' run "$pipeline" --task "$task" --tasks "$tasks" "$@"
}

# 1. Four tasks, then the merge.
submit ok --tasks 4 --cpus-per-task 1
check "[ok] merge completed after the array" test "$(final_state "$merge")" = COMPLETED
check "[ok] every array task completed" test "$(task_states "$array")" = "COMPLETED COMPLETED COMPLETED COMPLETED"
for task in 0 1 2 3; do
    check "[ok] task $task ran lede run --task $task --tasks 4 --jobs 1" \
        diff <(expected_run "$task" 4 --jobs 1) "$record/run-$task.args"
done
check "[ok] the merge ran lede merge --output on the output directory" \
    diff <(printf '%s\n' merge --output "$output") "$record/merge.args"
check "[ok] logs are in <output>/_state/slurm/logs" test -f "$output/_state/slurm/logs/${array}_3.out" -a -f "$output/_state/slurm/logs/merge-$merge.out"

# 2. A task exiting 1 (done, with rejects) still lets the merge run.
STUB_REJECTS_TASK=2 submit rejects --tasks 3
check "[rejects] merge completed although task 2 exited 1" test "$(final_state "$merge")" = COMPLETED

# 3. A failed task cancels the merge.
STUB_FAIL_TASK=1 submit failure --tasks 3
check "[failure] merge cancelled, not left pending" test "$(final_state "$merge")" = CANCELLED
check "[failure] task 1 failed, the others completed" test "$(task_states "$array")" = "COMPLETED COMPLETED FAILED"
check "[failure] the merge never ran" test ! -e "$record/merge.args"

# 4. More tasks than the array may hold: an array of 2, each taking every 2nd task.
submit stride --tasks 5 --max-array-size 2
check "[stride] merge completed" test "$(final_state "$merge")" = COMPLETED
check "[stride] two array tasks" test "$(task_states "$array")" = "COMPLETED COMPLETED"
for task in 0 1; do
    check "[stride] task $task ran --task $task --tasks 5 --task-stride 2" \
        diff <(expected_run "$task" 5 --task-stride 2) "$record/run-$task.args"
done

# 5. The cluster's MaxArraySize (1001 here) is read when --max-array-size is not given.
max_array_size=$(scontrol show config | awk '$1 == "MaxArraySize" {print $3}')
printed=$("$lede" slurm submit "$pipeline" --tasks $((max_array_size + 1)) --dry-run)
check "[limit] --tasks $((max_array_size + 1)) becomes an array of MaxArraySize $max_array_size" \
    grep -qx -- "#SBATCH --array=0-$((max_array_size - 1))" <<<"$printed"

# 6. The shipped scripts parse (resources shrunk to this node's size on the command line).
for script in lede-array.sbatch lede-merge.sbatch; do
    check "[shipped] sbatch --test-only accepts Pipelines/slurm/$script" \
        sbatch --test-only --cpus-per-task=1 --mem=100M --time=5 -D "$work" "$repository/Pipelines/slurm/$script"
done

if ((fails)); then
    echo "slurm-scripts: $fails check(s) failed; jobs' logs under $output/_state/slurm/logs"
    exit 1
fi
rm -rf "$work"
echo "slurm-scripts: all checks passed"
