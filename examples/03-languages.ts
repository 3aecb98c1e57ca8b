// The same complaint answered in English, Turkish and Persian, and in each customer's own language with
// locale 'auto'. The remedies never change with the language. Run: npm run example examples/03-languages.ts
import { createRecommender, type Locale, localeDirection } from 'redress';

const complaint = (id: string, locale: string) => ({
  id,
  receivedAt: '2026-03-10T09:30:00+03:00',
  channel: 'chat',
  category: 'late_delivery',
  order: {
    id: 'o-5521',
    total: 1249.9,
    currency: 'TRY',
    placedAt: '2026-03-01',
    promisedAt: '2026-03-05',
    deliveredAt: '2026-03-09T15:00:00+03:00',
  },
  customer: { id: 'u-12', since: '2024-02-01', lifetimeSpend: 8200, orderCount: 11, locale },
});

// The default rules are in euros: a lira order needs the rate (lira per euro) and when it was taken,
// here the day the complaint came in.
const exchangeRates = { rates: { TRY: 36.5 }, asOf: '2026-03-10' };

// Each language set for the whole recommender…
for (const locale of ['en', 'tr', 'fa'] as const satisfies readonly Locale[]) {
  const rec = await createRecommender({ locale, exchangeRates }).recommend(complaint('c-1', 'en-GB'));
  console.log(`${locale} (${localeDirection(locale)}): ${rec.remedies.map((r) => r.type).join(', ')}`);
  for (const s of rec.rationale)
    if (s.audience === 'customer' && s.key.startsWith('offer.')) console.log(`  ${s.text}`);
}

// …or taken from each complaint's customer.locale (a BCP 47 tag), with a fallback for other languages.
const auto = createRecommender({ locale: 'auto', fallbackLocale: 'en', exchangeRates });
for (const [id, tag] of [
  ['c-2', 'tr-TR'],
  ['c-3', 'fa-IR'],
  ['c-4', 'de-DE'],
] as const) {
  const rec = await auto.recommend(complaint(id, tag));
  console.log(`${id} ${tag} → ${rec.locale}: ${rec.rationale[0]?.text}`);
}

// Output:
// en (ltr): coupon, apology
//   We will send you a 12% discount coupon for your next order, worth up to TRY 1,140.00 and valid until May 9, 2026.
//   If you would prefer store credit instead of the coupon, just let us know.
// tr (ltr): coupon, apology
//   Bir sonraki siparişinizde kullanabileceğiniz, 9 Mayıs 2026 tarihine kadar geçerli %12'lik bir indirim kuponu tanımlayacağız (indirim tutarı en fazla 1.140,00 TL).
//   Dilerseniz indirim kuponu yerine hesap bakiyesi tercih edebilirsiniz; bize bildirmeniz yeterli.
// fa (rtl): coupon, apology
//   یک کد تخفیف ۱۲٪ (تا سقف ۱٬۱۴۰ لیرهٔ ترکیه) برای سفارش بعدی شما در نظر گرفته‌ایم که تا ۱۹ اردیبهشت ۱۴۰۵ اعتبار دارد.
//   اگر به‌جای کد تخفیف، اعتبار خرید را ترجیح می‌دهید، کافی است به ما اطلاع دهید.
// c-2 tr-TR → tr: Yaşadığınız olumsuz deneyim için içtenlikle özür dileriz.
// c-3 fa-IR → fa: بابت مشکلی که برای شما پیش آمد صمیمانه پوزش می‌خواهیم.
// c-4 de-DE → en: We are sorry for the trouble this has caused you.
