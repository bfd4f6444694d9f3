// Property tests draw new random cases on every local run, to keep finding what no one thought
// of. Under CI (`CI=true`) they use one fixed seed, so a run is reproducible and a red build
// always points at a failure anyone can replay; `FC_SEED=<n>` picks a seed anywhere (a failing
// run prints the seed it used).
import fc from 'fast-check';

const fromEnv = process.env.FC_SEED;
const seed =
  fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : process.env.CI ? 20261123 : undefined;
if (seed !== undefined) {
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${fromEnv}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
