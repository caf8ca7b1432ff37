// Compiles every script named on the command line as Node compiles a CommonJS module, in one process,
// and prints one JSON line for each that does not compile. (One Node start-up instead of one per script.)
"use strict";
const { readFileSync } = require("node:fs");
const { compileFunction } = require("node:vm");

const MODULE_PARAMETERS = ["exports", "require", "module", "__filename", "__dirname"];

for (const file of process.argv.slice(2)) {
  try {
    compileFunction(readFileSync(file, "utf8"), MODULE_PARAMETERS, { filename: file });
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ file, message: `${error.name}: ${error.message}` })}\n`);
  }
}
