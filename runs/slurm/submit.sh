#!/usr/bin/env bash
# Submits one run spec to Slurm as a job array over shards, then a merge job that starts when every shard
# has succeeded (afterok). Usage, from the repository root:
#
#   runs/slurm/submit.sh SPEC OUT_DIR [SHARDS]        e.g.  runs/slurm/submit.sh runs/fig2.yaml /scratch/fig2 16
#
# Environment: QTRAJ_JAR (default target/qtraj.jar), QTRAJ_THREADS (default: the CPUs Slurm gives a task),
# SBATCH_EXTRA (extra sbatch options for both jobs, e.g. "--partition=short --account=proj").
# Each shard writes OUT_DIR/shard-i; the merge writes OUT_DIR/merged. Re-running this script (or a requeue
# after pre-emption) continues every shard where it stopped: qtraj run on an existing directory of the same
# spec skips the finished units.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 SPEC OUT_DIR [SHARDS]" >&2
    exit 2
fi
spec=$(realpath "$1")
out=$(realpath -m "$2")
shards=${3:-8}
jar=$(realpath "${QTRAJ_JAR:-target/qtraj.jar}")
here=$(dirname "$(realpath "$0")")

if [[ ! -f "$jar" ]]; then
    echo "$0: $jar not found; build it with: mvn -B -q package -DskipTests" >&2
    exit 2
fi
if ! [[ "$shards" =~ ^[1-9][0-9]*$ ]]; then
    echo "$0: SHARDS must be a positive integer, got '$shards'" >&2
    exit 2
fi
# Fail here, not in $shards queued jobs, if the spec is invalid: plan the run without running it.
java -jar "$jar" run "$spec" --shard "1/$shards" --out "$out/shard-1" --dry-run >/dev/null

mkdir -p "$out/logs"
export QTRAJ_JAR="$jar" QTRAJ_SPEC="$spec" QTRAJ_OUT="$out" QTRAJ_SHARDS="$shards"
# shellcheck disable=SC2086  # SBATCH_EXTRA is a list of options
array=$(sbatch --parsable --array="1-$shards" --export=ALL --output="$out/logs/shard-%a.out" \
    ${SBATCH_EXTRA:-} "$here/shard.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --dependency="afterok:$array" --export=ALL --output="$out/logs/merge.out" \
    ${SBATCH_EXTRA:-} "$here/merge.sbatch")
echo "shards: job array $array (1-$shards); merge: job ${merge%%;*}; results will be in $out/merged"
