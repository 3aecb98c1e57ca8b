import { describe, expect, it } from 'vitest';
import { createRecommender, type Locale, type Recommendation } from '../../src/index';
import { categoryRule, complaint, ruleSet, subscriptionComplaint } from '../complaint-builder';

// What the customer reads names things as the customer knows them: the product's name, the team's
// name, "your next invoice" for a subscriber; and keeps the agent's numbers (a gift's value) to the agent.

const customerText = (r: Recommendation) =>
  r.rationale.filter((s) => s.audience === 'customer').map((s) => s.text);

async function say(locale: Locale, rules: Parameters<typeof ruleSet>, input = complaint()) {
  const recommender = createRecommender({ ruleSet: ruleSet(...rules), locale });
  return customerText(await recommender.recommend(input));
}

describe('customer text', () => {
  it('names the product the order names, and never its SKU: the rest is "other items from your order"', async () => {
    // A name with a comma is quoted: unquoted, "Koşu ayakkabısı, 42 numara" reads as two products.
    const input = complaint({
      order: {
        ...complaint().order!,
        items: [
          { sku: 'SHOE-42', quantity: 1, unitPrice: 100, name: 'Koşu ayakkabısı, 42 numara' },
          { sku: 'SOCK-1', quantity: 2, unitPrice: 15, name: 'Spor çorap' },
          { sku: 'LACE-9', quantity: 1, unitPrice: 0.01 },
        ],
        total: 130.01,
      },
    });
    const rules = [[categoryRule('r', 'wrong_item', [{ type: 'resend', items: 'all' }])]] as const;
    const en = await say('en', [...rules] as never, input);
    expect(en).toContain(
      'We will send "Koşu ayakkabısı, 42 numara", 2 × Spor çorap, and one other item from your order again by standard shipping, at no cost to you.',
    );
    const tr = await say('tr', [...rules] as never, input);
    expect(tr.join('\n')).toContain(
      'Şu ürünleri sizden hiçbir ücret almadan standart kargoyla yeniden göndereceğiz: “Koşu ayakkabısı, 42 numara”, 2 adet Spor çorap ve siparişinizdeki diğer ürün.',
    );
    const fa = await say('fa', [...rules] as never, input);
    expect(fa.join('\n')).toContain(
      'بدون هیچ هزینه‌ای، «\u2068Koşu ayakkabısı, 42 numara\u2069»، ۲ عدد \u2068Spor çorap\u2069 و یک کالای دیگر از سفارش شما را دوباره و با ارسال عادی برای شما می‌فرستیم',
    );
    for (const text of [en, tr, fa]) expect(text.join('\n')).not.toMatch(/SHOE-42|SOCK-1|LACE-9/);
    // With no name at all, the sentence names no item.
    const bare = complaint({
      order: { ...complaint().order!, items: [{ sku: 'LACE-9', quantity: 3, unitPrice: 1 }], total: 3 },
    });
    expect(await say('en', [...rules] as never, bare)).toContain(
      'We will send the 3 items again by standard shipping, at no cost to you.',
    );
    expect(await say('tr', [...rules] as never, bare)).toContain(
      'Siparişinizdeki 3 ürünü sizden hiçbir ücret almadan standart kargoyla yeniden göndereceğiz.',
    );
    expect(await say('fa', [...rules] as never, bare)).toContain(
      'بدون هیچ هزینه‌ای، ۳ کالای مورد نظر را دوباره و با ارسال عادی برای شما می‌فرستیم.',
    );
  });

  it('tells of a small gift, never its value', async () => {
    const rules = [[categoryRule('r', 'wrong_item', [{ type: 'gift', value: 7 }])]] as const;
    for (const locale of ['en', 'tr', 'fa'] as const) {
      const text = (await say(locale, [...rules] as never)).join('\n');
      expect(text, locale).toMatch(/small gift|küçük bir hediye|هدیهٔ کوچکی/);
      expect(text, locale).not.toMatch(/7[.,]00|۷٫۰۰/);
    }
  });

  it('names the team of a queue, from the rule set or redress’s own, and no team for an unnamed queue', async () => {
    const escalate = (queue: string) => [
      [categoryRule('r', 'wrong_item', [{ type: 'escalate', queue }])],
      { queues: { vip: { name: { en: 'VIP care', tr: 'VIP müşteri', fa: 'واحد مشتریان ویژه' } } } },
    ];
    expect((await say('tr', escalate('vip') as never)).join('\n')).toContain('VIP müşteri ekibimiz sizinle');
    expect((await say('fa', escalate('vip') as never)).join('\n')).toContain(
      'یکی از کارشناسان واحد مشتریان ویژه ما حداکثر تا',
    );
    expect((await say('fa', escalate('legal') as never)).join('\n')).toContain(
      'یکی از کارشناسان واحد حقوقی ما',
    );
    const unnamed = (await say('en', escalate('team-x7') as never)).join('\n');
    expect(unnamed).toContain('A member of our team will contact you by');
    expect(unnamed).not.toContain('team-x7');
  });

  it('takes a subscriber’s money off the next invoice, and says a percentage coupon’s cap', async () => {
    const rules = [
      [categoryRule('a', 'service_outage', [{ type: 'coupon', amount: 5 }])],
      { maxGoodwillByTier: { standard: 100, silver: 100, gold: 120, platinum: 200 } },
    ];
    const en = await say('en', rules as never, subscriptionComplaint());
    expect(en).toContain('We will take €5.00 off your next invoice.');
    expect(en.join('\n')).not.toContain('next order');
    const tr = await say('tr', rules as never, subscriptionComplaint());
    expect(tr).toContain('Bir sonraki faturanızdan 5,00 € düşeceğiz.');
    const percent = [
      [categoryRule('p', 'service_outage', [{ type: 'coupon', percent: 20, maxDiscount: 3 }])],
    ];
    const order = await say('en', percent as never, complaint({ category: 'service_outage' }));
    expect(order.join('\n')).toMatch(/20% discount coupon for your next order, worth up to €3\.00 and valid/);
    const turkish = await say('tr', percent as never, complaint({ category: 'service_outage' }));
    expect(turkish.join('\n')).toMatch(
      /geçerli %20'lik bir indirim kuponu tanımlayacağız \(indirim tutarı en fazla 3,00 €\)\./,
    );
    const invoice = await say('fa', percent as never, subscriptionComplaint());
    expect(invoice.join('\n')).toContain('روی صورت‌حساب بعدی شما ۲۰٪ تخفیف (تا سقف ۳ یورو) اعمال می‌شود.');
  });
});

describe('a public review', () => {
  // A customer who writes by email about the review they left on Trustpilot has left a review there,
  // not a post: the reply names it as a review whichever channel the complaint came by.
  it.each([
    ['en', 'review on Trustpilot', 'public post on Trustpilot'],
    ['tr', 'Trustpilot üzerindeki değerlendirmenize', 'paylaşımınıza'],
    ['fa', 'ثبت کرده‌اید', 'منتشر کرده‌اید'],
  ] as const)('is called a review in %s when the complaint came by email', async (locale, review, post) => {
    const input = complaint({ channel: 'email', exposure: { public: true, platform: 'Trustpilot' } });
    const recommender = createRecommender({ locale });
    const text = customerText(await recommender.recommend(input)).join('\n');
    expect(text).toContain(review);
    expect(text).not.toContain(post);
  });
});
