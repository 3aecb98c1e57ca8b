import { describe, expect, it } from 'vitest';
import { englishArticle } from '../../src/i18n/english-article';
import { rendererOf } from '../../src/i18n/renderer';

describe('the English article before a percentage', () => {
  it('is "an" where the number is read with a vowel first: eight, eleven, eighteen, the eighties', () => {
    const an = [8, 11, 18, 80, 84, 89, 800, 8000, 11_000, 18_500];
    const a = [1, 5, 10, 12, 20, 25, 50, 79, 90, 100, 110, 180, 1800, 1100];
    expect(an.map(englishArticle)).toEqual(an.map(() => 'an'));
    expect(a.map(englishArticle)).toEqual(a.map(() => 'a'));
  });

  it('comes with the percentage in English only', () => {
    expect(rendererOf('en').percentWithArticle(11)).toBe('an 11%');
    expect(rendererOf('en').percentWithArticle(20)).toBe('a 20%');
    expect(rendererOf('tr').percentWithArticle(11)).toBe("%11'lik");
    expect(rendererOf('fa').percentWithArticle(11)).toBe('۱۱٪');
  });
});
