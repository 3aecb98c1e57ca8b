import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTimeZone } from '../../src/time/time-zone';

describe('isTimeZone', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('knows IANA names and refuses the rest', () => {
    expect(isTimeZone('Europe/Istanbul')).toBe(true);
    expect(isTimeZone('Asia/Tehran')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('+03:00')).toBe(false);
    expect(isTimeZone('../etc/passwd')).toBe(false);
  });

  it('asks Intl about a valid name once, however many complaints name it', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    const first = spy.mock.calls.length;
    expect(first).toBeGreaterThanOrEqual(1); // the first look did ask Intl
    for (let i = 0; i < 100; i++) expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(spy.mock.calls.length).toBe(first);
  });

  it('does not remember an unknown name as valid', () => {
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
  });
});
