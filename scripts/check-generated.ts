// `npm run check:generated`: regenerates generated/ from specs/ and fails when the result differs
// from what is committed (modified, deleted or new untracked files all count).
import { execFileSync } from 'node:child_process';
import { generateAll } from './generate.js';
import { repoRoot } from './lib/spec-files.js';

const ok = await generateAll({ lint: false });
if (!ok) process.exit(1);

const status = execFileSync(
  'git',
  ['status', '--porcelain', '--untracked-files=all', '--', 'generated/'],
  {
    cwd: repoRoot,
    encoding: 'utf8',
  },
).trim();

if (status) {
  console.error('\ngenerated/ is out of date with specs/:');
  console.error(status.replace(/^/gm, '  '));
  console.error('\nFix: run `npm run generate` and commit the files under generated/.');
  process.exit(1);
}
console.log('generated/ matches specs/.');
