"""The pinned environment is described the same way for pip and for conda, and what it
imports costs what it must."""

import os
import re
import subprocess
import sys
import tomllib

import yaml

from parley import config


def _requirements(lines):
    pins = {}
    for line in lines:
        if m := re.fullmatch(r"([A-Za-z0-9_.\-]+)==([\w.]+)", line.strip()):
            pins[re.sub(r"[-_.]+", "-", m[1]).lower()] = m[2]
    return pins


def test_environment_yml_and_pyproject_pin_the_same_packages():
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    from_pyproject = _requirements(project["dependencies"] + extras["model"] + extras["test"])
    conda = yaml.safe_load((config.PROJECT_ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in conda["dependencies"] if isinstance(d, dict))
    from_conda = _requirements(pip_section)
    assert from_pyproject == from_conda
    assert "python=3.11" in conda["dependencies"]


def test_every_direct_dependency_is_pinned_in_the_lock_file_too():
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    locked = _requirements((config.PROJECT_ROOT / "requirements.lock").read_text().splitlines())
    for name, version in _requirements(project["dependencies"] + project["optional-dependencies"]["test"]).items():
        assert locked.get(name) == version, f"{name} is pinned to {version} but locked at {locked.get(name)}"


def test_publishing_validates_notebooks_without_building_the_iri_parsers():
    """`parley.publish` keeps jsonschema from importing rfc3987_syntax (2 s of Lark parsers at
    import); nbformat still validates, and still refuses a broken notebook."""
    code = (
        "import sys, nbformat, parley.publish.report\n"
        "assert sys.modules.get('rfc3987_syntax') is None, 'rfc3987_syntax was imported'\n"
        "good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1 + 1')])\n"
        "nbformat.validate(good)\n"
        "bad = nbformat.v4.new_notebook(); bad.cells.append({'cell_type': 'code'})\n"
        "try:\n    nbformat.validate(bad)\nexcept nbformat.ValidationError:\n    print('refused')\n"
    )
    # `parley.publish` first, as every Parley process that writes pages imports it
    done = subprocess.run([sys.executable, "-c", "import parley.publish\n" + code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(config.PACKAGE_DIR.parent)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "refused"
