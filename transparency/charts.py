"""Geometry for server-rendered SVG charts (the templates draw them; no JavaScript).

Each chart's numbers are also printed as text in the SVG and in a table beside it.
"""

LABEL_WIDTH = 260
BAR_AREA = 420
ROW_HEIGHT = 34
BAR_HEIGHT = 22


def n(value):
    """A coordinate as SVG wants it, whatever the active language (never "24,5")."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _scale(maximum, length):
    return (length / maximum) if maximum else 0


def stacked_bar_chart(rows):
    """rows: [(label, [(css key, part label, value), ...], total)] → horizontal stacked bars."""
    maximum = max((total for _label, _parts, total in rows), default=0)
    scale = _scale(maximum, BAR_AREA)
    bars = []
    for index, (label, parts, total) in enumerate(rows):
        y = index * ROW_HEIGHT + 8
        x = LABEL_WIDTH
        segments = []
        for key, part_label, value in parts:
            width = round(value * scale, 1)
            if value:
                segments.append(
                    {
                        "key": key,
                        "label": part_label,
                        "value": value,
                        "x": n(x),
                        "width": n(width),
                    }
                )
            x = round(x + width, 1)
        bars.append(
            {
                "label": label,
                "total": total,
                "y": n(y),
                "text_y": n(y + BAR_HEIGHT / 2 + 5),
                "segments": segments,
                "end_x": n(x + 6),
            }
        )
    legend = []
    if rows:
        legend = [(key, part_label) for key, part_label, _value in rows[0][1]]
    return {
        "bars": bars,
        "legend": legend,
        "width": LABEL_WIDTH + BAR_AREA + 60,
        "height": len(rows) * ROW_HEIGHT + 16,
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 8,
    }


def column_chart(items, height=200, column_width=40, gap=12):
    """items: [(label, value)] → vertical columns with the value above and the label below."""
    maximum = max((value for _label, value in items), default=0)
    scale = _scale(maximum, height)
    top = 24
    columns = []
    for index, (label, value) in enumerate(items):
        column_height = round(value * scale, 1)
        x = gap + index * (column_width + gap)
        columns.append(
            {
                "label": label,
                "short_label": label[:3],
                "value": value,
                "x": n(x),
                "center": n(x + column_width / 2),
                "y": n(top + height - column_height),
                "height": n(column_height),
                "value_y": n(top + height - column_height - 6),
            }
        )
    return {
        "columns": columns,
        "width": gap + len(items) * (column_width + gap),
        "height": top + height + 28,
        "baseline": top + height,
        "label_y": top + height + 18,
        "column_width": column_width,
    }
