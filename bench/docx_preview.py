"""Render one Word export through LibreOffice → PDF → PNG and write docs/export_preview.png (first page).

    .venv/bin/python bench/docx_preview.py [--sample] [--out docs/export_preview.png]

The draft is a template-provider draft of bench/requests/annual_2025.json when that file exists (stored in a
throwaway data dir and exported through the service), else a built-in sample text. The GB/T 9704 fonts are not
installed here, so a private fontconfig file maps them to Noto CJK for the preview only (宋体/仿宋/楷体 →
Noto Serif CJK SC, 黑体 → Noto Sans CJK SC), the way Word substitutes fonts on a computer without them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REQUEST_FILE = ROOT / "bench" / "requests" / "annual_2025.json"
SERIF = ("方正小标宋简体", "宋体", "SimSun", "仿宋_GB2312", "仿宋", "FangSong", "楷体_GB2312", "楷体", "KaiTi")
SANS = ("黑体", "SimHei")
SAMPLE_ORG = "华东精密机械有限公司工会"
SAMPLE_TEXT = """2025年，公司工会在上级工会和公司党委的坚强领导下，紧紧围绕公司生产经营中心工作，认真履行维护、建设、参与、教育四项职能，团结带领广大职工为完成全年目标任务作出了积极贡献。现将全年工作总结如下。

一、主要工作及成效

（一）坚持思想引领，筑牢职工团结奋斗的思想基础。全年组织职工政治理论学习12次，举办“劳模工匠进车间”宣讲活动6场，覆盖职工1,860人次。

（二）深化民主管理，保障职工合法权益。召开二届三次职代会，审议通过《集体合同》等3项制度，征集职工提案42件，已办结39件，办结率92.9%。

（三）开展劳动竞赛，助力企业提质增效。组织技能竞赛5场，参赛职工386人，评选岗位能手24名，3项合理化建议获公司创新奖。

（四）做实服务保障，提升职工获得感。春节走访慰问困难职工86户，发放慰问金12.6万元；组织职工健康体检1,720人；为一线职工送清凉投入资金8.3万元。

二、存在的问题

一是基层工会活动形式还不够丰富；二是青年职工参与工会工作的积极性有待提高。

三、下一步工作打算

2026年，公司工会将继续坚持以职工为中心，进一步完善帮扶机制，深化劳动和技能竞赛，努力把工会建设成为职工信赖的职工之家。"""


def _fontconfig(tmp: Path) -> Path:
    aliases = "".join(
        f"<alias binding='same'><family>{name}</family><prefer><family>{target}</family></prefer></alias>"
        for names, target in ((SERIF, "Noto Serif CJK SC"), (SANS, "Noto Sans CJK SC")) for name in names)
    conf = tmp / "fonts.conf"
    conf.write_text(f"<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
                    f"<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>{aliases}</fontconfig>",
                    encoding="utf-8")
    return conf


def _drafted_export(tmp: Path) -> tuple[str, bytes] | None:
    """Draft the bench request with the template provider and export it through the service."""
    if not REQUEST_FILE.exists():
        return None
    from drafter.models import DraftRequest
    from drafter.service import DrafterService
    from drafter.settings import Settings

    settings = Settings(data_dir=tmp / "data", provider="template", auth="off", _env_file=None)
    service = DrafterService(settings)
    request = DraftRequest.model_validate(json.loads(REQUEST_FILE.read_text(encoding="utf-8")))
    started = time.perf_counter()
    draft = service.create_draft(request, service.draft(request), author="bench")
    print(f"drafted and stored in {time.perf_counter() - started:.1f} s (includes ingesting the samples once)")
    started = time.perf_counter()
    exported = service.export_docx(draft.id)
    print(f"Word export through the service: {(time.perf_counter() - started) * 1000:.0f} ms")
    return exported


def _sample_export() -> tuple[str, bytes]:
    from drafter.documents.export_docx import render_docx

    started = time.perf_counter()
    content = render_docx(f"{SAMPLE_ORG}2025年度工作总结", SAMPLE_TEXT, SAMPLE_ORG, "2025年12月31日")
    print(f"Word export of the sample: {(time.perf_counter() - started) * 1000:.0f} ms")
    return "sample.docx", content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", action="store_true", help="use the built-in sample text, not a drafted request")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "export_preview.png")
    args = parser.parse_args()
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        sys.exit("需要 LibreOffice（soffice）和 poppler-utils（pdftoppm）")
    with tempfile.TemporaryDirectory(prefix="drafter-preview-") as tmp_name:
        tmp = Path(tmp_name)
        exported = None if args.sample else _drafted_export(tmp)
        source = "bench/requests/annual_2025.json (template provider)" if exported else "built-in sample text"
        name, content = exported or _sample_export()
        docx_path = tmp / "export.docx"
        docx_path.write_bytes(content)
        started = time.perf_counter()
        env = {"FONTCONFIG_FILE": str(_fontconfig(tmp)), "HOME": str(tmp), "PATH": "/usr/bin:/bin"}
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless", "--convert-to",
                        "pdf", "--outdir", str(tmp), str(docx_path)], check=True, env=env, capture_output=True,
                       timeout=300)
        converted_s = time.perf_counter() - started
        pages = subprocess.run(["pdfinfo", str(tmp / "export.pdf")], capture_output=True, text=True).stdout
        subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(tmp / "export.pdf"),
                        str(tmp / "page")], check=True, env=env)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp / "page.png", args.out)
    page_count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
    print(f"source: {source}; file name: {name}; {len(content):,} bytes; {page_count} page(s)")
    print(f"LibreOffice → PDF {converted_s:.1f} s; wrote {args.out}")


if __name__ == "__main__":
    main()
