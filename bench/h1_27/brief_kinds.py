"""Count the drive-side faithful paragraphs of the brief's two kinds in a flags.py dump:
  item   a number whose fact item the draft says in other words (note: 对象不同 or 对象多了, or 初稿写成 a measure word);
  people a role claim on a word that names people (对象"矿工", 参与者"亲人").
    python bench/h1_27/brief_kinds.py DUMP"""
import re
import sys

from drafter.numcheck.itemsense import names_people
from drafter.numcheck.rolewords import PEOPLE


def main(path: str) -> None:
    item, people, current = set(), set(), None
    for line in open(path, encoding="utf-8"):
        if line.startswith("== "):
            current = tuple(line.split()[1:3])
        elif "FLAG [" in line:
            note = line.split("] ", 1)[1]
            if "对象不同" in note or "对象多了" in note:
                item.add(current)
            claimed = re.match(r'(?:对象|参与者)"([^"]+)"', note)
            if claimed and (PEOPLE.search(claimed.group(1)) or names_people(claimed.group(1))):
                people.add(current)
        elif "MISSING" in line:
            pass
    print(f"item in other words: {len(item)} paragraphs, {len({n for n, _ in item})} sets")
    print(f"people by another word: {len(people)} paragraphs, {len({n for n, _ in people})} sets")


if __name__ == "__main__":
    main(sys.argv[1])
