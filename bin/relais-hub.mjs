#!/usr/bin/env node
// Entry point for `relais-hub` (the hub server and its administration), TypeScript run by
// Node 24's type stripping like relais-admin.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`relais-hub needs Node.js 24 LTS (this is ${process.version}).\n`);
  process.exit(1);
}
const { runHubCli } = await import('../hub/cli.ts');
process.exitCode = await runHubCli(process.argv.slice(2));
