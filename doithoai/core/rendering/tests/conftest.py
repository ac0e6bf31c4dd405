"""Rendered samples shared by the test modules (rendering a PDF takes a moment)."""

import pytest

from doithoai.core.rendering import render_docx, render_pdf
from doithoai.core.rendering import samples as sample_docs

from .readback import docx_document


@pytest.fixture(scope="session")
def samples():
    return sample_docs


@pytest.fixture(scope="session")
def plan_docx():
    return docx_document(render_docx(sample_docs.sample_plan()))


@pytest.fixture(scope="session")
def plan_pdf() -> bytes:
    return render_pdf(sample_docs.sample_plan())
