#!/bin/bash
# Books 1-5's plan calls on this tree, kept as bench/h5_27/book{1..5}_calls_TAG.json; the earlier books' tracked
# outputs are restored. Run from the repository: bash bench/h5_27/books.sh TAG
set -e
export PYTHONPATH=$PWD
PY="nice -n 10 ${PYTHON:-/work/main/.venv/bin/python}"
T=$1
$PY bench/h5_24/run_book.py book > /tmp/h5_b1_$T.log 2>&1
cp bench/h5_24/calls.json bench/h5_27/book1_calls_$T.json
H8_CALLS=/tmp/h5_b2_$T.json $PY bench/h8_24/run_book.py book 20 > /tmp/h5_b2_$T.log 2>&1
cp /tmp/h5_b2_$T.json bench/h5_27/book2_calls_$T.json
OUT=/tmp/h5_b3_$T.json $PY bench/h5_25/run_book.py book 28 > /tmp/h5_b3_$T.log 2>&1
cp /tmp/h5_b3_$T.json bench/h5_27/book3_calls_$T.json
OUT=/tmp/h5_b4_$T.json $PY bench/h5_26/run_book.py book > /tmp/h5_b4_$T.log 2>&1
cp /tmp/h5_b4_$T.json bench/h5_27/book4_calls_$T.json
OUT=book5_calls_$T.json $PY bench/h5_27/run_book.py book > /tmp/h5_b5_$T.log 2>&1
git checkout -- bench/h5_24 bench/h8_24 bench/h5_25 bench/h5_26
rm -f bench/h5_27/missing.json bench/h5_26/missing.json bench/h5_25/missing.json bench/h8_24/missing.json
$PY bench/h5_26/tally.py calls bench/h5_27/book{1,2,3,4,5}_calls_$T.json
