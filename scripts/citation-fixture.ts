/**
 * `npm run citations:fixture`: read the papers in the team's reference folder beside the checkout
 * (../shared/seeds) and write tests/fixtures/citations.json (tests/citations/fixture.ts): each
 * cited paper's file name, SHA-256 and size, and every passage the game quotes with its section
 * label and a little of the paper around it, sorted and formatted as the prettier check expects.
 * Writes nothing and exits 1 when a quote or section label is not in its paper. `--check` writes
 * nothing and exits 1 when the committed fixture differs from what the papers give.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { buildFixture, FIXTURE_PATH, REGENERATE, SEEDS_DIR } from '../tests/citations/fixture';

async function main(): Promise<void> {
  if (!existsSync(SEEDS_DIR)) {
    console.error(`${SEEDS_DIR} is missing: the papers are needed to write the citation fixture`);
    process.exit(1);
  }
  const { fixture, problems } = buildFixture();
  if (problems.length > 0) {
    console.error(`${problems.length} citation(s) do not match the papers:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  const options = (await resolveConfig(FIXTURE_PATH)) ?? {};
  const text = await format(JSON.stringify(fixture, null, 2), {
    ...options,
    filepath: FIXTURE_PATH,
  });
  const name = relative(process.cwd(), FIXTURE_PATH);
  const current = existsSync(FIXTURE_PATH) ? readFileSync(FIXTURE_PATH, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== text) {
      console.error(`${name} is stale: run ${REGENERATE}`);
      process.exit(1);
    }
    console.log(`${name} is up to date`);
    return;
  }
  if (current === text) {
    console.log(`${name} is up to date`);
    return;
  }
  writeFileSync(FIXTURE_PATH, text);
  const papers = Object.keys(fixture.papers).length;
  console.log(`wrote ${name}: ${fixture.quotes.length} quotes from ${papers} papers`);
}

await main();
