"""`doithoai rounds` and `doithoai document`."""

import io

import pytest
from django.core.management import CommandError, call_command

from doithoai.core.rendering.tests.readback import docx_document, pdf_text


def test_rounds_lists_id_title_date(round_):
    out = io.StringIO()
    call_command("rounds", stdout=out)
    lines = out.getvalue().splitlines()
    assert f"{round_.pk}\t{round_.title}\t2016-09-23" in lines


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_document_writes_the_file(round_, tmp_path, fmt):
    from doithoai.demo.dialogues import demo_dialogues

    demo_dialogues(None)
    target = tmp_path / f"plan.{fmt}"
    call_command(
        "document",
        "plan",
        "--round",
        str(round_.pk),
        "--format",
        fmt,
        "--output",
        str(target),
        stdout=io.StringIO(),
    )
    data = target.read_bytes()
    if fmt == "docx":
        assert "Số: 05/KH-UBND" in [
            p.text for p in docx_document(data).tables[0].rows[0].cells[0].paragraphs
        ]
    else:
        assert "KẾ HOẠCH" in pdf_text(data)


def test_document_errors_are_clear(round_, tmp_path, monkeypatch):
    from doithoai.core import document_kinds as registry

    target = tmp_path / "x.docx"
    with pytest.raises(CommandError, match="rounds"):
        call_command("document", "plan", "--round", "999999", "--output", str(target))
    with pytest.raises(CommandError, match="docx"):
        call_command(
            "document",
            "plan",
            "--round",
            str(round_.pk),
            "--format",
            "odt",
            "--output",
            str(target),
        )
    monkeypatch.delitem(registry.BUILDERS, "results")  # as when followup is not installed
    with pytest.raises(CommandError, match="results"):
        call_command("document", "results", "--round", str(round_.pk), "--output", str(target))
    assert not target.exists()


def test_results_kind_uses_the_followup_builder_when_installed(round_, tmp_path):
    pytest.importorskip("doithoai.followup.documents")
    target = tmp_path / "results.docx"
    call_command(
        "document",
        "results",
        "--round",
        str(round_.pk),
        "--output",
        str(target),
        stdout=io.StringIO(),
    )
    assert target.read_bytes().startswith(b"PK")
