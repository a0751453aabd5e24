// Writes docs/config.schema.json, the JSON Schema of the machine configuration file, from the
// zod schema in src/config/configSchema.ts: `node scripts/configSchema.ts`. A unit test fails
// when the committed file and the schema drift apart.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/configSchema.ts';

export const CONFIG_SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'config.schema.json');

export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(CONFIG_SCHEMA_FILE, configSchemaText());
  console.log(`wrote ${path.relative(process.cwd(), CONFIG_SCHEMA_FILE)}`);
}
