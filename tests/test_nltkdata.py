"""NLTK data set-up: presence checks, copying from a mirror, and the missing-data message."""

from __future__ import annotations

import stat
from pathlib import Path

import nltk
import pytest

from analysis.batch import setup as nltksetup
from analysis.nlp import nltk_data as nltkdata
from analysis.nlp import text


@pytest.fixture
def isolated_nltk_path(monkeypatch, tmp_path):
    """NLTK sees only an empty folder; loader caches are cleared around the test."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(nltk.data, "path", [str(empty)])
    text.punkt_tokenizer.cache_clear()
    yield empty
    text.punkt_tokenizer.cache_clear()


def _fake_mirror(root: Path) -> Path:
    """A mirror holding a folder package and a zip package, laid out like NLTK's."""
    real = Path(nltk.data.find("tokenizers/punkt_tab/english/")).parent
    import shutil

    shutil.copytree(real, root / "tokenizers" / "punkt_tab")
    zipped = next(Path(p) / "corpora" / "stopwords.zip" for p in nltk.data.path if (Path(p) / "corpora" / "stopwords.zip").is_file())
    (root / "corpora").mkdir(parents=True)
    shutil.copyfile(zipped, root / "corpora" / "stopwords.zip")
    return root


def test_every_package_is_present_after_setup():
    missing = [name for name in nltkdata.PACKAGES if not nltkdata.is_installed(name)]
    assert missing == []


def test_missing_package_raises_one_clear_error(isolated_nltk_path):
    with pytest.raises(nltkdata.MissingNLTKDataError) as info:
        text.split_sentences("One sentence. Two sentences.")
    message = str(info.value)
    assert "punkt_tab" in message
    assert "python -m analysis setup" in message
    assert info.value.package == "punkt_tab"


def test_ensure_copies_missing_packages_from_mirror(tmp_path, monkeypatch):
    mirror = _fake_mirror(tmp_path / "mirror")
    target = tmp_path / "target"
    monkeypatch.setattr(nltk.data, "path", [])
    table = nltksetup.ensure(["punkt_tab", "stopwords", "names"], mirror=mirror, target=target, download=False)
    assert table.set_index("package")["status"].to_dict() == {
        "punkt_tab": "copied",
        "stopwords": "copied",
        "names": "missing",  # not in this mirror, and downloading is off
    }
    assert (target / "tokenizers" / "punkt_tab" / "english").is_dir()
    assert (target / "corpora" / "stopwords.zip").is_file()
    assert nltkdata.is_installed("punkt_tab") and nltkdata.is_installed("stopwords")
    # NLTK 3.10 refuses data that other accounts can write to
    for path in [target / "corpora" / "stopwords.zip", *(target / "tokenizers").rglob("*")]:
        assert not path.stat().st_mode & (stat.S_IWGRP | stat.S_IWOTH), path
    assert not list(target.rglob("*.partial"))


def test_ensure_reports_present_packages_without_copying(tmp_path):
    table = nltksetup.ensure(["punkt_tab"], mirror=tmp_path / "nowhere", target=tmp_path / "t", download=False)
    assert table["status"].tolist() == ["present"]
    assert not (tmp_path / "t" / "tokenizers").exists()


def test_mirror_and_target_defaults_follow_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NLTK_DATA_MIRROR", str(tmp_path / "m"))
    monkeypatch.setenv("NLTK_DATA", f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    assert nltksetup.default_mirror() == tmp_path / "m"
    assert nltksetup.default_target() == tmp_path / "a"


def test_importing_the_package_never_downloads():
    """A fresh interpreter imports every module with the downloader booby-trapped."""
    import subprocess
    import sys

    code = (
        "import nltk\n"
        "def refuse(*a, **k): raise SystemExit('downloader called at import')\n"
        "nltk.download = refuse\n"
        "import importlib, pkgutil, analysis\n"
        "names = [m.name for m in pkgutil.iter_modules(analysis.__path__) if m.name != '__main__']\n"
        "assert len(names) >= 10, names\n"
        "for name in names: importlib.import_module('analysis.' + name)\n"
        "print('imported')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "imported"


def _layout(root: Path, packages, *, mode: int = 0o755) -> Path:
    """Empty stand-ins laid out as set-up installs them: folder packages as folders, the rest zipped."""
    from analysis.nlp.nltk_packages import PACKAGES

    for name in packages:
        package = PACKAGES[name]
        relative = package.files()[0]
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if relative.endswith(".zip") or name in ("stopwords", "words"):
            path = root / package.files()[-1]
            path.write_bytes(b"PK")
        else:
            path.mkdir(parents=True, exist_ok=True)
        path.chmod(mode if path.is_dir() else mode & 0o666)
    return root


def test_the_quick_check_finds_packages_where_setup_puts_them(tmp_path, monkeypatch):
    from analysis import config
    from analysis.batch import setup_check
    from analysis.nlp import nltk_packages as nltkpackages

    monkeypatch.setattr(config, "NLTK_DATA_DIR", tmp_path / "project")
    monkeypatch.setenv("NLTK_DATA", str(tmp_path / "env"))
    names = list(nltkpackages.PACKAGES)
    assert not setup_check.ready_in_usual_places()
    _layout(tmp_path / "project", names[:4])
    _layout(tmp_path / "env", names[4:-1])
    assert not setup_check.ready_in_usual_places()  # the last one is nowhere
    assert setup_check.ready_in_usual_places(names[:-1])
    _layout(tmp_path / "env", names[-1:], mode=0o775)  # writable by the group: NLTK would refuse it
    assert not setup_check.ready_in_usual_places()
    (tmp_path / "env" / nltkpackages.PACKAGES[names[-1]].files()[0]).chmod(0o755)
    assert setup_check.ready_in_usual_places()


def test_the_quick_check_agrees_with_nltk_on_this_machine():
    from analysis.batch import setup_check

    if setup_check.ready_in_usual_places():
        assert all(nltkdata.is_installed(name) for name in nltkdata.PACKAGES)


def test_setup_with_everything_in_place_answers_without_importing_nltk(tmp_path):
    import subprocess
    import sys

    from analysis.batch import setup_check

    if not setup_check.ready_in_usual_places():
        pytest.skip("the NLTK data lies outside the project's folder and NLTK_DATA")
    code = "import sys; from analysis.batch import cli; code = cli.main(['setup']); print('nltk' in sys.modules, 'pandas' in sys.modules, code)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["NLTK data ready (9 packages; 0 installed now).", "False False 0"]


def test_setup_asks_nltk_when_the_quick_check_cannot_say_yes(monkeypatch, capsys):
    from analysis.batch import cli, setup_check

    monkeypatch.setattr(setup_check, "ready_in_usual_places", lambda packages=None: False)
    asked = []
    real = nltksetup.ensure
    monkeypatch.setattr(nltksetup, "ensure", lambda **kw: asked.append(kw) or real(download=False, mirror=None))
    assert cli.main(["setup", "--no-download"]) == 0
    assert asked and "NLTK data ready (9 packages; 0 installed now)." in capsys.readouterr().out
