"""Book 5's headings against their shown facts alone (as bench/h5_25/direct.py), totals per label and half only:
book 5 reports, it never drives a rule, so no heading's verdict is printed.

    PYTHONPATH=. python bench/h5_27/direct.py
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> None:
    from h5_25.direct import verdict
    from h5_26.tally import add, half

    tally: dict = {}
    for entry in json.loads((HERE / "headings.json").read_text())["headings"]:
        add(tally, f"{entry['label']} {half(entry['n'])}", verdict(entry)[0])
    print(json.dumps({k: dict(sorted(v.items())) for k, v in sorted(tally.items())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
