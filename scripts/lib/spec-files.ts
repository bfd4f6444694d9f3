// Where the specs are and where their outputs go: read from redocly.yaml, the one list of APIs
// that both `redocly lint` and the generator use.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface SpecEntry {
  /** Provider key, e.g. `scp`. */
  name: string;
  /** Absolute path of the spec file. */
  specPath: string;
  /** Absolute path of the openapi-typescript output. */
  typesPath: string;
  /** Absolute path of the derived metadata module. */
  metaPath: string;
  /** Absolute path of the standalone request validators. */
  validatorsPath: string;
  /** Absolute path of the spec as a plain object, for run-time validation (emulators, tests). */
  documentPath: string;
}

interface RedoclyApi {
  root?: string;
  'x-openapi-ts'?: { output?: string };
}

export function readSpecEntries(root = repoRoot): SpecEntry[] {
  const config = parseYaml(readFileSync(path.join(root, 'redocly.yaml'), 'utf8')) as {
    apis?: Record<string, RedoclyApi>;
  };
  const apis = Object.entries(config.apis ?? {});
  if (apis.length === 0) throw new Error('redocly.yaml lists no apis');
  return apis.map(([name, api]) => {
    const output = api['x-openapi-ts']?.output;
    if (!api.root || !output) {
      throw new Error(`redocly.yaml: apis.${name} needs both root and x-openapi-ts.output`);
    }
    const typesPath = path.join(root, output);
    const base = typesPath.replace(/\.ts$/, '');
    return {
      name,
      specPath: path.join(root, api.root),
      typesPath,
      metaPath: `${base}.meta.ts`,
      validatorsPath: `${base}.validators.ts`,
      documentPath: `${base}.document.ts`,
    };
  });
}

export function loadSpec(specPath: string): Record<string, unknown> {
  return parseYaml(readFileSync(specPath, 'utf8')) as Record<string, unknown>;
}
