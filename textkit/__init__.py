"""Shared Chinese text rules, one tested definition each, imported by both `retrieval` and `drafter`:

- textkit.sentences   sentence and clause spans, "does this end a sentence"
- textkit.headings    heading classification (一、/（一）/1、/（1）/第X部分/Markdown/bold/labels), list marks
- textkit.placeholders  template placeholders (xx, 20__年, ××, □□ …)
- textkit.decoding    bytes → str for Chinese office texts (BOMs, UTF-8, GB18030, UTF-16; mojibake refused)

textkit imports nothing from this project: it sits below every other package.
"""
