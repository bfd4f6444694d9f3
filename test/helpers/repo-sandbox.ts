// A throwaway copy of what `npm run generate` reads (specs, scripts, configs) in a temp dir, with
// node_modules symlinked, so tests can run the generator without touching the real generated/.
import { cp, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/spec-files.js';

const COPIED = [
  'specs',
  'scripts',
  'redocly.yaml',
  'package.json',
  'tsconfig.json',
  '.prettierrc.json',
  '.prettierignore',
];

/** Makes the copy under a fresh `<prefix>XXXXXX` temp dir and returns its path (the caller removes it). */
export async function copyRepositoryForGenerate(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await Promise.all(
    COPIED.map((name) => cp(path.join(repoRoot, name), path.join(dir, name), { recursive: true })),
  );
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
