#!/bin/bash
# Instructions (valgrind callgrind, Ir) of the as-you-type re-checks (typed_insn.py) in TREE, start-up excluded:
# bench/throughput24/callgrind_ab.sh with this script.
#   bench/h3_25/callgrind_typed.sh TREE TAG
HERE=$(cd "$(dirname "$0")" && pwd)
INSN_SCRIPT=$HERE/typed_insn.py INSN_ARGS="" exec "$HERE/../throughput24/callgrind_ab.sh" "$@"
