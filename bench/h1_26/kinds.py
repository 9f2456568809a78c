"""Count the faithful flags of a flags.py dump by kind of rewriting (a first pass by the note's form, then by
word class), and the distinct sets each kind appears in:  python bench/h1_26/kinds.py DUMP"""
import re
import sys
from collections import defaultdict

from drafter.numcheck.predicate import _act_word

KINDS = (
    ("measure word: things given one each counted as the people", lambda f: "初稿写成" in f and re.search(r"写成 \S*[名人]$", f)),
    ("split over clauses / synonym / act dropped: the number's item said in other words", lambda f: "（少了'" in f),
    ("segmentation: a trade's suffix glued to the verb (工送去)", lambda f: re.search(r'对象"[工人站]送去?"', f)),
    ("verb read as a thing (配齐, 换发, 投身 …)", lambda f: (m := re.search(r'对象"([^"]{2})"', f)) and _act_word(m.group(1))),
    ("added words on the number's item", lambda f: "对象多了" in f),
    ("implied time (season, every day)", lambda f: f.startswith('时间"')),
    ("implied place (车间, 现场, 社区 …)", lambda f: f.startswith('地点"')),
    ("theme phrase (素质提升工程, 金秋助学)", lambda f: "没有的工作：" in f),
    ("summary/effect words (知识, 技能, 青年, 成长 …)", lambda f: f.startswith("这句话写了事实中没有的内容")),
    ("effect or judgement clause of a given act", lambda f: f.startswith('活动"')),
    ("other object word (qualifier, synonym of people or thing)", lambda f: f.startswith(('对象"', '参与者"', '荣誉"'))),
    ("other number", lambda f: True),
)


def main(path: str) -> None:
    paragraphs, current = defaultdict(set), None
    for line in open(path, encoding="utf-8"):
        if line.startswith("== "):
            _, name, pid = line.split()
            current = (name, pid)
        elif "FLAG [" in line:
            note = line.split("] ", 1)[1].strip()
            kind = next(k for k, test in KINDS if test(note))
            paragraphs[kind].add(current)
        elif "MISSING" in line and not any(current in p for k, p in paragraphs.items() if k.startswith("measure")):
            paragraphs["a fact's number unsaid (missing)"].add(current)
    for kind, found in sorted(paragraphs.items(), key=lambda kv: -len(kv[1])):
        sets = {name for name, _ in found}
        print(f"{len(found):4d} paragraphs {len(sets):3d} sets  {kind}")


if __name__ == "__main__":
    main(sys.argv[1])
