// What an application bundling a provider entry ships (esbuild, as `npm run bench` measures it,
// but from the TypeScript sources): the operations' docs and the request-body keyword checks the
// spec never uses stay out, because nothing the client runs reaches them.
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/spec-files.js';
import * as katapult from '../../generated/katapult.meta.js';
import * as openstack from '../../generated/openstack.meta.js';

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'src', `${entry}.ts`)],
    bundle: true,
    minify: true,
    platform: 'neutral',
    format: 'esm',
    external: ['node:crypto'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('a bundled client', () => {
  it.each([
    ['katapult', katapult.operationDocs],
    ['openstack', openstack.operationDocs],
  ])('%s leaves the operation docs out', async (entry, docs) => {
    const code = await bundle(entry);
    for (const { summary } of Object.values(docs)) expect(code).not.toContain(summary);
    expect(code).not.toContain('errorStatuses');
  });

  it('ships only the request-body keyword checks its spec uses', async () => {
    const katapultCode = await bundle('katapult');
    // Katapult bodies use type, minLength, required, properties and oneOf only.
    expect(katapultCode).toContain('must NOT have additional properties');
    expect(katapultCode).not.toContain('must match pattern');
    expect(katapultCode).not.toContain('must be equal to one of the allowed values');
    // OpenStack's interface tag has a pattern, and Keystone's auth methods an enum.
    const openstackCode = await bundle('openstack');
    expect(openstackCode).toContain('must match pattern');
    expect(openstackCode).toContain('must be equal to one of the allowed values');
  });
});
