"""Lighthouse on the article page, mobile: the median of three runs of each category.

    .venv/bin/python bench/lighthouse.py [--url URL] [--runs 3] [--save DIR]

Without --url, sets up the demo on a temporary data dir and serves it with the
production server (`toasoan setup --demo`, `toasoan serve`), then audits the demo's
sample article (a lead picture, a table, approved comments, the comment form). Needs
`npm ci` (Lighthouse from package.json) and Debian's /usr/bin/chromium. Each run is:

    CHROME_PATH=/usr/bin/chromium node_modules/.bin/lighthouse URL \\
        --chrome-flags="--headless=new --no-sandbox" --form-factor=mobile \\
        --output=json --quiet

Targets (issue 8): performance >= 95, accessibility 100, best practices >= 95, SEO 100.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from demo_server import DemoServer  # noqa: E402

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
TARGETS = {  # category: (lowest acceptable score, how it reads)
    "performance": (95, ">= 95"),
    "accessibility": (100, "100"),
    "best-practices": (95, ">= 95"),
    "seo": (100, "100"),
}


def lighthouse(url):
    command = [str(LIGHTHOUSE), url, "--chrome-flags=--headless=new --no-sandbox",
               "--form-factor=mobile", "--output=json", "--quiet"]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM},
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def failing_audits(report, category):
    """The audits that cost points in `category`: (score, weight, title, value shown)."""
    audits = report["audits"]
    costly = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
            costly.append((audit["score"], ref["weight"], audit["title"],
                           audit.get("displayValue", "")))
    return sorted(costly, key=lambda each: (each[0] - 1) * each[1])


def audit(url, runs, save=None):
    scores = {category: [] for category in TARGETS}
    reports = []
    for run in range(runs):
        report = lighthouse(url)
        reports.append(report)
        if save:
            save.mkdir(parents=True, exist_ok=True)
            (save / f"lighthouse-{run + 1}.json").write_text(json.dumps(report))
        line = []
        for category in TARGETS:
            score = report["categories"][category]["score"]
            scores[category].append(round(score * 100) if score is not None else 0)
            line.append(f"{category} {scores[category][-1]}")
        print(f"run {run + 1}: " + ", ".join(line), file=sys.stderr, flush=True)
    return scores, reports


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="audit this page instead of the demo's sample article")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save", type=Path, help="write each run's JSON report in this folder")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("node_modules/.bin/lighthouse is missing: run `npm ci` first")

    if options.url:
        url = options.url
        scores, reports = audit(url, options.runs, options.save)
    else:
        with DemoServer() as server:
            url = f"{server.url}{server.sample_article_path()}"
            try:
                scores, reports = audit(url, options.runs, options.save)
            except RuntimeError:
                print(f"The server's log:\n{server.log_tail()}", file=sys.stderr)
                raise

    version = reports[0]["lighthouseVersion"]
    agent = reports[0]["environment"]["hostUserAgent"]
    print(f"Lighthouse {version}, mobile, {options.runs} runs, {url}")
    print(f"Browser: {agent}")
    print()
    print("| category | median | runs | target | |")
    print("|---|---|---|---|---|")
    missed = []
    for category, (lowest, target) in TARGETS.items():
        median = statistics.median(scores[category])
        ok = median >= lowest
        if not ok:
            missed.append(category)
        runs = ", ".join(map(str, scores[category]))
        print(f"| {category} | {median:g} | {runs} | {target} | {'met' if ok else 'MISSED'} |")
    for category in missed:
        print(f"\nWhat costs points in {category} (last run):")
        for score, weight, title, shown in failing_audits(reports[-1], category)[:8]:
            print(f"  score {score:.2f} (weight {weight}) {title} {shown}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
