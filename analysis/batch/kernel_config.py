"""Quiet kernels outside the batch: the IPython kernel configuration of this environment.

A notebook run with papermill directly (``papermill notebooks/06_your_article.ipynb mine.ipynb``)
or opened in JupyterLab gets an ordinary kernel, which logs two lines that alarm a reader and
say nothing about the notebook:

* "Kernel is running over TCP without encryption..." (``ipykernel.kernelapp``, when the
  kernel manager gave it TCP ports on the local machine: papermill's default);
* "KeyboardInterrupt caught in kernel" (``ipykernel.kernelbase``): ``jupyter_client`` sends
  an interrupt before it asks a kernel to shut down, and a kernel still finishing its last
  reply logs it.

Every kernel of a Python environment reads ``<environment>/etc/ipython/ipython_kernel_config.py``
(IPython's environment-wide configuration) before it opens its sockets.
:func:`write_kernel_config`, run by ``python -m analysis setup`` (and so by every ``make``
target), writes there a logging filter that drops exactly these two messages from the
kernel's log; every other message still shows. The batch's own kernels need none of this
(they talk over local sockets and are not interrupted at shutdown;
:mod:`analysis.batch.report.engine`).
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The start of each kernel log message the filter drops.
QUIET_MESSAGES = ("Kernel is running over TCP without encryption", "KeyboardInterrupt caught in kernel")

#: The configuration file, in the environment's folder.
CONFIG_NAME = "ipython_kernel_config.py"

MARKER = "# mediaframes: quiet kernels"

CONFIG_TEXT = f'''{MARKER} (written by python -m analysis setup; analysis/batch/kernel_config.py)
# Drops two kernel log lines that say nothing about a notebook: "Kernel is running over TCP
# without encryption" (the kernel uses local TCP ports) and "KeyboardInterrupt caught in kernel"
# (the interrupt jupyter_client sends before it shuts a kernel down). Every other message shows.
import logging as _logging


class _QuietKernelLog(_logging.Filter):
    def filter(self, record):
        return not str(record.msg).startswith({QUIET_MESSAGES!r})


for _name in ("IPKernelApp", "ipykernel", "ipykernel.kernelbase", "ipykernel.kernelapp"):
    _logging.getLogger(_name).addFilter(_QuietKernelLog())
'''


def config_path(prefix: str | Path | None = None) -> Path:
    """Where this environment's kernels read their configuration (``<prefix>/etc/ipython``)."""
    return Path(sys.prefix if prefix is None else prefix) / "etc" / "ipython" / CONFIG_NAME


def write_kernel_config(prefix: str | Path | None = None) -> str:
    """Write the quiet-kernel configuration for the environment at ``prefix`` (default: this one).

    A configuration file of the user's own there is kept: the filter is added at its end once.

    Returns:
        ``"written"``, ``"present"`` (already there) or ``"not writable: <reason>"``.
    """
    path = config_path(prefix)
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
        if MARKER in existing:
            return "present"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = existing + ("\n\n" if existing and not existing.endswith("\n\n") else "") + CONFIG_TEXT
        tmp = path.with_name(path.name + ".partial")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as err:
        return f"not writable: {err.strerror or err}"
    return "written"
