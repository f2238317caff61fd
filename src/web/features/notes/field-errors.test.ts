import { describe, expect, it } from 'vitest';
import { errorsByKey, fieldKey, within } from './field-errors.js';

describe('field errors', () => {
  it('turns JSON pointer and bracket paths into dotted keys', () => {
    expect(fieldKey('/members/0/body')).toBe('members.0.body');
    expect(fieldKey('$.changes[2].dose')).toBe('changes.2.dose');
    expect(fieldKey('shared.topic')).toBe('shared.topic');
  });

  it('keeps the first message of each key', () => {
    expect(
      errorsByKey([
        { path: 'risk', message: 'first' },
        { path: '/risk', message: 'second' },
      ]),
    ).toEqual({ risk: 'first' });
  });

  it('selects the entries under a prefix', () => {
    expect(within({ 'body.data': 'a', 'body.plan': 'b', risk: 'c', bodyx: 'd' }, 'body')).toEqual({
      data: 'a',
      plan: 'b',
    });
  });
});
