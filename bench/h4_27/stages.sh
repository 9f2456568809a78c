#!/bin/sh
# usage: stages.sh NAME [--set …]: bench/h1_24/errors.py on halves a (kept in out/) and b (means only), in order and shuffled
name=$1; shift
for half in a b; do for mode in order shuffle; do
  flag=$([ "$mode" = shuffle ] && echo --shuffle)
  show=$([ "$half" = a ] && echo 0.6 || echo 0)
  out=bench/h4_27/out/errors_${half}_${mode}_$name.txt
  nice -n 10 env PYTHONPATH=/work/h4 DRAFTER_DATA_DIR=/tmp/h4-data /work/main/.venv/bin/python bench/h1_24/errors.py --half $half $flag --show $show "$@" 2>/dev/null > $out
  echo "$name $half $mode: $(/work/main/.venv/bin/python bench/h4_26/stage_means.py < $out | tr '\n' ' ')"
  [ "$half" = b ] && rm -f $out
done; done
