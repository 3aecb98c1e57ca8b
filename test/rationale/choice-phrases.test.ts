import { describe, expect, it } from 'vitest';
import { LOCALE_CODES } from '../../src/i18n/locale';
import { Renderer } from '../../src/i18n/renderer';
import { choicePhrase, replacedPhrase } from '../../src/rationale/choices';
import { REMEDY_TYPES, remedyName } from '../../src/remedies/catalogue';

// The phrases are remembered per renderer: asked again, in any order, each is what the catalogues say.
describe.each(LOCALE_CODES)('the %s choice phrases, remembered', (locale) => {
  const r = new Renderer(locale);
  const choice = (type: (typeof REMEDY_TYPES)[number]) =>
    r.has(`choice.${type}`) ? r.t(`choice.${type}`) : remedyName(r, type);
  const replaced = (type: (typeof REMEDY_TYPES)[number]) =>
    r.has(`replaced.${type}`) ? r.t(`replaced.${type}`) : choice(type);

  it('names each remedy type as the catalogues do, the first time and every time after', () => {
    for (const round of [1, 2, 3]) {
      for (const type of round === 2 ? [...REMEDY_TYPES].reverse() : REMEDY_TYPES) {
        expect(replacedPhrase(r, type)).toBe(replaced(type));
        expect(choicePhrase(r, type)).toBe(choice(type));
      }
    }
  });

  it('keeps one renderer’s phrases apart from another’s', () => {
    const other = LOCALE_CODES.find((l) => l !== locale) ?? locale;
    const o = new Renderer(other);
    expect(choicePhrase(o, 'refund')).toBe(
      o.has('choice.refund') ? o.t('choice.refund') : remedyName(o, 'refund'),
    );
    expect(choicePhrase(r, 'refund')).toBe(choice('refund'));
  });
});
