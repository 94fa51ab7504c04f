#!/usr/bin/env bash
# Regenerates analysis/ (figures and REPORT.md) from runs/paper-*.yaml: builds qtraj, runs every paper spec
# into a scratch directory (resumable: re-running continues where it stopped), then `qtraj report`.
# Usage: analysis/reproduce.sh [SCRATCH_DIR] [THREADS]    (defaults: out/paper, 2)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${1:-out/paper}"
threads="${2:-2}"
jar=target/qtraj.jar
if [[ ! -f "$jar" || -n "$(find src pom.xml -newer "$jar" -print -quit)" ]]; then
  mvn -o -q -B package -DskipTests
fi
dirs=()
for spec in fig2 fig2-trajectories fig2-classical fig3 fig3-trajectories fig3-classical fig4 disorder disorder-check disorder-seeds appendixB; do
  start=$(date +%s)
  java -jar "$jar" run "runs/paper-$spec.yaml" --out "$scratch/$spec" --threads "$threads"
  echo "paper-$spec: $(( $(date +%s) - start )) s" >&2
  dirs+=("$scratch/$spec")
done
# Beyond the paper: relaxation from one excitation on site 1, quantum and classical (a few seconds).
java -jar "$jar" run runs/relaxation.yaml --out "$scratch/relaxation" --threads "$threads"
dirs+=("$scratch/relaxation")
java -jar "$jar" report "${dirs[@]}" --out analysis
