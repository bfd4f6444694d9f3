// The version rule `npm run check:breaking` enforces: a breaking spec change must ship with a
// package version that says so. Semver: a breaking change needs a major bump; while the package
// is 0.x (semver item 4: anything may change), it needs at least a minor bump, because npm's caret
// ranges (`^0.1.0` = `>=0.1.0 <0.2.0`) treat the minor number of a 0.x version as the major.

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const ORDER: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(bumps: Iterable<Bump>): Bump {
  let result: Bump = 'none';
  for (const bump of bumps) if (ORDER[bump] > ORDER[result]) result = bump;
  return result;
}

export function atLeast(actual: Bump, required: Bump): boolean {
  return ORDER[actual] >= ORDER[required];
}

export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

export function parseVersion(text: string): Version {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(
    text.trim(),
  );
  if (!match) throw new Error(`not a semver version: ${JSON.stringify(text)}`);
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? '',
  };
}

/** Which part of the version went up from `base` to `head` (`none` when it did not go up). */
export function versionBump(base: string, head: string): Bump {
  const a = parseVersion(base);
  const b = parseVersion(head);
  if (b.major !== a.major) return b.major > a.major ? 'major' : 'none';
  if (b.minor !== a.minor) return b.minor > a.minor ? 'minor' : 'none';
  if (b.patch !== a.patch) return b.patch > a.patch ? 'patch' : 'none';
  return 'none';
}

/** The package bump a change of the given impact requires from a package at `baseVersion`. */
export function requiredPackageBump(impact: Bump, baseVersion: string): Bump {
  if (impact === 'major' && parseVersion(baseVersion).major === 0) return 'minor';
  return impact;
}

/** The lowest version carrying `bump` over `base`, e.g. (0.1.0, minor) -> 0.2.0. */
export function nextVersion(base: string, bump: Bump): string {
  const v = parseVersion(base);
  switch (bump) {
    case 'major':
      return `${v.major + 1}.0.0`;
    case 'minor':
      return `${v.major}.${v.minor + 1}.0`;
    case 'patch':
      return `${v.major}.${v.minor}.${v.patch + 1}`;
    default:
      return base;
  }
}

export interface GateResult {
  ok: boolean;
  /** The bump the breaking changes require of package.json's version (`none` if nothing broke). */
  required: Bump;
  /** The bump package.json's version actually carries. */
  actual: Bump;
  /** Lowest version that would pass, when the gate fails. */
  suggestedVersion: string | null;
  /** One line explaining the decision. */
  reason: string;
}

/**
 * The CI gate: only breaking changes (impact `major`) are gated; additions and fixes may ship in
 * any release. `baseVersion` null means the base commit had no package.json: nothing to compare.
 */
export function gateBreakingChanges(input: {
  breaking: boolean;
  baseVersion: string | null;
  headVersion: string;
}): GateResult {
  if (!input.breaking) {
    return {
      ok: true,
      required: 'none',
      actual: input.baseVersion ? versionBump(input.baseVersion, input.headVersion) : 'none',
      suggestedVersion: null,
      reason: 'no breaking change',
    };
  }
  if (input.baseVersion === null) {
    return {
      ok: true,
      required: 'none',
      actual: 'none',
      suggestedVersion: null,
      reason: 'the base commit has no package.json, so there is no released version to protect',
    };
  }
  const required = requiredPackageBump('major', input.baseVersion);
  const actual = versionBump(input.baseVersion, input.headVersion);
  const zeroNote =
    parseVersion(input.baseVersion).major === 0
      ? ' (0.x versions: a breaking change requires at least a minor bump)'
      : '';
  if (atLeast(actual, required)) {
    return {
      ok: true,
      required,
      actual,
      suggestedVersion: null,
      reason: `package.json ${input.baseVersion} -> ${input.headVersion} carries the required ${required} bump${zeroNote}`,
    };
  }
  return {
    ok: false,
    required,
    actual,
    suggestedVersion: nextVersion(input.baseVersion, required),
    reason: `package.json ${input.baseVersion} -> ${input.headVersion} does not carry the required ${required} bump${zeroNote}`,
  };
}
