"""plan_bench.py on frozen sets (pickled by dump_sets.py): the same summaries and lists before and after."""
import pickle, sys, os
sys.argv, frozen = [sys.argv[0]] + sys.argv[2:], sys.argv[1]
sys.path.insert(0, "bench"); sys.path.insert(0, ".")
import plan_set
sets = pickle.load(open(frozen, "rb"))
import plan_bench
plan_bench.build = lambda samples, *a, **k: sets["held"]
plan_bench.random_fact_lists = lambda samples, count=200, *a, **k: sets["lists"][:count]
plan_bench.main()
