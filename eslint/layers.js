// The layers of src/, written once. A file may import from its own unit, from a unit of a
// lower rank, or from a peer unit of the same rank as long as no cycle forms; anything else is
// refused by the `layers/order` rule below, which also refuses file-level import cycles.
// tests/unit/layerOrder.test.ts proves it bites. docs/architecture.md draws the same order.
//
// Units are matched by the first glob that fits (file entries before folders). A top-level
// folder of src/ not listed here is a domain module (rank 5): a new domain needs no edit here,
// a new layer does.
import fs from 'node:fs';
import path from 'node:path';

export const LAYERS = [
  { rank: 0, name: 'leaves', units: { domain: ['src/domain/'], platform: ['src/platform/'], log: ['src/log/'] } },
  {
    rank: 1,
    name: 'errors & schemas',
    // Pure zod schemas that live beside the module that owns them are schemas all the same.
    units: { errors: ['src/errors.ts'], schemas: ['src/schemas/', 'src/config/configSchema.ts', 'src/directory/serviceSchema.ts', 'src/directory/languages.ts'] },
  },
  { rank: 2, name: 'contract', units: { contract: ['src/contract/'] } },
  { rank: 3, name: 'store & config', units: { store: ['src/store/'], config: ['src/config/'] } },
  { rank: 4, name: 'services', units: { services: ['src/services/'] } },
  {
    rank: 5,
    name: 'domain modules',
    units: {
      directory: ['src/directory/'],
      calls: ['src/calls/'],
      callbacks: ['src/callbacks/'],
      reports: ['src/reports/'],
      access: ['src/access/'],
      feed: ['src/feed/'],
      retention: ['src/retention/'],
      sync: ['src/sync/'],
      guard: ['src/guard/'],
      hub: ['src/hub/'],
    },
  },
  { rank: 6, name: 'handlers', units: { handlers: ['src/handlers/'] } },
  { rank: 7, name: 'router', units: { router: ['src/router/'] } },
  { rank: 8, name: 'app', units: { app: ['src/app/'] } },
  { rank: 9, name: 'cli', units: { cli: ['src/cli/'] } },
];

const DOMAIN_RANK = 5;
const entries = LAYERS.flatMap((l) => Object.entries(l.units).flatMap(([unit, globs]) => globs.map((g) => ({ g, unit, rank: l.rank }))))
  // Files before folders, longer prefixes first.
  .sort((a, b) => Number(b.g.endsWith('.ts')) - Number(a.g.endsWith('.ts')) || b.g.length - a.g.length);

/** The unit and rank of a repo-relative posix path under src/, or null outside src/. */
export function unitOf(file) {
  if (!file.startsWith('src/')) return null;
  for (const e of entries) if (e.g.endsWith('.ts') ? file === e.g : file.startsWith(e.g)) return { unit: e.unit, rank: e.rank };
  const top = file.slice(4).split('/');
  return top.length > 1 ? { unit: top[0], rank: DOMAIN_RANK } : { unit: file, rank: DOMAIN_RANK };
}

const SPEC = /(?:^|[\s;])(import|export)(\s+type)?\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

function resolveSpec(fromFile, spec) {
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
}

let cached = null;
/** The import graph of src/ as on disk (files and units), built once per lint run. */
function graphOf(root) {
  if (cached && cached.root === root) return cached;
  const files = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.ts')) {
        const text = fs.readFileSync(path.join(root, rel), 'utf8');
        const found = [...text.matchAll(SPEC)].map((m) => ({ target: resolveSpec(rel, m[3] ?? m[4]), typeOnly: Boolean(m[2]) })).filter((t) => t.target.startsWith('src/'));
        files.set(rel, { all: found.map((t) => t.target), runtime: found.filter((t) => !t.typeOnly).map((t) => t.target) });
      }
    }
  };
  walk('src');
  cached = { root, files };
  return cached;
}

/** A path from `start` to `goal` in the graph (edges of `skip` left out), or null. */
function pathBetween(edgesOf, start, goal, skip) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length) {
    const trail = queue.shift();
    const last = trail[trail.length - 1];
    if (last === goal) return trail;
    if (last === skip) continue;
    for (const next of edgesOf(last)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...trail, next]);
      }
    }
  }
  return null;
}

const order = {
  meta: {
    type: 'problem',
    docs: { description: 'src/ imports follow the declared layers (eslint/layers.js) and form no cycle' },
    schema: [],
    messages: {
      upward: '{{from}} ({{fromLayer}}) may not import {{to}} ({{toLayer}}): a layer imports only from lower ones (eslint/layers.js).',
      unitCycle: '{{from}} → {{to}} closes a cycle between modules: {{cycle}}.',
      fileCycle: 'Import cycle: {{cycle}}.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = unitOf(file);
    if (!from) return {};
    const layerName = (rank) => LAYERS.find((l) => l.rank === rank)?.name ?? `rank ${rank}`;

    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolveSpec(file, spec);
      const to = unitOf(target);
      if (!to) return;
      if (to.rank > from.rank) {
        context.report({ node, messageId: 'upward', data: { from: from.unit, fromLayer: layerName(from.rank), to: to.unit, toLayer: layerName(to.rank) } });
        return;
      }
      const { files } = graphOf(root);
      if (to.unit !== from.unit && to.rank === from.rank) {
        // Peers may import each other one way only.
        const unitEdges = (u) => {
          const out = new Set();
          for (const [f, targets] of files) {
            if (f === file || unitOf(f)?.unit !== u) continue;
            for (const t of targets.all) {
              const tu = unitOf(t)?.unit;
              if (tu && tu !== u) out.add(tu);
            }
          }
          return out;
        };
        const back = pathBetween(unitEdges, to.unit, from.unit);
        if (back) {
          context.report({ node, messageId: 'unitCycle', data: { from: from.unit, to: to.unit, cycle: [from.unit, ...back].join(' → ') } });
          return;
        }
      }
      // A file cycle counts runtime imports only: `import type` is erased, so it closes none.
      if (node.importKind === 'type' || node.exportKind === 'type') return;
      const back = pathBetween((f) => (f === file ? [] : (files.get(f)?.runtime ?? [])), target, file);
      if (back) context.report({ node, messageId: 'fileCycle', data: { cycle: [file, ...back].join(' → ') } });
    }

    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export const layersPlugin = { rules: { order } };
