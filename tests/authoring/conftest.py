"""The clean fixture site of the report's tests, copied so a test can break it."""

from __future__ import annotations

import shutil

import pytest

from tests.authoring.report_run import CLEAN


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CLEAN, content)
    return content
