import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8, NotUtf8Error } from '../../src/cli/bounded-read';
import { expectIs } from '../cheap-expect';
import { fcParams } from '../seed';

// Where a text stops being UTF-8 is what `validate` and `recommend --rules` point at: it must be the
// first byte a strict decoder refuses, never a byte earlier or later.

/** Mostly UTF-8 with a few stray bytes, so that the first bad byte can be anywhere. */
const almostUtf8 = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map((s) => Buffer.from(s)) },
      { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => Buffer.from(b)) },
    ),
    { maxLength: 20 },
  )
  .map((parts) => Buffer.concat(parts));

describe('firstInvalidUtf8', () => {
  it('finds the first byte a strict decoder refuses, and none in UTF-8', () => {
    fc.assert(
      fc.property(almostUtf8, (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        expectIs(offset === -1, isUtf8(bytes));
        if (offset >= 0) {
          expectIs(isUtf8(bytes.subarray(0, offset)), true);
          // No longer prefix ending inside or past the bad byte's sequence is UTF-8.
          for (let end = offset + 1; end <= Math.min(bytes.length, offset + 4); end++) {
            expectIs(isUtf8(bytes.subarray(0, end)), false);
          }
        }
      }),
      fcParams(2000),
    );
  });

  it('refuses overlong forms, surrogates and code points past U+10FFFF', () => {
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf5],
    ]) {
      expect(firstInvalidUtf8(Buffer.from([0x61, ...bad]))).toBe(1);
    }
  });
});

describe('decodeUtf8', () => {
  it('says where the first bad byte is, by line, column and offset', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "ä": "f'), Buffer.from([0xfc]), Buffer.from('r"\n}')]);
    let error: unknown;
    try {
      decodeUtf8(bytes, { name: 'rules file r.json' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotUtf8Error);
    expect((error as NotUtf8Error).code).toBe('INVALID_JSON');
    expect((error as NotUtf8Error).issues[0]?.code).toBe('invalid_utf8');
    expect((error as NotUtf8Error).location).toEqual({ line: 2, column: 10, offset: 12 });
    expect((error as NotUtf8Error).message).toContain('byte 0xfc at line 2, column 10 (byte offset 12)');
  });

  it('drops a byte order mark at the start, and only there', () => {
    expect(decodeUtf8(Buffer.from('\ufeff{"a": "\ufeff"}'), { name: 'x' })).toBe('{"a": "\ufeff"}');
  });
});
