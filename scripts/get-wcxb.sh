#!/bin/sh
# Fetches the development split of WCXB (github.com/Murrough-Foley/web-content-extraction-benchmark, CC-BY-4.0)
# into DIR, for `npm run bench:quality -- --corpus DIR/dev`. Only dev/ is checked out: the test/ split is held out
# for acceptance and must never be fetched or tuned on. The data stays out of this repository.
set -eu
if [ $# -ne 1 ]; then
  echo "usage: scripts/get-wcxb.sh DIR   (outside this repository, e.g. ../wcxb)" >&2
  exit 1
fi
git clone --depth 1 --filter=blob:none --sparse \
  https://github.com/Murrough-Foley/web-content-extraction-benchmark "$1"
# Cone mode: the top-level files (README.md, evaluate.py, LICENSE) and dev/ only.
git -C "$1" sparse-checkout set dev
echo "WCXB dev split in $1/dev: npm run bench:quality -- --corpus $1/dev"
