# Peer for the .docx benchmark: python-docx loads every file and reads the
# text of every paragraph and table cell, the least a report reader does.
import sys

import docx

n = 0
for path in sys.argv[1:]:
    d = docx.Document(path)
    for p in d.paragraphs:
        n += len(p.text)
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                n += len(cell.text)
print(n)
