"""`wargame report`, `wargame handouts` and `wargame whatif` from the command line: the files
they write (a PDF's structure checked without any tool; its pages looked at with pdftoppm when
it is installed), their messages for bad input, and the same JSON twice."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from wargame.cli import main

from .conftest import PERSON

PDFTOPPM = shutil.which("pdftoppm")


def pages(pdf: bytes) -> int:
    """The number of pages in a PDF, from its page objects (no PDF library needed)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_report_writes_a_pdf_of_several_pages_and_an_html_file(session_file, tmp_path, capsys):
    pdf, html = tmp_path / "report.pdf", tmp_path / "report.html"
    assert main(["report", str(session_file), "--pdf", str(pdf), "--html", str(html)]) == 0
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert pages(data) >= 4
    text = html.read_text(encoding="utf-8")
    assert "Turn by turn" in text and "Questions for discussion" in text
    assert text.count('src="data:image/png;base64,') == 5
    out = capsys.readouterr()
    assert "written to" in out.out and "every seat's secrets" in out.err


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (Debian's poppler-utils) is not installed")
def test_report_pages_turn_into_images_with_ink(session_file, tmp_path):
    from PySide6.QtGui import QImage

    pdf = tmp_path / "seat.pdf"
    assert main(["report", str(session_file), "--pdf", str(pdf), "--seat", PERSON]) == 0
    subprocess.run(
        [PDFTOPPM, "-r", "30", "-f", "1", "-l", "2", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
        timeout=60,
    )
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == 2
    for path in images:
        image = QImage(str(path))
        inked = sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).lightness() < 200
        )
        assert inked > 100, f"{path.name} is blank"


def test_report_refuses_what_it_cannot_do(session_file, tmp_path, capsys):
    assert main(["report", str(session_file)]) == 2
    assert "--pdf OUT.pdf and/or --html OUT.html" in capsys.readouterr().err
    assert (
        main(["report", str(session_file), "--pdf", str(tmp_path / "x.pdf"), "--seat", "zz"]) == 2
    )
    assert "'zz' is not a seat" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "folder" / "r.pdf"
    assert main(["report", str(session_file), "--pdf", str(missing)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "nothing.wargame"), "--pdf", "x.pdf"]) == 2


def test_handouts_have_a_sheet_per_seat_and_the_facilitators(all_scenarios, tmp_path):
    for name, scenario in all_scenarios.items():
        html = tmp_path / f"{name}.html"
        assert main(["handouts", name, "--html", str(html)]) == 0
        text = html.read_text(encoding="utf-8")
        assert text.count("the facilitator's sheet") == 1
        for spec in scenario.states:
            assert f"{spec.name}: briefing" in text.replace("&#x27;", "'")
            assert all(o.text in text.replace("&#x27;", "'") for o in spec.objectives)
        assert "Threaten sanctions" in text and "One action." in text


def test_handouts_pdf_starts_each_sheet_on_a_new_page(tmp_path):
    pdf = tmp_path / "tutorial.pdf"
    assert main(["handouts", "tutorial_strait", "--pdf", str(pdf)]) == 0
    assert pages(pdf.read_bytes()) >= 5  # the facilitator's sheet and four seats'


def test_whatif_gives_the_same_json_twice_and_shares_that_sum_to_one(
    session_file, tmp_path, capsys
):
    orders = tmp_path / "orders.json"
    orders.write_text(json.dumps([{"kind": "PublicDiplomacy", "target": "borduria"}]))
    outs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        args = ["whatif", str(session_file), "--turn", "4", "--seat", "carpathia"]
        assert (
            main([*args, "--orders", str(orders), "--runs", "2", "--json", str(out), "--quiet"])
            == 0
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    data = json.loads(outs[0])
    for arm in ("recorded", "alternative"):
        shares = data["monte_carlo"][arm]["peak_rung"]
        assert sum(v["share"] for v in shares.values()) == pytest.approx(1)
    printed = capsys.readouterr().out
    assert "highest rung reached:" in printed
    line = next(x for x in printed.splitlines() if "highest rung reached:" in x)
    assert sum(int(p) for p in re.findall(r"(\d+)%", line)) == 100


def test_whatif_explains_bad_input(session_file, tmp_path, capsys):
    assert main(["whatif", str(session_file), "--turn", "99", "--runs", "0"]) == 2
    assert "a played turn, from 1 to 6" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('[{"kind": "Teleport"}]')
    assert (
        main(
            ["whatif", str(session_file), "--turn", "2", "--seat", "dalmora", "--orders", str(bad)]
        )
        == 2
    )
    assert "order 1" in capsys.readouterr().err
    assert main(["whatif", str(session_file), "--turn", "2", "--seat", "dalmora"]) == 2
    assert "go together" in capsys.readouterr().err
