"""Charts for pages (SVG) and Word reports (PNG): one code path, matplotlib's Agg backend.

Colours are the Okabe–Ito palette, told apart with the common colour-vision deficiencies;
bars also carry their value as text so that colour never carries meaning alone.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from decimal import Decimal

# Figure objects draw through the Agg canvas without pyplot, whose import alone costs every
# Django start (the URLs import this module) about two seconds.
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from tiepdan.targets.rules import format_number

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
BLUE, ORANGE, GREEN, VERMILION = OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3]


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height), dpi=150)
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=9)
    return fig, ax


def render(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG (for Word) or SVG (for pages)."""
    buffer = io.BytesIO()
    fig.savefig(
        buffer, format=fmt, bbox_inches="tight", metadata={"Date": None} if fmt == "svg" else None
    )
    return buffer.getvalue()


def bars(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    fmt: str = "png",
) -> bytes:
    """Grouped vertical bars, one colour per series, each bar labelled with its count."""
    fig, ax = _figure(6.5, 3.2)
    count = max(len(series), 1)
    width = 0.8 / count
    for index, (name, values) in enumerate(series):
        xs = [i + (index - (count - 1) / 2) * width for i in range(len(labels))]
        drawn = ax.bar(xs, values, width, label=name, color=OKABE_ITO[index % len(OKABE_ITO)])
        ax.bar_label(drawn, labels=[format_number(v) for v in values], fontsize=8, padding=2)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_title(title, fontsize=11)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    highest = max([v for _name, values in series for v in values] or [0])
    ax.set_ylim(0, max(highest * 1.3, 1))  # room above the bars for their labels and the legend
    if len(series) > 1:
        ax.legend(fontsize=8, frameon=False, loc="upper left", ncol=len(series))
    return render(fig, fmt)


def percent_bars(
    labels: Sequence[str],
    values: Sequence[Decimal | None],
    texts: Sequence[str],
    *,
    title: str,
    reference: float = 100,
    fmt: str = "png",
) -> bytes:
    """Horizontal bars of percentages with a dashed line at the plan (100 %)."""
    fig, ax = _figure(6.5, 0.45 * max(len(labels), 2) + 1)
    numbers = [float(v) if v is not None else 0.0 for v in values]
    colours = [BLUE if n >= reference else ORANGE for n in numbers]
    positions = list(range(len(labels)))[::-1]
    drawn = ax.barh(positions, numbers, color=colours)
    ax.bar_label(drawn, labels=list(texts), fontsize=8, padding=3)
    ax.axvline(reference, color="#000000", linestyle="--", linewidth=0.8)
    ax.set_yticks(positions, [_short(label) for label in labels])
    ax.set_xlim(0, max([reference, *numbers]) * 1.2)
    ax.set_title(title, fontsize=11)
    return render(fig, fmt)


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def data_uri(svg: bytes) -> str:
    """An SVG chart as an <img> source: pages keep a strict Content-Security-Policy."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
