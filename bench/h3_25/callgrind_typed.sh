#!/bin/bash
# Instructions (valgrind callgrind, Ir) of the as-you-type re-checks (typed_insn.py) in TREE, start-up excluded.
# Load-independent, as bench/throughput24/callgrind_ab.sh (which this follows).
#   bench/h3_25/callgrind_typed.sh TREE TAG
TREE=$1; TAG=$2; D=$(mktemp -d); HERE=$(cd "$(dirname "$0")" && pwd)
cd "$TREE" || exit 2
PYTHONHASHSEED=0 PYTHONPATH=$TREE:$TREE/bench valgrind --tool=callgrind --instr-atstart=no \
  --callgrind-out-file=$D/$TAG.cg "${PYTHON:-/work/main/.venv/bin/python}" "$HERE/typed_insn.py" "$D/$TAG" \
  >/dev/null 2>"$D/$TAG.vg" &
VP=$!
while [ ! -e "$D/$TAG.ready" ]; do sleep 0.5; done
callgrind_control -i on $VP >/dev/null 2>&1; touch "$D/$TAG.go"
while [ ! -e "$D/$TAG.done" ]; do sleep 0.5; done
callgrind_control -i off $VP >/dev/null 2>&1; touch "$D/$TAG.end"
wait $VP
callgrind_annotate "$D/$TAG.cg" 2>/dev/null | grep -m1 "PROGRAM TOTALS"
