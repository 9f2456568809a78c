"""Mean F1 after each planner stage from bench/h1_24/errors.py's output (stdin), and its last line's totals."""
import re
import statistics
import sys

stages: dict[str, list[float]] = {}
last = ""
for line in sys.stdin:
    for name, value in re.findall(r"(\w+)=([0-9.]+)", line.split("|", 1)[1]) if "|" in line and "f1=" in line else []:
        stages.setdefault(name, []).append(float(value))
    if line.startswith("mean F1"):
        last = line.strip()
print(" ".join(f"{n} {statistics.mean(v):.3f}" for n, v in stages.items()))
lost = re.search(r"lost by stage (\{.*?\})", last)
made = re.search(r"made by stage (\{.*?\})", last)
if lost and made:
    for label, found in (("lost", lost), ("made", made)):
        totals = eval(found.group(1))  # noqa: S307 - our own printout
        print(label, {k: v for k, v in totals.items() if ":" not in k or k.startswith("refit:")})
