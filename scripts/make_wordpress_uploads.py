"""Write the tiny PDFs and the image of the WordPress fixture's uploads folder.

    python scripts/make_wordpress_uploads.py tests/data/wordpress/uploads

Each PDF is a real one-page PDF with a text layer (so text extraction finds its words).
"""

import sys
from pathlib import Path

FILES = {
    "sites/26/2023/01/vendimet-janar-2023.pdf": "Vendimet e Kryetarit, janar 2023",
    "sites/26/2023/02/vendimet-shkurt-2023.pdf": "Vendimet e Kryetarit, shkurt 2023",
    "sites/26/2023/02/odluke-februar-2023.pdf": "Odluke predsednika, februar 2023",
    "sites/26/2023/03/vendimet-mars-2023.pdf": "Vendimet e Kryetarit, mars 2023",
    "sites/26/2023/04/procesverbal-konsultimi-taksat.pdf": "Procesverbal i konsultimit",
    "sites/26/2023/05/njoftim-per-media.pdf": "Njoftim per media",
}


def pdf(text):
    """A minimal one-page PDF showing `text` (ASCII) in Helvetica."""
    stream = f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def jpeg(path):
    from PIL import Image

    Image.new("RGB", (64, 48), (30, 90, 150)).save(path, "JPEG", quality=60)


def main(root):
    root = Path(root)
    for relative, text in FILES.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf(text))
    image = root / "sites/26/2023/05/foto-sheshi.jpg"
    jpeg(image)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/wordpress/uploads")
