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
# Runs one spec into the scratch directory (resumable) and adds it to the report's inputs.
run_spec() {
  local name="$1" file="$2" start
  start=$(date +%s)
  java -jar "$jar" run "$file" --out "$scratch/$name" --threads "$threads"
  echo "$(basename "$file" .yaml): $(( $(date +%s) - start )) s" >&2
  dirs+=("$scratch/$name")
}
for spec in fig2 fig2-trajectories fig2-classical fig3 fig3-trajectories fig3-classical fig4 disorder disorder-check disorder-seeds appendixB; do
  run_spec "$spec" "runs/paper-$spec.yaml"
done
# Beyond the paper: relaxation from one excitation on site 1, quantum and classical (a few seconds).
run_spec relaxation runs/relaxation.yaml
# Issue 14, beyond the paper: is noise good for the FMO complex in a steady state? (runs/fmo-dephasing*.yaml: the exact
# sweep ~45 s and its fine grid around the optimum ~1 min, the uniform and disordered chains a few seconds, trajectory points ~3 minutes on 2 cores): the report's
# "Is noise good for the FMO complex" section.
for spec in fmo-dephasing fmo-dephasing-optimum fmo-dephasing-chain fmo-dephasing-disorder fmo-dephasing-trajectories; do
  run_spec "$spec" "runs/$spec.yaml"
done
# Issue 15, beyond the paper: current fluctuations. Cloning points for theta(s) at N = 4 (runs/fluctuations-cloning*.yaml:
# quantum gamma = 0, 0.5, 5 about 70 s, classical a few seconds on 2 cores); the report's "Current fluctuations" section
# computes the exact theta(s), I(j) and the cumulants against N itself (about a minute) and puts the cloning points over them.
for spec in fluctuations-cloning fluctuations-cloning-classical; do
  run_spec "$spec" "runs/$spec.yaml"
done
# Issue 16, beyond the paper: do the current fluctuations of the dephased chain become classical at large N? Fano factor
# and kappa_3/kappa_1 from gaussian quantum trajectories (runs/fluctuations-fano.yaml: N = 8, 16, 32 at gamma = 0.5 and
# N = 8, 16 at gamma = 5, about 7 CPU minutes), at N = 64 (runs/fluctuations-fano-64.yaml, about 24 CPU minutes), at
# N = 32 and gamma = 5 (runs/fluctuations-fano-32-dephased.yaml, about 18 CPU minutes) and from the classical exclusion
# process (runs/fluctuations-fano-classical.yaml: N = 8..64, under a CPU minute), offset-corrected from two window
# lengths; the report's "Quantum against classical at large N" (it also says what N = 64 at gamma = 5 would cost).
for spec in fluctuations-fano fluctuations-fano-classical fluctuations-fano-64 fluctuations-fano-32-dephased; do
  run_spec "$spec" "runs/$spec.yaml"
done
# One report from every run directory (each section is drawn from the runs it recognises).
java -jar "$jar" report "${dirs[@]}" --out analysis
