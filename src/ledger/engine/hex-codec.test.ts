/** toHex and byteString: the bytes as they are, for any length (also past one call's argument limit). */
import { bytesToHex } from '@ethereumjs/util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteString, toHex } from './hex-codec.js';

const anyLength = fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.uint8Array({ minLength: 4_090, maxLength: 20_000 }));

describe('toHex', () => {
  it("gives @ethereumjs/util's lower-case 0x-hex of any bytes", () => {
    fc.assert(fc.property(anyLength, (bytes) => {
        expect(toHex(bytes)).toBe(bytesToHex(bytes));
      }), { numRuns: 80 });
    // a contract's creation code can be ~50 KB: far more characters than one call takes as arguments
    const code = Uint8Array.from({ length: 150_000 }, (_, i) => (i * 7) & 0xff);
    expect(toHex(code)).toBe(bytesToHex(code));
  });
});

describe('byteString', () => {
  it('is one character per byte, with the byte as its code (so equal strings are equal bytes)', () => {
    fc.assert(
      fc.property(anyLength, (bytes) => {
        const text = byteString(bytes);
        expect(text.length).toBe(bytes.length);
        expect(Uint8Array.from(text, (c) => c.charCodeAt(0))).toEqual(bytes);
      }),
      { numRuns: 80 },
    );
  });
});
