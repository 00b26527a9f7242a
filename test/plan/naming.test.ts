import { describe, expect, it } from 'vitest';
import { docText, fileName, identifier, lineComment, NameScope, propertyKey, stringLiteral } from '../../generator/plan/naming.js';

describe('naming', () => {
  it.each([
    ['plain', 'plain'],
    ['$meta', '$meta'],
    ['@context', '"@context"'],
    ['x: string; } export const pwned = 1; interface Z { y', '"x: string; } export const pwned = 1; interface Z { y"'],
    ['__proto__', '["__proto__"]'],
    ['a\u2028b', '"a\\u2028b"'],
  ])('propertyKey(%j) is %j', (given, want) => {
    expect(propertyKey(given)).toBe(want);
  });

  it.each([
    ['list-instances v2', 'camel', 'listInstancesV2'],
    ['ProblemDetails', 'pascal', 'ProblemDetails'],
    ['then', 'camel', 'then_'],
    ['class', 'camel', 'class_'],
    ['123abc', 'pascal', '_123abc'],
    ['\u202eevil\u200b', 'pascal', 'Evil'],
    ['', 'pascal', 'Unnamed'],
    ['Café', 'pascal', 'Cafe'],
  ] as const)('identifier(%j, %s) is %j', (given, style, want) => {
    expect(identifier(given, style)).toBe(want);
  });

  it('cannot close a doc comment or start a tag', () => {
    expect(docText('a */ b\n@internal\r\nc\u2028d')).toBe('a *\\/ b\n\\@internal\nc\nd');
  });

  it('keeps line comments on one line', () => {
    expect(lineComment('a\nb\rc\u2028d\u2029e')).toBe('a b c d e');
  });

  it('quotes string literals exactly', () => {
    const tricky = 'quote " backslash \\ newline \n sep \u2028 end';
    expect(JSON.parse(stringLiteral(tricky).replace('\\u2028', '\u2028'))).toBe(tricky);
    expect(stringLiteral(tricky)).not.toMatch(/[\n\u2028]/);
  });

  it('resolves collisions stably, case-insensitively for files', () => {
    const scope = new NameScope(['ApiError']);
    expect([scope.claim('ApiError'), scope.claim('Order'), scope.claim('Order')]).toEqual(['ApiError2', 'Order', 'Order2']);
    const files = new NameScope([], { caseInsensitive: true });
    expect([files.claim('pets'), files.claim('Pets')]).toEqual(['pets', 'Pets2']);
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['C:\\Windows', 'c-windows'],
    ['..', 'unnamed'],
    ['CON', 'con-api'],
    ['SoftwareOne Marketplace', 'software-one-marketplace'],
  ])('fileName(%j) is %j', (given, want) => {
    expect(fileName(given)).toBe(want);
  });
});
