import pickle, sys
sys.path.insert(0, "bench")
from pathlib import Path
from plan_set import build, random_fact_lists
pickle.dump({"held": build(Path("samples")), "lists": random_fact_lists(Path("samples"), 200)}, open(sys.argv[1], "wb"))
