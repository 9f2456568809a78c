#!/bin/bash
# Instructions (valgrind callgrind, Ir) of two cold passes of the reworded-drafts line in TREE, start-up excluded:
# the count does not move with the machine's load (two runs of one tree differ by < 0.05 %).
#   bench/throughput24/callgrind_ab.sh TREE TAG      (e.g. a worktree of main, then this branch)
# INSN_SCRIPT / INSN_ARGS: another script that waits for the .go file as reworded_insn.py does (bench/h3_25's).
TREE=$1; TAG=$2; D=$(mktemp -d); HERE=$(cd "$(dirname "$0")" && pwd)
cd "$TREE" || exit 2
PYTHONHASHSEED=0 PYTHONPATH=$TREE:$TREE/bench valgrind --tool=callgrind --instr-atstart=no \
  --callgrind-out-file=$D/$TAG.cg "${PYTHON:-/work/main/.venv/bin/python}" "${INSN_SCRIPT:-$HERE/reworded_insn.py}" \
  ${INSN_ARGS-2} "$D/$TAG" \
  >/dev/null 2>"$D/$TAG.vg" &
VP=$!
while [ ! -e "$D/$TAG.ready" ]; do sleep 0.5; done
callgrind_control -i on $VP >/dev/null 2>&1; touch "$D/$TAG.go"
while [ ! -e "$D/$TAG.done" ]; do sleep 0.5; done
callgrind_control -i off $VP >/dev/null 2>&1; touch "$D/$TAG.end"
wait $VP
callgrind_annotate "$D/$TAG.cg" 2>/dev/null | grep -m1 "PROGRAM TOTALS"
