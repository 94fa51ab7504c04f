#!/bin/sh
# Regenerates the table of docs/fano.md: Fano factors of the net count at the left bath (default model: omega = g
# = G = 1, T_left = 1, T_right = 0), exact (tilted generator) beside 2000 trajectories (one counting window of
# 200 relaxation times per trajectory, delete-one jackknife errors), seed 1 (the numbers do not depend on THREADS). Usage: sh docs/fano.sh [path/to/qtraj.jar]
JAR=${1:-target/qtraj.jar}
M=${M:-2000}
THREADS=${THREADS:-2}
row() {
  java -jar "$JAR" fcs "$@" --trajectories "$M" --seed 1 --threads "$THREADS" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("%.5f | %.3f +- %.3f | %+.1f" % (d["exact"]["fano"], d["estimate"]["fano"], d["error"]["fano"], d["z"]["fano"]), end="")'
}
echo "| N | quantum gamma = 0: exact | trajectories | z | quantum gamma = 0.5: exact | trajectories | z | classical: exact | Gillespie | z |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for n in 2 3 4 5 6; do
  printf "| %s | %s | %s | %s |\n" "$n" "$(row --sites $n)" "$(row --sites $n --dephasing 0.5)" "$(row --sites $n --classical)"
done
