import { isDeepStrictEqual } from 'node:util';
import type { Recommendation } from '../recommend/recommendation';

/**
 * Where two JSON values first differ, as a path with both values (`remedies[1].value: 12 ≠ 15`), or
 * `undefined` when they are deep-equal.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const found = firstDifference(a[key], b[key], path === '' ? key : `${path}.${key}`);
      if (found) return found;
    }
  }
  const where = path === '' ? '(root)' : path;
  if (isObject(a) && isObject(b) && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return `${where}: the objects have different prototypes`;
  }
  return `${where}: ${show(a)} ≠ ${show(b)}`;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * A recommendation as the fairness properties compare it: without the customer message's greeting,
 * which addresses the customer by name (a non-fact, and rightly so); every other word still counts.
 */
export function withoutGreeting(r: Recommendation): Recommendation {
  const parts = r.message.parts.filter((p) => p.kind !== 'greeting');
  return { ...r, message: { ...r.message, parts, text: parts.map((p) => p.text).join('\n\n') } };
}
