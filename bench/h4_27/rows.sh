#!/bin/sh
# usage: rows.sh HALF MODE [--set …]: plan_bench's rows of one half (f1, misfit, fact_made, headings)
half=$1; mode=$2; shift 2
flag=$([ "$mode" = shuffle ] && echo --shuffle)
nice -n 10 env PYTHONPATH=/work/h4 DRAFTER_DATA_DIR=/tmp/h4-data /work/main/.venv/bin/python bench/plan_bench.py --json --random 0 --half $half $flag "$@" 2>/dev/null \
 | /work/main/.venv/bin/python -c "
import json,sys
d=json.load(sys.stdin)
for r in d['rows']: print(r['example'], r['f1'], 'mis', r.get('misfit'), 'fm', r.get('fact_made'), ' | '.join(r['headings']))"
