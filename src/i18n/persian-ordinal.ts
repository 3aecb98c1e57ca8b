/**
 * Persian ordinals in words, as a native writer puts them before a noun: «دومین», «چهارمین»,
 * «بیست‌وپنجمین». Digits with the suffix («۴مین») read as a machine's; words are used up to 99, and
 * larger numbers (never met in a complaint's repeat count) keep digits with «اُمین».
 */
const ONES = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده'];
const TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];

/** The ordinal adjective of a number word: سه → سومین, سی → سی‌امین, others + «مین». */
function ordinalOf(word: string): string {
  if (word === 'سه') return 'سومین';
  if (word === 'سی') return 'سی‌امین';
  return `${word}مین`;
}

/** «دومین» for 2, «اولین» for 1; `digits` formats numbers of 100 and more. */
export function persianOrdinal(n: number, digits: (n: number) => string): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return `${digits(n)}اُمین`;
  if (n === 1) return 'اولین';
  if (n < 10) return ordinalOf(ONES[n] as string);
  if (n < 20) return ordinalOf(TEENS[n - 10] as string);
  const tens = TENS[Math.floor(n / 10)] as string;
  const ones = n % 10;
  // The last word takes the suffix; the conjunction «و» is joined with zero-width non-joiners.
  return ones === 0 ? ordinalOf(tens) : `${tens}\u200cو${ordinalOf(ONES[ones] as string)}`;
}
