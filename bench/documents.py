"""Documents of a whole meeting: 59 extracts, the list and the minutes, 123 members.

    .venv/bin/python bench/documents.py [--workers N] [--lo-sample N]

The meeting is the example's (Grand Besançon Métropole, 7 October 2021: 123 members,
59 items, windows, proxies, substitutes), its item 19 the example's deliberation with
its annexed agreement, the 58 others generated (votes with and without abstentions,
interested members, a two-page report each).

Registre's route: every document straight to PDF/A-2b tagged with Typst, in one process
per core. The reference, measured in the same run: the route existing deliberation software
takes, the same extracts filled into DOCX templates and converted by LibreOffice headless,
one call per document (a sample) and all documents in one batch call. LibreOffice is not a
dependency of Registre: without it the comparison is skipped and the command to install it
is printed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from registre.core import Item, Vote
from registre.demo import EXAMPLE_EXTRACT
from registre.documents.imported import record_from_path
from registre.documents.model import DeliberationRecord, MeetingRecord
from registre.documents.render import render

TARGET_SECONDS = 5.0
TARGET_RATIO = 10.0

_PARAGRAPH = (
    "Le présent rapport expose les motifs de la décision soumise au Conseil, le cadre juridique "
    "applicable et les conditions financières de l'opération, pour un montant de {amount} € "
    "inscrit au budget de l'exercice. "
)


def meeting_of_59(seed: int = 7) -> MeetingRecord:
    example = record_from_path(EXAMPLE_EXTRACT)
    meeting = example.meeting
    rng = random.Random(seed)
    keys = [m.key for m in meeting.members]
    items, deliberations = [], []
    for number in meeting.order_of_passage:
        if number == 19:
            items.append(meeting.item(19))
            deliberations.append(example.deliberations[0])
            continue
        roll = rng.random()
        if roll < 0.6:
            vote = Vote(unanimous=True)
        else:
            against, abstain = rng.randint(0, 12), rng.randint(0, 15)
            vote = Vote(votes_against=against, abstentions=abstain, unanimous=False)
        interested = frozenset(rng.sample(keys, rng.choice((0, 0, 1, 2)))) if number % 3 == 0 else frozenset()
        title = f"Rapport de la commission sur l'opération n° {number} de l'exercice 2021"
        items.append(Item(number, title, interested, vote, rapporteur="Mme Anne VIGNOT, Présidente"))
        text = "\n\n".join(
            ["### Résumé :"]
            + [
                _PARAGRAPH.format(amount=f"{rng.randint(1, 900) * 1000:,}".replace(",", " ")) * 4
                for _ in range(6)
            ]
        )
        deliberations.append(
            DeliberationRecord(
                number=f"2021/0057{number:02d}",
                item=number,
                title=title,
                rapporteur="Mme Anne VIGNOT, Présidente",
                committee="Finances, ressources humaines et administration générale",
                text=text,
                decision="- **approuve l'opération décrite au rapport ;**\n- **autorise Madame la Présidente à signer "
                "tout document s'y rapportant.**",
                interested=None,
                signatory=example.deliberations[0].signatory,
            )
        )
    # the votes against and abstentions above fix two totals: "for" is what the voters leave
    meeting = replace(meeting, items=tuple(items))
    return MeetingRecord(
        meeting=meeting,
        deliberations=tuple(deliberations),
        chair_title=example.chair_title,
        convened_on=example.convened_on,
    )


_RECORD: MeetingRecord | None = None
_OUT: Path | None = None


def _init(out: str) -> None:
    global _RECORD, _OUT
    _RECORD = meeting_of_59()
    _OUT = Path(out)
    render("list", _RECORD, "pdf")  # warm: fonts and templates loaded once per process


def _job(job: tuple[str, int | None, str]) -> tuple[str, int]:
    kind, index, format = job
    deliberation = _RECORD.deliberations[index] if index is not None else None
    data = render(kind, _RECORD, format, deliberation=deliberation)
    (_OUT / f"{kind}-{index}-{os.getpid()}.{format}").write_bytes(
        data
    )  # written, as LibreOffice writes its PDF
    return f"{kind}-{index}", len(data)


def jobs(record: MeetingRecord, format: str) -> list[tuple[str, int | None, str]]:
    return [("extract", i, format) for i in range(len(record.deliberations))] + [
        ("list", None, format),
        ("minutes", None, format),
    ]


def registre_route(workers: int) -> tuple[float, int, int]:
    record = meeting_of_59()
    todo = jobs(record, "pdf")
    with (
        tempfile.TemporaryDirectory(prefix="registre-bench-") as out,
        ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(out,)) as pool,
    ):
        list(pool.map(_job, [("list", None, "pdf")] * workers))  # start the workers before timing
        start = time.perf_counter()
        results = list(pool.map(_job, todo, chunksize=4))
        elapsed = time.perf_counter() - start
    return elapsed, len(results), sum(size for _, size in results)


def single_process() -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="registre-bench-") as out:
        _init(out)
        todo = jobs(_RECORD, "pdf")
        start, cpu = time.perf_counter(), time.process_time()
        for job in todo:
            _job(job)
        return time.perf_counter() - start, time.process_time() - cpu, len(todo)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def libreoffice_route(binary: str, sample: int) -> dict:
    record = meeting_of_59()
    folder = Path(tempfile.mkdtemp(prefix="registre-bench-lo-"))
    profile = folder / "profile"
    docx_dir, out_dir = folder / "docx", folder / "pdf"
    docx_dir.mkdir()
    out_dir.mkdir()
    start, fill_cpu = time.perf_counter(), time.process_time()
    paths = []
    for kind, index, _ in jobs(record, "docx"):
        deliberation = record.deliberations[index] if index is not None else None
        path = docx_dir / f"{kind}-{index if index is not None else 0:02d}.docx"
        path.write_bytes(render(kind, record, "docx", deliberation=deliberation))
        paths.append(path)
    fill = time.perf_counter() - start
    fill_cpu = time.process_time() - fill_cpu
    # the same output as Registre's: PDF/A-2b ("SelectPdfVersion" 2), tagged
    export = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    base = [
        binary,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        export,
        "--outdir",
        str(out_dir),
    ]
    subprocess.run(
        base + [str(paths[-2])], check=True, capture_output=True
    )  # first start creates the profile
    start, cpu = time.perf_counter(), _children_cpu()
    for path in paths[:sample]:
        subprocess.run(base + [str(path)], check=True, capture_output=True)
    one_by_one = (time.perf_counter() - start) / sample
    one_by_one_cpu = (_children_cpu() - cpu) / sample
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(base + [str(p) for p in paths], check=True, capture_output=True)
    batch = time.perf_counter() - start
    batch_cpu = _children_cpu() - cpu
    converted = len(list(out_dir.glob("*.pdf")))
    shutil.rmtree(folder, ignore_errors=True)
    return {
        "documents": len(paths),
        "fill": fill,
        "one_by_one": one_by_one,
        "batch": batch,
        "converted": converted,
        "fill_cpu": fill_cpu,
        "one_by_one_cpu": one_by_one_cpu,
        "batch_cpu": batch_cpu,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument(
        "--lo-sample", type=int, default=5, help="documents converted one call each by LibreOffice"
    )
    args = parser.parse_args()

    print(f"Séance de 59 questions, 123 membres ; {args.workers} processus sur {os.cpu_count()} cœurs")
    elapsed, count, size = registre_route(args.workers)
    per_document = elapsed / count
    print(
        f"Registre (Typst, PDF/A-2b balisé) : {count} documents en {elapsed:.2f} s "
        f"({per_document * 1000:.0f} ms par document, {size / 1e6:.1f} Mo)"
    )
    alone, alone_cpu, _ = single_process()
    print(
        f"  même travail dans un seul processus : {alone:.2f} s ({alone / count * 1000:.0f} ms par document), "
        f"temps processeur {alone_cpu:.2f} s ({alone_cpu / count * 1000:.0f} ms par document)"
    )
    print(
        f"  charge de la machine (moyenne sur 1 min) : {os.getloadavg()[0]:.2f} pour {os.cpu_count()} cœurs"
    )
    ok = elapsed < TARGET_SECONDS
    print(
        f"  objectif < {TARGET_SECONDS:.0f} s pour les {count} documents : {'atteint' if ok else 'NON ATTEINT'}"
    )

    binary = soffice()
    if binary is None:
        print(
            "LibreOffice absent : comparaison non mesurée. Pour la mesurer :\n"
            "  apt-get install -y libreoffice-writer-nogui\n"
            "(LibreOffice n'est pas une dépendance de Registre ; les tests n'en ont pas besoin.)"
        )
        return 0 if ok else 1
    lo = libreoffice_route(binary, args.lo_sample)
    lo_batch_per_document = lo["batch"] / lo["documents"]
    print(f"Référence (DOCX docxtpl puis LibreOffice headless, {binary}) :")
    print(f"  remplissage des {lo['documents']} DOCX : {lo['fill']:.2f} s")
    print(
        f"  conversion un appel par document ({args.lo_sample} documents) : {lo['one_by_one']:.2f} s par document"
    )
    print(
        f"  conversion en un seul appel : {lo['batch']:.2f} s, {lo_batch_per_document:.2f} s par document "
        f"({lo['converted']} PDF)"
    )
    fill_per_document = lo["fill"] / lo["documents"]
    ratio_one = (lo["one_by_one"] + fill_per_document) / per_document
    ratio_batch = (lo_batch_per_document + fill_per_document) / per_document
    print(
        f"Rapport par document : {ratio_one:.0f}x plus rapide qu'un appel LibreOffice par document, "
        f"{ratio_batch:.0f}x plus rapide que LibreOffice en un seul appel"
    )
    cpu_per_document = alone_cpu / count
    fill_cpu = lo["fill_cpu"] / lo["documents"]
    print(
        f"En temps processeur (insensible à la charge) : LibreOffice {lo['one_by_one_cpu']:.2f} s par appel, "
        f"{lo['batch_cpu'] / lo['documents']:.2f} s par document en un seul appel ; rapports "
        f"{(lo['one_by_one_cpu'] + fill_cpu) / cpu_per_document:.0f}x et "
        f"{(lo['batch_cpu'] / lo['documents'] + fill_cpu) / cpu_per_document:.0f}x"
    )
    ok_ratio = ratio_batch >= TARGET_RATIO
    print(
        f"  objectif >= {TARGET_RATIO:.0f}x (contre l'appel groupé, le plus favorable à LibreOffice) : "
        f"{'atteint' if ok_ratio else 'NON ATTEINT'}"
    )
    return 0 if ok and ok_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
