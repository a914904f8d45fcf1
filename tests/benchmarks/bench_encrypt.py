"""What encryption costs: build time and published bytes, encrypted against plaintext.

Not a test: it prints a table. Run it with the project's virtualenv:

    .venv/bin/python tests/benchmarks/bench_encrypt.py [--regions 2 20] [--region-passwords 2]

For each data set (the repository's example, `--regions 2`; the synthetic set of
`python -m generator.synthetic`, any other count), in one run on a throwaway Git repository,
with the PDF step off:

- `impactmonitor build --unencrypted-preview` (plaintext), and `impactmonitor build` with
  only the national password: the same pages, so the difference is what encryption adds
  (aim: at most 10%); the encryption stage alone, timed in this process on the plaintext
  folder (compress, encrypt, key derivation);
- `impactmonitor build` with the national password and `--region-passwords` region
  passwords: each region audience is one more (smaller) MkDocs build of its variant;
- bytes published: plaintext folder against encrypted folder (aim: smaller).

Passwords are made up for the run and never printed. Browser timings (login, next page,
search) are `tests/benchmarks/bench_browser_login.py`.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from generator.encrypt.passwords import NATIONAL_ENV, Audience, env_name  # noqa: E402
from generator.encrypt.site import Tree, encrypt_site  # noqa: E402
from tests.benchmarks.bench_site import NO_CHROMIUM, REPO, synthetic_repo, timed  # noqa: E402


def example_repo(folder: Path) -> Path:
    import shutil
    from tests.benchmarks.bench_site import git

    for name in ("data", "indicators", "site_src"):
        shutil.copytree(REPO / name, folder / name)
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "pyproject.toml").write_text("# marks the repository root\n")
    edition = next((folder / "site_src/edities").iterdir())
    held = folder / "edition-aside"
    edition.rename(held)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "example")
    first = git(folder, "rev-parse", "HEAD")
    held.rename(edition)
    meta = edition / "editie.yml"
    text = "\n".join(f"data_ref: {first}" if line.startswith("data_ref:") else line
                     for line in meta.read_text(encoding="utf-8").splitlines())
    meta.write_text(text + "\n", encoding="utf-8")
    git(folder, "add", "-A")
    git(folder, "commit", "-qm", "edition")
    return folder


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def regions_of(repo: Path) -> list[str]:
    lines = (repo / "data/regios.csv").read_text(encoding="utf-8").splitlines()
    column = lines[0].split(",").index("regio_id")
    return [line.split(",")[column] for line in lines[1:] if line]


def measure(repo: Path, region_passwords: int) -> dict[str, str]:
    argv = [sys.executable, "-m", "generator", "build"]
    national = {NATIONAL_ENV: secrets.token_urlsafe(18)}
    regions = regions_of(repo)[:region_passwords]
    with_regions = {**national, **{env_name(r): secrets.token_urlsafe(18) for r in regions}}
    clean = {k: "" for k in os.environ if k.startswith(NATIONAL_ENV)}
    plain = timed([*argv, "--unencrypted-preview", "--out", str(repo / "plain")], repo,
                  {**clean, **NO_CHROMIUM})
    encrypted = timed([*argv, "--out", str(repo / "enc")], repo,
                      {**clean, **NO_CHROMIUM, **national})
    audiences = timed([*argv, "--out", str(repo / "enc-regions")], repo,
                      {**clean, **NO_CHROMIUM, **with_regions})
    start = time.perf_counter()
    stage_out = repo / "stage-only"
    encrypt_site([Tree(Audience(None, national[NATIONAL_ENV]), repo / "plain")], stage_out,
                 site_name="Impactmonitor LLO Collectief", search_languages=["nl"])
    stage = time.perf_counter() - start
    mb = lambda n: f"{n / 1e6:,.1f} MB"  # noqa: E731
    return {
        "plaintext build (wall / CPU)": f"{plain.wall:.1f} s / {plain.cpu:.1f} s",
        "encrypted build, national (wall / CPU)": f"{encrypted.wall:.1f} s / {encrypted.cpu:.1f} s",
        "encryption adds (CPU)": f"{(encrypted.cpu / plain.cpu - 1) * 100:+.1f}%",
        "encryption stage alone": f"{stage:.2f} s ({stage / plain.wall * 100:.1f}% of the build)",
        f"encrypted, national + {len(regions)} regions (wall / CPU)":
            f"{audiences.wall:.1f} s / {audiences.cpu:.1f} s",
        "published bytes, plaintext": mb(size(repo / "plain")),
        "published bytes, encrypted (national)": mb(size(repo / "enc")),
        f"published bytes, encrypted (+{len(regions)} regions)": mb(size(repo / "enc-regions")),
        "ratio encrypted / plaintext": f"{size(repo / 'enc') / size(repo / 'plain'):.2f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regions", type=int, nargs="+", default=[2, 20])
    parser.add_argument("--region-passwords", type=int, default=2)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for count in args.regions:
        with tempfile.TemporaryDirectory(prefix="bench-encrypt-") as scratch:
            folder = Path(scratch) / "repo"
            folder.mkdir()
            repo = example_repo(folder) if count == 2 else synthetic_repo(folder, count)
            figures = measure(repo, args.region_passwords)
        label = "example (2 regions)" if count == 2 else f"synthetic, {count} regions"
        print(f"\n| {label} | |\n|---|---|")
        for what, value in figures.items():
            print(f"| {what} | {value} |")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
