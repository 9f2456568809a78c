#!/bin/sh
# usage: [MODES="order"] sweep.sh NAME [--set …]: halves a and b, in order and/or shuffled, --random 0; a line each
name=$1; shift
for half in a b; do for mode in ${MODES:-order shuffle}; do
  flag=$([ "$mode" = shuffle ] && echo --shuffle)
  nice -n 10 env PYTHONPATH=/work/h4 DRAFTER_DATA_DIR=/tmp/h4-data /work/main/.venv/bin/python bench/plan_bench.py --json --random 0 --half $half $flag "$@" 2>/dev/null \
   | /work/main/.venv/bin/python -c "import json,sys; d=json.load(sys.stdin)['structure_set']; print('$name', '$half', '$mode', d['f1_mean'], 'fm', d['fact_made'], 'mis', d['misfit'], 'sub', d['sub_sections'], 'sec', d['sections'], 'sh', d['shared_area'], 'faults', d['claim']+d['generic']+d['repeated']+d['stutter']+d['one_fact'])"
done; done
