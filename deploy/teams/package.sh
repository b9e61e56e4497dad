#!/usr/bin/env bash
# Builds the Teams app package (deploy/teams/build/coachbot-teams.zip): manifest.json with the bot's Microsoft App ID
# filled in, plus both icons, all at the root of the zip as Teams requires.
#   TEAMS_APP_ID=<Azure Bot Microsoft App ID> [TEAMS_MANIFEST_ID=<Teams app GUID>] [TEAMS_APP_VERSION=1.0.1] deploy/teams/package.sh
# TEAMS_MANIFEST_ID defaults to the App ID; once published, never change it. Bump TEAMS_APP_VERSION on every upload.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
app_id="${TEAMS_APP_ID:-${1:-}}"
manifest_id="${TEAMS_MANIFEST_ID:-$app_id}"
version="${TEAMS_APP_VERSION:-1.0.0}"
[[ "$app_id" =~ $guid ]] || { echo "TEAMS_APP_ID must be the bot's Microsoft App ID (a GUID), got '${app_id}'" >&2; exit 2; }
[[ "$manifest_id" =~ $guid ]] || { echo "TEAMS_MANIFEST_ID must be a GUID, got '${manifest_id}'" >&2; exit 2; }
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "TEAMS_APP_VERSION must be x.y.z, got '${version}'" >&2; exit 2; }

build="$here/build"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
python3 - "$here/manifest.json" "$stage/manifest.json" "$app_id" "$manifest_id" "$version" <<'PY'
import json, sys
source, target, app_id, manifest_id, version = sys.argv[1:]
manifest = json.load(open(source))
manifest["id"] = manifest_id
manifest["version"] = version
manifest["bots"][0]["botId"] = app_id
json.dump(manifest, open(target, "w"), indent=2, ensure_ascii=False)
PY
cp "$here/color.png" "$here/outline.png" "$stage/"
# Offline schema check when the tools are installed (cd deploy/teams/tools && npm ci).
if command -v node >/dev/null && [ -d "$here/tools/node_modules/@microsoft/app-manifest" ]; then
  node "$here/tools/validate-manifest.js" "$stage/manifest.json"
fi
mkdir -p "$build"
rm -f "$build/coachbot-teams.zip"
# Zip the contents, not the folder: Teams wants manifest.json at the archive root.
python3 -c 'import sys, zipfile, pathlib
stage, out = pathlib.Path(sys.argv[1]), sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for name in ("manifest.json", "color.png", "outline.png"):
        z.write(stage / name, name)' "$stage" "$build/coachbot-teams.zip"
echo "$build/coachbot-teams.zip"
