// The benchmarks that time cloud-nic's own code load it from dist/ (what `npm run build` emits and
// the package ships), so they measure the JavaScript users run rather than the sources as tsx
// transforms them on the fly. scripts/bench.ts rebuilds dist/ first when it is stale.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../lib/spec-files.js';

/** Imports `dist/src/<name>.js`, typed as the source module it was compiled from. */
export async function builtModule<T>(name: string): Promise<T> {
  const file = path.join(repoRoot, 'dist', 'src', `${name}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return (await import(pathToFileURL(file).href)) as T;
}
