// Fault injection: rules pick requests (by operation and method, a number of times or with a
// seeded probability) and break them the way networks and proxies do.
import type { RandomSource } from './random.js';
import type { FaultKind, FaultRule } from './types.js';

const KINDS: readonly FaultKind[] = ['latency', 'status', 'reset', 'html', 'truncate'];

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

function checkRule(rule: FaultRule): FaultRule {
  if (!rule || !KINDS.includes(rule.kind)) {
    throw new TypeError(`fault kind must be one of ${KINDS.join(', ')}`);
  }
  if (rule.when !== undefined && rule.when !== 'before' && rule.when !== 'after') {
    throw new TypeError("fault `when` must be 'before' or 'after'");
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    throw new TypeError('fault probability must be between 0 and 1');
  }
  if (
    rule.status !== undefined &&
    !(Number.isInteger(rule.status) && rule.status >= 100 && rule.status <= 599)
  ) {
    throw new TypeError('fault status must be an HTTP status code');
  }
  return { ...rule };
}

export function createFaults(random: RandomSource) {
  let active: ActiveRule[] = [];

  return {
    set(rules: readonly FaultRule[]) {
      active = rules.map(checkRule).map((rule) => ({
        rule,
        remaining: rule.times ?? (rule.probability !== undefined ? Infinity : 1),
      }));
    },
    /** The first rule that hits this request at this moment (a hit uses up one of its `times`). */
    take(
      when: 'before' | 'after',
      method: string,
      operationId: string | undefined,
    ): FaultRule | undefined {
      for (const entry of active) {
        const { rule } = entry;
        if ((rule.when ?? 'before') !== when || entry.remaining <= 0) continue;
        if (rule.method && rule.method.toUpperCase() !== method) continue;
        if (rule.operationId && rule.operationId !== operationId) continue;
        if (rule.probability !== undefined && random.next() >= rule.probability) continue;
        entry.remaining -= 1;
        return rule;
      }
      return undefined;
    },
  };
}

/** A proxy-style HTML error page. */
export function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`;
}

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
