// Which inputs each provider can take, and the checks that refuse the others before anything is
// sent. The table is also the one in the README ("NIC API").
import { ValidationError, type ProviderKey, type ValidationIssue } from '../core/errors.js';
import type {
  AttachInterfaceInput,
  DetachInterfaceInput,
  PollOptions,
  WaitForInterfaceInput,
} from './types.js';

/** Attach inputs that only some providers take. */
export type ProviderInput =
  | 'networkId'
  | 'subnetId'
  | 'portId'
  | 'fixedIp'
  | 'tag'
  | 'securityGroups'
  | 'virtualNetworkId'
  | 'speedProfile'
  | 'huaweiApi';

/** Detach inputs that only some providers take. */
export type ProviderDetachInput = 'deleteNic' | 'huaweiApi';

/** The providers that accept each input (anything else is a ValidationError, nothing sent). */
export const NIC_INPUTS: Readonly<Record<ProviderInput, readonly ProviderKey[]>> = {
  networkId: ['huawei', 'openstack', 'rackspace', 'katapult'],
  subnetId: ['scp'],
  portId: ['scp', 'huawei', 'openstack'],
  fixedIp: ['scp', 'huawei', 'openstack'],
  tag: ['openstack'],
  securityGroups: ['huawei'],
  virtualNetworkId: ['katapult'],
  speedProfile: ['katapult'],
  huaweiApi: ['huawei'],
};

export const NIC_DETACH_INPUTS: Readonly<Record<ProviderDetachInput, readonly ProviderKey[]>> = {
  deleteNic: ['katapult'],
  huaweiApi: ['huawei'],
};

/** What names the attachment target per provider: exactly one of these is required. */
export const NIC_TARGETS: Readonly<Record<ProviderKey, readonly ProviderInput[]>> = {
  scp: ['subnetId', 'portId'],
  huawei: ['networkId', 'portId'],
  openstack: ['networkId', 'portId'],
  rackspace: ['networkId'],
  katapult: ['networkId', 'virtualNetworkId'],
};

/** Why a provider refuses an input, for the error message. */
const WHY: Partial<Record<ProviderInput, Partial<Record<ProviderKey, string>>>> = {
  networkId: { scp: 'SCP attaches by subnetId or portId' },
  subnetId: {
    huawei: "give the VPC subnet's network ID as networkId (Huawei's v1 call names it subnet_id)",
    openstack: 'Nova attaches by networkId (net_id) or portId',
    rackspace: 'Rackspace attaches by networkId',
    katapult: 'Katapult attaches by networkId or virtualNetworkId',
  },
  portId: {
    rackspace: 'Rackspace creates its virtual interfaces itself, by network',
    katapult: 'Katapult creates its NICs itself, by network',
  },
  fixedIp: {
    rackspace: 'Rackspace assigns the addresses of a virtual interface itself',
    katapult: 'Katapult NICs get their addresses from the network',
  },
  tag: { huawei: 'Huawei documents no interface tag' },
  securityGroups: {
    openstack: 'set them on the Neutron port and attach it by portId',
  },
};

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function checkTiming(input: PollOptions, issues: ValidationIssue[]): void {
  for (const key of ['timeoutMs', 'initialDelayMs', 'maxDelayMs', 'factor'] as const) {
    const value = input[key];
    if (value !== undefined && !(typeof value === 'number' && value >= 0 && value < Infinity)) {
      issues.push({ path: key, message: 'must be a non-negative finite number' });
    }
  }
}

function refuse(
  provider: ProviderKey,
  name: string,
  accepted: readonly ProviderKey[],
  why?: string,
) {
  return {
    path: name,
    message: `is not accepted by ${provider}${why ? `: ${why}` : ''} (accepted by ${accepted.join(', ')})`,
  };
}

function requireIds(
  input: { serverId?: unknown; interfaceId?: unknown },
  names: ('serverId' | 'interfaceId')[],
  issues: ValidationIssue[],
): void {
  for (const name of names) {
    if (!isText(input[name]))
      issues.push({ path: name, message: 'is required (a non-empty string)' });
  }
}

function fail(provider: ProviderKey, operation: string, issues: ValidationIssue[]): void {
  if (issues.length) throw new ValidationError({ provider, operation, issues });
}

/** Refuses an attach input the provider cannot take, or a combination it cannot express. */
export function validateAttachInput(provider: ProviderKey, input: AttachInterfaceInput): void {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null) {
    fail(provider, 'attachInterface', [{ path: 'input', message: 'must be an object' }]);
    return;
  }
  requireIds(input, ['serverId'], issues);
  const given = (name: ProviderInput) => input[name] !== undefined;
  for (const name of Object.keys(NIC_INPUTS) as ProviderInput[]) {
    if (!given(name)) continue;
    const accepted = NIC_INPUTS[name];
    if (!accepted.includes(provider)) {
      issues.push(refuse(provider, name, accepted, WHY[name]?.[provider]));
    }
  }
  for (const name of [
    'networkId',
    'subnetId',
    'portId',
    'fixedIp',
    'tag',
    'virtualNetworkId',
    'speedProfile',
  ] as const) {
    if (given(name) && !isText(input[name])) {
      issues.push({ path: name, message: 'must be a non-empty string' });
    }
  }
  if (given('huaweiApi') && input.huaweiApi !== 'v1' && input.huaweiApi !== 'nova') {
    issues.push({ path: 'huaweiApi', message: "must be 'v1' or 'nova'" });
  }
  if (
    given('securityGroups') &&
    !(Array.isArray(input.securityGroups) && input.securityGroups.every(isText))
  ) {
    issues.push({ path: 'securityGroups', message: 'must be a list of security group IDs' });
  }
  if (issues.length === 0) {
    const targets = NIC_TARGETS[provider].filter(given);
    if (targets.length !== 1) {
      issues.push({
        path: NIC_TARGETS[provider].join('|'),
        message:
          targets.length === 0
            ? `one of ${NIC_TARGETS[provider].join(', ')} is required`
            : `give only one of ${targets.join(', ')}`,
      });
    }
    if (given('fixedIp') && given('portId')) {
      issues.push({
        path: 'fixedIp',
        message: 'cannot be given with portId (the port has its addresses)',
      });
    }
    if (given('securityGroups')) {
      if (input.huaweiApi === 'nova') {
        issues.push({
          path: 'securityGroups',
          message: "is not accepted by huawei with huaweiApi 'nova' (only by the native v1 API)",
        });
      } else if (given('portId')) {
        issues.push({
          path: 'securityGroups',
          message: 'cannot be given with portId (the port keeps its own groups)',
        });
      }
    }
  }
  if (input.ifAbsent !== undefined && typeof input.ifAbsent !== 'boolean') {
    issues.push({ path: 'ifAbsent', message: 'must be true or false' });
  }
  if (input.wait !== undefined && typeof input.wait !== 'boolean') {
    issues.push({ path: 'wait', message: 'must be true or false' });
  }
  checkTiming(input, issues);
  fail(provider, 'attachInterface', issues);
}

export function validateDetachInput(provider: ProviderKey, input: DetachInterfaceInput): void {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null) {
    fail(provider, 'detachInterface', [{ path: 'input', message: 'must be an object' }]);
    return;
  }
  requireIds(input, ['serverId', 'interfaceId'], issues);
  for (const name of Object.keys(NIC_DETACH_INPUTS) as ProviderDetachInput[]) {
    if (input[name] === undefined) continue;
    const accepted = NIC_DETACH_INPUTS[name];
    if (!accepted.includes(provider)) {
      issues.push(
        refuse(
          provider,
          name,
          accepted,
          name === 'deleteNic' ? 'only Katapult keeps a NIC after it is detached' : undefined,
        ),
      );
    }
  }
  if (input.huaweiApi !== undefined && input.huaweiApi !== 'v1' && input.huaweiApi !== 'nova') {
    issues.push({ path: 'huaweiApi', message: "must be 'v1' or 'nova'" });
  }
  checkTiming(input, issues);
  fail(provider, 'detachInterface', issues);
}

export function validateReadInput(
  provider: ProviderKey,
  operation: string,
  input: { serverId?: unknown; interfaceId?: unknown; huaweiApi?: unknown },
  withInterface: boolean,
): void {
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null) {
    fail(provider, operation, [{ path: 'input', message: 'must be an object' }]);
    return;
  }
  requireIds(input, withInterface ? ['serverId', 'interfaceId'] : ['serverId'], issues);
  if (input.huaweiApi !== undefined) {
    if (provider !== 'huawei') issues.push(refuse(provider, 'huaweiApi', NIC_INPUTS.huaweiApi));
    else if (input.huaweiApi !== 'v1' && input.huaweiApi !== 'nova') {
      issues.push({ path: 'huaweiApi', message: "must be 'v1' or 'nova'" });
    }
  }
  fail(provider, operation, issues);
}

export function validateWaitInput(provider: ProviderKey, input: WaitForInterfaceInput): void {
  validateReadInput(provider, 'waitForInterface', input, true);
  const issues: ValidationIssue[] = [];
  if (!['active', 'detached', 'gone'].includes(input.until)) {
    issues.push({ path: 'until', message: "must be 'active', 'detached' or 'gone'" });
  }
  checkTiming(input, issues);
  fail(provider, 'waitForInterface', issues);
}
