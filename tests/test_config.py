"""`config.data_yaml` reads the library's YAML files with libyaml where PyYAML has it:
it must give each of them the very data the pure-Python parser gives."""

import pytest
import yaml

from parley import config

DATA_YAML = sorted(p.name for p in config.DATA_DIR.glob("*.yml"))


def test_there_are_data_files_to_compare():
    assert "codebook.yml" in DATA_YAML and "titles.yml" in DATA_YAML


@pytest.mark.parametrize("name", DATA_YAML)
def test_data_yaml_gives_what_the_pure_python_parser_gives(name):
    pure = yaml.load(config.data_file(name).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    fast = config.data_yaml(name)
    assert fast == pure
    assert repr(fast) == repr(pure)  # the same key order and the same types (1 and 1.0, True and 1 compare equal)
