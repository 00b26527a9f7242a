// Words of pages written in other languages, read in the English the recognizers know.
import { describe, expect, it } from 'vitest';
import { foreignRequired, foreignType, inEnglish } from '../../../generator/importers/page/foreign-words.js';

describe('titles and header cells in other languages', () => {
  const cases: [string, string | undefined][] = [
    ['请求体参数', 'request body'],
    ['路径参数', 'path parameters'],
    ['参数名', 'name'],
    ['リクエストボディ', 'request body'],
    ['ステータスコード', 'status code'],
    ['Тело запроса', 'request body'],
    ['Имя', 'name'],
    ['Parámetros de ruta', 'path parameters'],
    ['Corpo da requisição', 'request body'],
    ['Beschreibung', 'description'],
    ['Paramètres de requête', 'query parameters'],
    // A word inside another word is not that word.
    ['Nomenclature', undefined],
    ['Path parameters', undefined],
  ];
  it.each(cases)('%s', (given, want) => {
    expect(inEnglish(given)).toBe(want);
  });
});

describe('yes and no, and type words', () => {
  it.each([
    ['Да', true],
    ['Нет', false],
    ['Sim', true],
    ['Não', false],
    ['是', true],
    ['否', false],
    ['はい', true],
    ['обязательно', true],
    ['필수', true],
    ['необязательно', false],
    ['maybe', undefined],
  ] as const)('%s is %s', (given, want) => {
    expect(foreignRequired(given)).toBe(want);
  });

  it.each([
    ['文字列', 'string'],
    ['整数', 'integer'],
    ['字符串', 'string'],
    ['布尔', 'boolean'],
    ['строка', 'string'],
    ['Число', 'number'],
    ['массив', 'array'],
    ['숫자', 'number'],
    ['constructor', undefined],
    ['string', undefined],
  ] as const)('the type %s is %s', (given, want) => {
    expect(foreignType(given)).toBe(want);
  });
});
