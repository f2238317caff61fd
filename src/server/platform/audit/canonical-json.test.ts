import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** A deep copy whose objects have their keys inserted in a permuted order. */
function reorder(value: unknown, pick: (n: number) => number): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, pick));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shuffled: [string, unknown][] = [];
  while (entries.length > 0) {
    const [entry] = entries.splice(pick(entries.length), 1);
    shuffled.push([entry![0], reorder(entry![1], pick)]);
  }
  return Object.fromEntries(shuffled); // defines own properties, so "__proto__" stays a key
}

describe('canonicalJson', () => {
  it('sorts keys, so insertion order does not matter', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('sorts keys at every depth, including objects inside arrays', () => {
    const one = { z: { y: [{ b: 1, a: 2 }], x: { d: null, c: 'c' } }, a: true };
    const two = { a: true, z: { x: { c: 'c', d: null }, y: [{ a: 2, b: 1 }] } };
    expect(canonicalJson(one)).toBe('{"a":true,"z":{"x":{"c":"c","d":null},"y":[{"a":2,"b":1}]}}');
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
  });

  it('drops undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('writes undefined inside an array as null, as JSON does', () => {
    expect(canonicalJson([1, undefined, 2])).toBe(JSON.stringify([1, undefined, 2]));
  });

  it('keeps null values', () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
  });

  it('writes Dates as ISO strings at any depth', () => {
    const at = new Date(Date.UTC(2026, 2, 8, 7, 30, 0, 5));
    expect(canonicalJson(at)).toBe('"2026-03-08T07:30:00.005Z"');
    expect(canonicalJson({ e: [{ at }] })).toBe('{"e":[{"at":"2026-03-08T07:30:00.005Z"}]}');
  });

  it('escapes strings and keys as JSON does', () => {
    const value = { 'quo"te': 'line\nbreak\u2028 "x" \\' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('distinguishes values that differ only in type', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson([])).not.toBe(canonicalJson({}));
  });

  describe('properties', () => {
    it('gives the same text for a shuffled JSON round-trip of any JSON value', () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.infiniteStream(fc.nat()), (x, rand) => {
          const stream = rand[Symbol.iterator]();
          const pick = (n: number) => (stream.next().value as number) % n;
          const copy: unknown = JSON.parse(JSON.stringify(reorder(x, pick)));
          expect(canonicalJson(copy)).toBe(canonicalJson(x));
        }),
      );
    });

    it('is valid JSON that parses back to the same value', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (x) => {
          expect(JSON.parse(canonicalJson(x))).toEqual(JSON.parse(JSON.stringify(x)));
        }),
      );
    });

    it('writes a flat object as its entries in code-unit key order', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.integer()), (obj) => {
          const sorted = Object.keys(obj).sort(); // default sort compares UTF-16 code units
          const expected = `{${sorted.map((k) => `${JSON.stringify(k)}:${String(obj[k])}`).join(',')}}`;
          expect(canonicalJson(obj)).toBe(expected);
        }),
      );
    });
  });
});
