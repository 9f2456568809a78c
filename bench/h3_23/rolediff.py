"""Every sample's chunk roles (structure blocks and chunks) that differ between two trees."""
import subprocess, sys, json
code = '''
import sys, json
from pathlib import Path
from retrieval.chunking import structure, chunk_example
from retrieval.loader import load_file
S = Path("samples")
out = {}
for p in sorted(S.glob("*.md")):
    out[p.name] = [[b.role, " > ".join(b.path), b.lines[0][:60]] for b in structure(p.read_text())]
print(json.dumps(out, ensure_ascii=False))
'''
def run(tree):
    r = subprocess.run(["/work/main/.venv/bin/python", "-c", code], cwd=tree, env={"PYTHONPATH": tree, "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=True)
    return json.loads(r.stdout)
a, b = run(sys.argv[1]), run(sys.argv[2])
for name in a:
    if a[name] != b[name]:
        print("==", name)
        for x, y in zip(a[name], b[name]):
            if x != y:
                print(f"  {x[0]} -> {y[0]} | {y[1][:50]} | {y[2]}")
        if len(a[name]) != len(b[name]): print("  block count", len(a[name]), len(b[name]))
