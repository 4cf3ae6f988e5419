/**
 * `npm run schema`: write the protocol's JSON Schema documents (server/protocol-schema.ts,
 * generated from the zod schemas the server validates with) to docs/schema/, formatted as the
 * repository's prettier check expects. `--check` writes nothing and exits 1 when a committed file
 * is stale; tests/unit/schema.test.ts runs the same comparison.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { protocolSchemas } from '../server/protocol-schema';

export const SCHEMA_DIR = resolve(import.meta.dirname, '..', 'docs', 'schema');

/** Each docs/schema file's expected text, by file name. */
export async function schemaFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, doc] of Object.entries(protocolSchemas())) {
    const filepath = join(SCHEMA_DIR, name);
    const options = (await resolveConfig(filepath)) ?? {};
    out[name] = await format(JSON.stringify(doc), { ...options, filepath });
  }
  return out;
}

/** Files under docs/schema whose committed text differs from what the schemas generate. */
export async function staleSchemaFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, text] of Object.entries(await schemaFiles())) {
    const file = join(SCHEMA_DIR, name);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(`docs/schema/${name}`);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleSchemaFiles();
    if (stale.length > 0) {
      console.error(`stale JSON Schema: ${stale.join(', ')}: run npm run schema`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, text] of Object.entries(await schemaFiles())) {
    writeFileSync(join(SCHEMA_DIR, name), text);
    console.log(`wrote docs/schema/${name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
