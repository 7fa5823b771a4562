#!/usr/bin/python3
"""Writes the page-cut fixtures: seed.docx cut down to its first project, set
in 12 pt, with 第二部分 on a new page and a space before the project's heading
that puts a page break in its indicator table (see testdata/README.md).

    page-cut.py whole OUT.docx SPACE   # the break falls between two whole rows
    page-cut.py split OUT.docx SPACE   # the break splits a row whose description runs on

SPACE is the space before the heading in points; convert with
soffice --headless --convert-to pdf OUT.docx. Needs python3-docx (Debian).
"""
import os
import sys

import docx
from docx.shared import Pt

variant, out, space = sys.argv[1], sys.argv[2], float(sys.argv[3])
here = os.path.dirname(os.path.abspath(__file__))
d = docx.Document(os.path.join(here, "..", "seed", "seed.docx"))
d.styles["Normal"].font.size = Pt(12)

body = d.element.body
paras = {p._p: p for p in d.paragraphs}
indicators = d.tables[2]._tbl  # the first project's indicator table
# Part one keeps its first sub-goal and its first measure, part two its
# first project.
keep, done = True, False
for el in list(body.iterchildren()):
    if el.tag.endswith("sectPr"):
        break
    p = paras.get(el)
    text = p.text if p is not None else ""
    if text.startswith("2.") or text.startswith("（二）"):
        keep = False
    elif text.startswith("三、") or text == "第二部分":
        keep = True
    if text == "第二部分":
        p.paragraph_format.page_break_before = True
    elif text.startswith("1.") and "绩效目标表" in text:
        p.paragraph_format.space_before = Pt(space)
    if done or not keep:
        body.remove(el)
    done = done or el is indicators

rows = d.tables[2].rows
if variant == "whole":
    texts = [
        ["数量指标", "培训人次", "培训人次", "不少于1178人次", "计划标准"],
        ["质量指标", "资料归档合格率", "资料归档合格率", "不低于95%", "计划标准"],
    ]
else:
    texts = [
        ["数量指标", "培训人次", "培训人次", "不少于1178人次", "计划标准"],
        ["质量指标", "资料归档合格率",
         "反映培训资料的归档情况：培训通知、签到表、课件、照片和考核结果在培训结束后十个工作日内"
         "整理成册，由专人按年度装订归档，归档资料齐全、内容真实、编号连续，可随时查阅",
         "不低于95%", "计划标准"],
    ]
for r, cells in enumerate(texts, start=1):
    for c, text in enumerate(cells, start=1):
        rows[r].cells[c].text = text
d.save(out)
