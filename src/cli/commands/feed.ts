import { Command, Option } from 'commander';
import { AppError } from '../../errors.ts';
import { configProblemText } from '../../config/machineConfig.ts';
import { FEED_DATA_FORMATS, type FeedDataFormat } from '../../feed/bundle.ts';
import { feedSettingsOf } from '../../feed/feedPoller.ts';
import { applyFeed, checkFeed, type FeedReport, type FeedSettings } from '../../feed/feedService.ts';
import { generateFeedKeys, loadSigningKey, publishDirectory, type PublishResult } from '../../feed/publish.ts';
import type { CliCommand, CommandContext } from '../command.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_PARTIAL } from '../exitCodes.ts';
import { openStoreForCli } from '../openForCli.ts';
import { emit } from '../output.ts';

// The published directory feed from the command line:
//   coordination:  relais-admin feed keygen --out KEYS/relais-feed
//                  relais-admin directory publish --out \\server\relais\feed --sign KEYS/relais-feed.private.pem
//   workstations:  relais-admin feed check | feed apply   (location and public key from config.json)

export const feedCommand: CliCommand = (program, ctx) => {
  const feed = program
    .command('feed')
    .description('The published directory feed: check and apply the bundle the coordination publishes (location and public key from config.json), make a signing key pair.');

  feed
    .command('check')
    .description('Read and verify the published bundle and show what applying it would change ("+added / ~changed / −removed"). Writes nothing.\nExit codes: 0 up to date or update available, 1 refused, unreachable or not configured.')
    .option('--from <location>', 'read this folder, bundle file or https:// address instead of feed.location')
    .option('--allow-unsigned', 'accept a bundle without a checked signature when config.json has no feed.publicKey (like "allowUnsigned": true, for this run only)')
    .action(async (opts: { from?: string; allowUnsigned?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const settings = settingsFor(ctx, opts.from, opts.allowUnsigned);
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      let report: FeedReport;
      try {
        // --from reads another location: what doctor reports (feed-status.json) is about feed.location only.
        report = await checkFeed(session.database(), settings, { now: new Date(), ...(opts.from ? {} : { dataDir: session.files.dataDir }) });
      } finally {
        session.close();
      }
      const ok = report.state === 'up-to-date' || report.state === 'update-available';
      emit(ctx.io, g.json ?? false, { ok, ...report }, () => humanReport(report, 'check'));
      if (!ok) ctx.io.err(`relais-admin: ${report.problem ?? report.summary}`);
      ctx.setExit(ok ? EXIT_OK : EXIT_FAILED);
    });

  feed
    .command('apply')
    .description('Verify the published bundle again and apply it in one transaction (the directory import); services it no longer lists are deactivated, never deleted. A bad, tampered, unsigned (unless allowUnsigned) or older bundle is refused and the directory is kept.\nExit codes: 0 applied or up to date, 2 applied with some rows rejected, 1 refused (nothing changed).')
    .option('--from <location>', 'read this folder, bundle file or https:// address instead of feed.location')
    .option('--allow-unsigned', 'accept a bundle without a checked signature when config.json has no feed.publicKey (like "allowUnsigned": true, for this run only)')
    .option('--expect-version <n>', 'apply only if the bundle is this version (the one `feed check` showed)', (v) => positiveInt(v, '--expect-version'))
    .action(async (opts: { from?: string; expectVersion?: number; allowUnsigned?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const settings = settingsFor(ctx, opts.from, opts.allowUnsigned);
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      let report: FeedReport;
      try {
        report = await applyFeed(session.database(), settings, {
          now: new Date(),
          dataDir: session.files.dataDir,
          ...(opts.expectVersion !== undefined ? { expectedVersion: opts.expectVersion } : {}),
        });
      } finally {
        session.close();
      }
      const partial = (report.counts?.rejected ?? 0) > 0;
      emit(ctx.io, g.json ?? false, { ok: !partial, ...report }, () => humanReport(report, 'apply'));
      ctx.setExit(partial ? EXIT_PARTIAL : EXIT_OK);
    });

  feed
    .command('keygen')
    .description('Make the coordination\'s Ed25519 key pair: PREFIX.private.pem (owner-only; keep it on the publishing PC, never in config.json) and PREFIX.public.pem, and print the public key line for config.json (feed.publicKey).')
    .requiredOption('--out <prefix>', 'path prefix of the two key files, e.g. D:\\relais-keys\\relais-feed')
    .action((opts: { out: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const keys = generateFeedKeys(opts.out);
      emit(ctx.io, g.json ?? false, { ok: true, ...keys }, () =>
        [
          `Private key (keep it secret, on the publishing PC only): ${keys.privateKeyFile}`,
          `Public key: ${keys.publicKeyFile} (fingerprint ${keys.fingerprint})`,
          'In every workstation\'s config.json:',
          `  "feed": { "location": "…", "publicKey": "${keys.publicKey}" }`,
          `Publish with: relais-admin directory publish --out <folder> --sign ${keys.privateKeyFile}`,
        ].join('\n'),
      );
      ctx.setExit(EXIT_OK);
    });

  for (const sub of feed.commands) sub.exitOverride();
};

/** `relais-admin directory publish`, registered among the directory subcommands. */
export function registerDirectoryPublish(dir: Command, ctx: CommandContext): void {
  dir
    .command('publish')
    .description('Publish the directory for the workstations: a versioned bundle (the HSDS or CSV export + version + SHA-256), signed with --sign. Written atomically; the version is one more than the bundle already there.')
    .requiredOption('--out <bundle>', 'bundle file to write, or the shared folder to write it in (relais-directory.feed.json)')
    .option('--sign <keyfile>', 'Ed25519 private key (PEM) made by `relais-admin feed keygen`')
    .addOption(new Option('--format <format>', 'data format inside the bundle').choices([...FEED_DATA_FORMATS]).default('hsds'))
    .option('--bundle-version <n>', 'version number (default: one more than the bundle at --out, else 1)', (v) => positiveInt(v, '--bundle-version'))
    .option('--publisher <name>', 'who publishes (shown on workstations; default: centreName from config.json)')
    .option('--public', 'leave out professional contacts (for a bundle on a public web address)')
    .action(async (opts: { out: string; sign?: string; format: FeedDataFormat; bundleVersion?: number; publisher?: string; public?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      const signingKey = opts.sign ? loadSigningKey(opts.sign) : null;
      const session = await openStoreForCli(ctx.dataDir(g), ctx);
      let result: PublishResult;
      try {
        result = await publishDirectory(session.database(), {
          out: opts.out,
          format: opts.format,
          now: new Date(),
          publisher: opts.publisher ?? ctx.config().values.centreName,
          public: opts.public ?? false,
          signingKey,
          ...(opts.bundleVersion !== undefined ? { version: opts.bundleVersion } : {}),
        });
      } finally {
        session.close();
      }
      emit(ctx.io, g.json ?? false, { ok: true, ...result }, () =>
        [
          `Published version ${result.version}${result.previousVersion !== null ? ` (was ${result.previousVersion})` : ''}: ${result.services} services, ${result.format.toUpperCase()}, ${(result.bundleBytes / 1024).toFixed(0)} KiB → ${result.file}`,
          `SHA-256 ${result.sha256}; ${result.keyFingerprint ? `signed (key ${result.keyFingerprint})` : 'not signed (workstations with feed.publicKey will refuse it)'}.`,
        ].join('\n'),
      );
      ctx.setExit(EXIT_OK);
    });
}

function positiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) throw new AppError('InvalidInput', 'cli.wholeNumber', { option: name, value: JSON.stringify(v) });
  return n;
}

function settingsFor(ctx: CommandContext, from: string | undefined, allowUnsigned = false): FeedSettings {
  const config = ctx.config();
  if (config.safeMode) {
    throw new AppError('InvalidInput', 'config.feedWaits', { problem: configProblemText(config) });
  }
  const settings = feedSettingsOf(config);
  // Signed bundles only unless config.json or this command says so in words (issue 12).
  const opted = allowUnsigned ? { ...settings, allowUnsigned: true } : settings;
  return from ? { ...opted, location: from } : opted;
}

function humanReport(r: FeedReport, what: 'check' | 'apply'): string {
  const lines = [`Directory feed: ${r.location ?? '(not configured)'}`];
  lines.push(`Applied on this PC: ${r.appliedVersion !== null ? `version ${r.appliedVersion}` : 'no published version yet'}`);
  if (r.available) {
    const a = r.available;
    const sig = a.signature === 'verified' ? `signature verified (${a.keyFingerprint})` : a.signature === 'unsigned' ? 'unsigned' : `signed (${a.keyFingerprint}) but not checked: no feed.publicKey on this PC`;
    lines.push(`Published: version ${a.version}, ${a.publishedAt}${a.publisher ? `, by ${a.publisher}` : ''}, ${a.format.toUpperCase()}, ${sig}`);
  }
  lines.push(r.summary);
  if (r.counts?.rejected) lines.push(`${r.counts.rejected} rows of the bundle were rejected (run \`relais-admin directory import --dry-run\` on its data to see why).`);
  if (what === 'check' && r.state === 'update-available' && r.available) lines.push(`Apply with: relais-admin feed apply --expect-version ${r.available.version}`);
  return lines.join('\n');
}
