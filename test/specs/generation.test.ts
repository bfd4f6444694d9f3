// The committed generated/ files are exactly what the pipeline produces from specs/ (regenerated
// here into a temp dir, so this test never touches the work tree), and a second run is identical.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSpec } from '../../scripts/generate.js';
import { readSpecEntries } from '../../scripts/lib/spec-files.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function generateInto(dir: string, entry: ReturnType<typeof readSpecEntries>[number]) {
  const at = (file: string) => path.join(dir, path.basename(file));
  return generateSpec({
    ...entry,
    typesPath: at(entry.typesPath),
    metaPath: at(entry.metaPath),
    validatorsPath: at(entry.validatorsPath),
    documentPath: at(entry.documentPath),
  });
}

describe.each(readSpecEntries().map((e) => [e.name, e] as const))('%s', (_name, entry) => {
  it('regenerates byte for byte what generated/ holds, and deterministically', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cloud-nic-gen-'));
    dirs.push(dir);
    const first = await generateInto(dir, entry);
    expect(first.length).toBeGreaterThanOrEqual(2);
    for (const { file } of first) {
      const committed = path.join(path.dirname(entry.typesPath), path.basename(file));
      expect(await readFile(file, 'utf8'), `${path.basename(file)} differs: run npm run generate`).toBe(
        await readFile(committed, 'utf8'),
      );
    }
    const second = await generateInto(dir, entry);
    expect(second.every((f) => !f.changed)).toBe(true);
  });

  it('formats types and meta as `prettier --check` (default parser) expects', async () => {
    // The generator formats with the babel-ts parser (faster); `npm run format:check` uses the
    // default typescript parser. generated/ holds exactly the generator's output (test above).
    for (const file of [entry.typesPath, entry.metaPath]) {
      const options = (await prettier.resolveConfig(file)) ?? {};
      const formatted = await prettier.check(await readFile(file, 'utf8'), {
        ...options,
        filepath: file,
      });
      expect(formatted, `${path.basename(file)} is not formatted as prettier --check expects`).toBe(
        true,
      );
    }
  });
});
