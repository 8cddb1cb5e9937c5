"""Impose a PDF as a booklet: pages in signature order, two per sheet side,
so that the printed sheets, folded once and stapled, read in order.

One signature (saddle stitch): the page count is rounded up to a multiple of
four with blank pages; sheet ``i`` (from 0) carries pages ``n-1-2i`` and ``2i``
on its front and ``2i+1`` and ``n-2-2i`` on its back (counting from 0). Each
sheet side is the original paper turned to landscape, the pages scaled to fit
side by side (A4 pages become A5 on an A4 sheet).
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PageObject, PdfReader, PdfWriter, Transformation


def signature_order(pages: int) -> list[tuple[int, int]]:
    """Pairs of page indexes (left, right) for each sheet side, front then back."""
    n = (pages + 3) // 4 * 4
    order: list[tuple[int, int]] = []
    for i in range(n // 4):
        order.append((n - 1 - 2 * i, 2 * i))
        order.append((2 * i + 1, n - 2 - 2 * i))
    return order


def impose_booklet(source: Path, target: Path) -> None:
    reader = PdfReader(str(source))
    pages = list(reader.pages)
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    sheet_w, sheet_h = height, width  # the same paper, landscape
    scale = min((sheet_w / 2) / width, sheet_h / height)
    x_margin = (sheet_w / 2 - width * scale) / 2
    y_margin = (sheet_h - height * scale) / 2
    writer = PdfWriter()
    for left, right in signature_order(len(pages)):
        sheet = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        for slot, index in enumerate((left, right)):
            if index < len(pages):
                offset = slot * sheet_w / 2 + x_margin
                sheet.merge_transformed_page(pages[index], Transformation().scale(scale).translate(offset, y_margin))
        writer.add_page(sheet)
    tmp = target.with_name(f".{target.name}.partial")
    with open(tmp, "wb") as handle:
        writer.write(handle)
    tmp.replace(target)
