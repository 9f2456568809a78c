"""Session 23 (issue 19): the number check's modules compiled to C with mypyc, a probe (no-go: about 1.35x on the
reworded drafts, below the 1.5x asked; docs/measurements_history.md). Not part of the product.

    .venv/bin/uv pip install --python .venv/bin/python --target /tmp/mypyc mypy   (mypy 2.4.1 was used)
    git apply bench/mypyc_probe/annotations.patch   (annotations mypyc's run-time checks need; results unchanged)
    PYTHONPATH=/tmp/mypyc .venv/bin/python bench/mypyc_probe/build.py build_ext --inplace -j 2
    .venv/bin/python bench/mypyc_probe/reworded_ab.py . 7   (and on a checkout without the .so files, alternately)

Run from the repository root. Every module of drafter/numcheck and textkit is compiled into one group but
usage.py (a pydantic model: mypyc's C does not build) and support.py (its cached_property needs an instance
__dict__, which a compiled class has not: it recomputes on every access, and `"short_forms" in self.__dict__` fails).
Remove the build with `rm -rf build *__mypyc*.so drafter/numcheck/*.so textkit/*.so`.
"""

import sys
from pathlib import Path

from mypyc.build import mypycify
from setuptools import setup

HERE = Path(__file__).resolve().parent
KEPT_PYTHON = {"drafter/numcheck/usage.py", "drafter/numcheck/support.py"}
modules = [str(p) for p in sorted(Path("drafter/numcheck").glob("*.py")) + sorted(Path("textkit").glob("*.py"))
           if str(p) not in KEPT_PYTHON]
if len(sys.argv) == 1:
    sys.exit(__doc__)
setup(name="drafter-mypyc-probe", packages=[], py_modules=[],
      ext_modules=mypycify(["--config-file", str(HERE / "mypy.ini"), *modules], opt_level="3", multi_file=True))
