#!/usr/bin/env bash
# Seeds the fuzz corpus (gitignored) with the seed articles from tests/fixtures, plus a few small odd inputs.
# Usage: fuzz/seed-corpus.sh
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/analyze
cp ../tests/fixtures/*.txt corpus/analyze/
# Each article's first paragraphs alone: short inputs mutate faster.
for f in ../tests/fixtures/*.txt; do
  head -c 1200 "$f" > "corpus/analyze/head-$(basename "$f")"
done
printf '“A,” he said. “B.”\n“C” — said Mr. X.\n' > corpus/analyze/odd-1.txt
printf 'According to officials, "it is \xe2\x80\x9cfine\xe2\x80\x9d," she told reporters:\r\n\x27yes\x27' > corpus/analyze/odd-2.txt
echo "corpus/analyze: $(ls corpus/analyze | wc -l) files"
