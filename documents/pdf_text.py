"""`python -m documents.pdf_text FILE`: the text of each page of a PDF as JSON on stdout.

Run as a child process by documents.extraction, under a time and memory limit, so a hostile
PDF (a decompression bomb, an endless content stream) only ever kills this process.
"""

import json
import sys

from pypdf import PdfReader


def main(path, max_characters):
    reader = PdfReader(path)
    pages = []
    total = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        pages.append(text)
        total += len(text)
        if total > max_characters:
            break
    json.dump(pages, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
