// Validates the packaged manifest against Microsoft's bundled JSON schema for its manifestVersion, offline.
//   node deploy/teams/tools/validate-manifest.js deploy/teams/build/coachbot-teams.zip-extracted/manifest.json
const fs = require("fs");
const path = require("path");
const { ManifestUtil } = require("@microsoft/app-manifest");

(async () => {
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const schemaFile = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build/json-schemas/teams", `v${manifest.manifestVersion}`, "MicrosoftTeams.schema.json");
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const errors = await ManifestUtil.validateManifestAgainstSchema(manifest, schema);
  if (errors.length > 0) {
    console.error(errors.join("\n"));
    process.exit(1);
  }
  console.log(`manifest.json is valid against schema v${manifest.manifestVersion}`);
})();
