"""One run of the generator: pick the regions, build every table, write the set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import contract
from generator.contract import Quarter
from generator.synthetic.context import context_rows
from generator.synthetic.flows import bewijzen_rows, instroom_rows, matches_rows, uitstroom_rows
from generator.synthetic.governance import borging_rows, factoren_rows, kosten_rows
from generator.synthetic.measurements import arbeid_rows, measure, metingen_rows
from generator.synthetic.offer import build_offer, trajecten_rows
from generator.synthetic.output import readme_text, write_csv, write_json, write_text
from generator.synthetic.participants import simulate_participants
from generator.synthetic.regions import RegionSpec, benchmark_regions, example_regions
from generator.synthetic.row_types import Row

DEFAULT_SEED = 2023
DEFAULT_FIRST = Quarter(2023, 1)
DEFAULT_LAST = Quarter(2026, 2)


@dataclass(frozen=True)
class Settings:
    out: Path
    regions: int | None = None
    """None makes the committed example set; a number makes that many benchmark regions."""
    first: Quarter = DEFAULT_FIRST
    last: Quarter = DEFAULT_LAST
    seed: int = DEFAULT_SEED

    def command(self) -> str:
        """The command line that makes this set again (the example set lives in `data`)."""
        out = "data" if self.regions is None else "<map>"
        parts = ["python -m generator.synthetic", f"--out {out}"]
        if self.regions is not None:
            parts.append(f"--regions {self.regions}")
        parts += [f"--first {self.first}", f"--last {self.last}", f"--seed {self.seed}"]
        return " ".join(parts)


def region_specs(settings: Settings) -> list[RegionSpec]:
    if settings.regions is None:
        return example_regions(settings.first)
    return benchmark_regions(settings.regions, settings.first, settings.last, settings.seed)


def region_tables(spec: RegionSpec, last: Quarter, seed: int) -> dict[str, list[Row]]:
    """Every resource of one region, keyed by resource name."""
    offer = build_offer(spec, last, seed)
    people = simulate_participants(spec, offer, last, seed)
    measurements = measure(spec, people, last, seed)
    return {
        "trajecten": trajecten_rows(offer),
        "instroom": instroom_rows(people, offer),
        "uitstroom": uitstroom_rows(people, offer, last),
        "bewijzen": bewijzen_rows(spec, people, offer, seed),
        "matches": matches_rows(spec, people, last, seed),
        "metingen": metingen_rows(measurements),
        "arbeid": arbeid_rows(spec, measurements, last, seed),
        "kosten": kosten_rows(spec, people, last, seed),
        "borging": borging_rows(spec, last, seed),
        "factoren": factoren_rows(spec, last, seed),
        "context": context_rows(spec, last, seed),
    }


def register_rows(specs: list[RegionSpec]) -> list[Row]:
    return [{"regio_id": s.regio_id, "naam": s.naam, "arbeidsmarktregio": s.arbeidsmarktregio,
             "pilot_start": s.pilot_start, "fase": s.fase} for s in specs]


def generate(settings: Settings) -> list[Path]:
    """Write the whole set under `settings.out`; returns the files written."""
    if settings.last < settings.first:
        raise ValueError(f"--last {settings.last} lies before --first {settings.first}")
    specs = region_specs(settings)
    for spec in specs:
        if spec.pilot_start > settings.last:
            raise ValueError(f"{spec.regio_id} would start after --last {settings.last}")
    out = settings.out
    written = [write_csv(out / "regios.csv", contract.field_names(contract.REGISTER),
                         register_rows(specs))]
    for spec in specs:
        folder = out / spec.regio_id
        written.append(write_json(folder / "datapackage.json",
                                  contract.package_descriptor(spec.regio_id, spec.naam)))
        for resource, rows in region_tables(spec, settings.last, settings.seed).items():
            written.append(write_csv(folder / f"{resource}.csv",
                                     contract.field_names(resource), rows))
    written.append(write_text(out / "README.md",
                              readme_text(settings.command(), settings.seed,
                                          [s.naam for s in specs])))
    return written
