#!/usr/bin/env bash
# Rewrites the generated parameter tables of docs/config.md from the built binary (the
# integration test Docs.ConfigReferenceMatchesTheParameterTables checks they agree).
# Usage: scripts/update-config-docs.sh [BUILD_DIR]     (default build/release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/${1:-build/release}/tgvc-bench"
doc="$root/docs/config.md"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for what in codecs metrics; do
  "$bin" list "$what" --markdown > "$work/$what.md"
  awk -v begin="<!-- begin: tgvc-bench list $what --markdown -->" -v table="$work/$what.md" '
    $0 == begin { print; while ((getline line < table) > 0) print line; skipping = 1; next }
    skipping && $0 == "<!-- end -->" { skipping = 0 }
    !skipping { print }
  ' "$doc" > "$work/doc" && cp "$work/doc" "$doc"
done
echo "updated $doc"
