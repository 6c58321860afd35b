"""Where a batch's time went: :func:`time_summary`, a few lines per notebook and in all."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def time_summary(results: pd.DataFrame, *, wall: float, jobs: int) -> list[str]:
    """A few lines on where a batch's time went, in seconds.

    Per notebook: the kernel start (until the kernel answered), the whole execution (kernel
    start, the cells, kernel shutdown), the HTML export, and its total (with reading the
    notebook and writing the outputs). Then the sums against the batch's wall time: with
    several jobs the notebooks' times add up to more than the wall time.
    """
    if not len(results):
        return [f"time: {wall:.1f} s, no notebook"]

    def num(value: float) -> str:
        return "-" if pd.isna(value) else f"{value:.1f}"

    width = max(len(Path(n).stem) for n in results["notebook"]) + 2
    lines = [f"{'time (s)':<{width}} {'kernel start':>12} {'execute':>8} {'HTML':>6} {'total':>6}"]
    for row in results.itertuples():
        lines.append(
            f"{'  ' + Path(row.notebook).stem:<{width}} {num(row.kernel_start_seconds):>12} "
            f"{num(row.execute_seconds):>8} {num(row.html_seconds):>6} {num(row.seconds):>6}"
        )
    total = results["seconds"].sum()
    lines.append(
        f"{'  sum':<{width}} {num(results['kernel_start_seconds'].sum()):>12} "
        f"{num(results['execute_seconds'].sum()):>8} {num(results['html_seconds'].sum()):>6} {num(total):>6}"
    )
    gain = f" (sum / wall = {total / wall:.2f})" if wall > 0 else ""
    lines.append(f"  wall {wall:.1f} s with {jobs} job{'s' if jobs != 1 else ''}{gain}")
    return lines
