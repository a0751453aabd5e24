#!/usr/bin/env node
// Entry point for `relais-admin`. The CLI is TypeScript run by Node 24's built-in type
// stripping; refuse older Node with one clear line instead of a cryptic syntax error.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`relais-admin needs Node.js 24 LTS (this is ${process.version}). See README: "Supported Node".\n`);
  process.exit(1);
}
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
