"""Set-up of the NLTK data (``python -m analysis setup``): install every missing package.

:func:`ensure` copies a missing package from a local mirror (``NLTK_DATA_MIRROR``, by default
``../shared/nltk_data`` when it exists) or else fetches it with NLTK's downloader, into the
first ``NLTK_DATA`` folder or the project's ``.nltk_data``. Finding and loading the data is
:mod:`analysis.nlp.nltk_data`'s; the quick check that spares this module's imports when
nothing is missing is :mod:`analysis.batch.setup_check`.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import nltk
import pandas as pd

from .. import config
from ..nlp.nltk_data import is_installed
from ..nlp.nltk_packages import PACKAGES, Package


def default_mirror() -> Path | None:
    """The mirror named by ``NLTK_DATA_MIRROR``, else ``../shared/nltk_data`` if it exists."""
    env = os.environ.get("NLTK_DATA_MIRROR")
    if env:
        return Path(env)
    return config.DEFAULT_NLTK_MIRROR if config.DEFAULT_NLTK_MIRROR.is_dir() else None


def default_target() -> Path:
    """Where set-up installs: the first ``NLTK_DATA`` folder, else the project's ``.nltk_data``."""
    env = os.environ.get("NLTK_DATA", "")
    first = env.split(os.pathsep)[0] if env else ""
    return Path(first) if first else config.NLTK_DATA_DIR


def _copy_from_mirror(package: Package, mirror: Path, target: Path) -> bool:
    """Copy one package (zip file or folder) from ``mirror`` into ``target``."""
    for candidate in (mirror / package.folder / f"{package.name}.zip", mirror / package.folder / package.name):
        if not candidate.exists():
            continue
        dest = target / package.folder / candidate.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(dest.name + ".partial")
        if tmp.exists():
            shutil.rmtree(tmp) if tmp.is_dir() else tmp.unlink()
        if candidate.is_dir():
            shutil.copytree(candidate, tmp)
        else:
            shutil.copyfile(candidate, tmp)
        _make_private(tmp)
        if dest.exists():
            shutil.rmtree(dest) if dest.is_dir() else dest.unlink()
        os.replace(tmp, dest)
        return True
    return False


def _make_private(path: Path) -> None:
    """Remove group/other write bits: NLTK 3.10 refuses data folders others can write to."""
    paths = [path, *path.rglob("*")] if path.is_dir() else [path]
    for p in paths:
        mode = p.stat().st_mode
        p.chmod((mode | stat.S_IRUSR | stat.S_IWUSR) & ~(stat.S_IWGRP | stat.S_IWOTH))


def ensure(
    packages: list[str] | None = None,
    *,
    mirror: Path | None = None,
    target: Path | None = None,
    download: bool = True,
) -> pd.DataFrame:
    """Install every missing package; return one row per package with what was done.

    Args:
        packages: downloader ids (default: all of :data:`PACKAGES`).
        mirror: local folder laid out like an NLTK data folder (default: :func:`default_mirror`).
        target: folder to install into (default: :func:`default_target`).
        download: use NLTK's downloader for what the mirror lacks.

    Returns:
        DataFrame with columns ``package, status`` where status is one of
        ``present``, ``copied``, ``downloaded`` or ``missing``.
    """
    names = list(PACKAGES) if packages is None else packages
    mirror = default_mirror() if mirror is None else mirror
    target = default_target() if target is None else Path(target)
    if str(target) not in nltk.data.path:
        nltk.data.path.insert(0, str(target))
    rows = []
    for name in names:
        package = PACKAGES[name]
        if is_installed(name):
            status = "present"
        elif mirror is not None and _copy_from_mirror(package, Path(mirror), target):
            status = "copied"
        elif download and _download(name, target):
            status = "downloaded"
        else:
            status = "missing"
        rows.append({"package": name, "status": status})
    return pd.DataFrame(rows, columns=["package", "status"])


def _download(name: str, target: Path) -> bool:
    """Fetch ``name`` with NLTK's downloader; False when that fails (e.g. no network)."""
    try:
        ok = nltk.download(name, download_dir=str(target), quiet=True, raise_on_error=True)
    except Exception:  # the downloader raises many kinds of network errors
        return False
    return bool(ok) and is_installed(name)
