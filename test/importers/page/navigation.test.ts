// Site navigation printed with a page: found, and bounded where the page's own content is not.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../generator/importers/page/blocks.js';
import { findNavigation } from '../../../generator/importers/page/navigation.js';

const text = (words: string[]): Block[] => words.map((word, i) => ({ kind: 'text', text: word, at: { line: i + 1, column: 1 } }));
const menu = ['Jobs', 'GET', 'Get a job', 'POST', 'Create a job', 'DELETE', 'Delete a job'];

describe('site navigation', () => {
  it('after the operation: from its group name to the end of the page', () => {
    const blocks = text(['Get Job', 'GET', 'https://h.example/jobs/{id}', 'Responses', '200', ...menu, 'More', 'GET https://h.example/plans']);
    expect(findNavigation(blocks)).toEqual({ start: 5, end: blocks.length });
  });

  it('before the operation: the entries only', () => {
    const blocks = text([...menu, 'Get Job', 'GET', 'https://h.example/jobs/{id}', '200']);
    expect(findNavigation(blocks)).toEqual({ start: 0, end: 7 });
  });

  it('is none where fewer than three entries stand, or where a method is followed by its path', () => {
    expect(findNavigation(text(['GET', 'Get a job', 'POST', 'Create a job', 'Done.']))).toBeUndefined();
    expect(findNavigation(text(['GET', '/jobs', 'POST', '/jobs', 'DELETE', '/jobs/{id}']))).toBeUndefined();
  });
});
