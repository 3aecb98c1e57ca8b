/**
 * The English indefinite article before a whole number written in digits, by how it is read aloud:
 * "an" before eight, eleven, eighteen and the eighties ("an 11% discount", "an 80% discount"), "a"
 * before every other number up to a hundred ("a 10%", "a 100%"). Numbers above a hundred follow the
 * first word said ("an 800", "an 8,000", "a 110").
 */
export function englishArticle(n: number): 'a' | 'an' {
  let whole = Math.floor(Math.abs(n));
  // Read by its leading group: 1,800 is "one thousand…", 18,000 "eighteen thousand…".
  while (whole >= 1000) whole = Math.floor(whole / 1000);
  const leading = whole >= 100 ? Math.floor(whole / 100) : whole;
  return leading === 8 || leading === 11 || leading === 18 || (leading >= 80 && leading <= 89) ? 'an' : 'a';
}
