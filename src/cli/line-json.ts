/**
 * Reading one input line's JSON in the CLI's line loops. A malformed line is expected input (files
 * with millions of them exist), so its parse error is caught without capturing a stack trace.
 */

/** The line's JSON value, or the parse error's message. */
export function parseLine(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** A string field of the line's top-level JSON object; undefined when the line has no readable one. */
export function stringField(text: string | undefined, field: 'id' | 'receivedAt'): string | undefined {
  if (text === undefined) return undefined;
  const parsed = parseLine(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  const value = (parsed.value as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
