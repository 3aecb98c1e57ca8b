import type { Messages } from './en';

/**
 * Persian messages (fa-IR). Register: formal written Persian (شما, verbs in the plural of respect),
 * in the spirit of the project's Persian seed text: take the complaint seriously, stay calm and
 * courteous, make up for the error, and do not burden the customer with what happens behind the
 * scenes. Text uses Persian letters (ی, ک), the zero-width non-joiner (می‌کنیم), ezafe on final he
 * (شمارهٔ) and Persian punctuation (، ؛ « »).
 *
 * Persian does not inflect a noun after a numeral ("۳ روز"), so most plural messages have only their
 * `.other` form; `.one` is given where the sentence speaks of one thing or several («کالای سفارش» /
 * «کالاهای سفارش»). Ordinals are written in words («چهارمین», see persian-ordinal.ts); `ordinal.other`
 * is kept for the catalogue's shape.
 *
 * Direction: every message is right-to-left text. Values from the input that are inserted into it
 * (order ids, SKUs, plan, platform, queue and rule names) are wrapped by the renderer in Unicode
 * isolates (FSI U+2068 … PDI U+2069), so that "o-1001" or "SHOE-42" keeps its own direction and does
 * not reorder the Persian around it; numbers, money and dates are formatted with Persian digits.
 */
export const fa = {
  'ordinal.other': '{n}مین',

  'factor.category': 'شکایت از {category}',
  'factor.daysLate.other': '{days} روز تأخیر',
  'factor.itemsAffected.other': '{items} عدد کالای دارای مشکل',
  'factor.public': 'انتشار عمومی',
  'factor.publicOn': 'انتشار عمومی در {platform}',
  'factor.publicReach.other': 'انتشار عمومی برای {reach} دنبال‌کننده',
  'factor.publicOnReach.other': 'انتشار عمومی در {platform} برای {reach} دنبال‌کننده',
  'factor.repeat': '{ordinal} شکایت در ۹۰ روز اخیر',
  'factor.tone': 'لحن {tone} مشتری',
  'factor.legalThreat': 'تهدید به اقدام قانونی',
  'factor.cap': 'محدود به سقف ۱۰۰',
  'factor.tenure.other': '{months} ماه همراهی با ما',
  'factor.lifetimeSpend': 'مجموع خرید {amount}',
  'factor.orders.other': '{orders} سفارش',
  'factor.recentOrder': 'سفارش در {days} روز اخیر',
  'factor.subscriber': 'مشترک طرح {plan}',

  'category.wrong_item': 'کالای اشتباه',
  'category.damaged_item': 'کالای آسیب‌دیده',
  'category.missing_item': 'کسری کالا',
  'category.late_delivery': 'تأخیر در تحویل',
  'category.billing_error': 'خطای صورت‌حساب',
  'category.service_outage': 'قطعی سرویس',
  'category.poor_quality': 'کیفیت نامطلوب',
  'category.staff_behavior': 'رفتار کارکنان',
  'category.other': 'مشکل دیگر',
  'tone.calm': 'آرام',
  'tone.upset': 'ناراحت',
  'tone.angry': 'خشمگین',
  'tone.abusive': 'توهین‌آمیز',
  'band.low': 'پایین',
  'band.medium': 'متوسط',
  'band.high': 'بالا',
  'band.critical': 'بحرانی',
  'tier.standard': 'استاندارد',
  'tier.silver': 'نقره‌ای',
  'tier.gold': 'طلایی',
  'tier.platinum': 'پلاتینی',
  'shipping.standard': 'عادی',
  'shipping.express': 'سریع',
  'queue.legal': 'حقوقی',
  'queue.senior-care': 'پشتیبانی ارشد',
  'queue.social-media': 'شبکه‌های اجتماعی',
  'queue.billing': 'مالی',
  'queue.store-management': 'مدیریت فروشگاه',
  'queue.customer-care': 'خدمات مشتریان',

  quoted: '«{text}»',
  'currency.toman': 'تومان',
  'money.toman': '{amount} تومان',
  'item.line': '{quantity} عدد {sku}',
  'item.named': '{name}',
  'item.namedMany': '{quantity} عدد {name}',

  'subject.order': 'سفارش شمارهٔ {orderId}',
  'subject.subscription': 'اشتراک {plan} شما',
  'subject.orderIn': 'در سفارش شمارهٔ {orderId}',
  'subject.subscriptionIn': 'در اشتراک {plan} شما',

  'restate.wrong_item': 'متوجه شدیم که در {subject} کالای اشتباه برای شما ارسال شده است.',
  'restate.damaged_item.one': 'متوجه شدیم که کالای {subject} آسیب‌دیده به دست شما رسیده است.',
  'restate.damaged_item.other': 'متوجه شدیم که کالاهای {subject} آسیب‌دیده به دست شما رسیده است.',
  'restate.missing_item.one': 'متوجه شدیم که یکی از کالاهای {subject} به دست شما نرسیده است.',
  'restate.missing_item.other': 'متوجه شدیم که برخی از کالاهای {subject} به دست شما نرسیده است.',
  'restate.late_delivery.other':
    'متوجه شدیم که {subject} {days} روز دیرتر از تاریخی که وعده داده بودیم به دست شما رسیده است.',
  'restate.late_delivery_pending.other':
    'متوجه شدیم که {subject} با گذشت {days} روز از تاریخ وعده‌داده‌شده هنوز به دست شما نرسیده است.',
  'restate.billing_error':
    'متوجه شدیم که برای {subject} مبلغ {overcharge} بیش از مبلغ واقعی از شما دریافت شده است.',
  'restate.billing_error_unknown': 'متوجه شدیم که برای {subject} مبلغ نادرستی از شما دریافت شده است.',
  'restate.service_outage': 'متوجه شدیم که سرویس مربوط به {subject} برای مدتی در دسترس نبوده است.',
  'restate.poor_quality': 'متوجه شدیم که {subject} کیفیتی را که انتظار داشتید نداشته است.',
  'restate.staff_behavior':
    'متوجه شدیم که یکی از همکاران ما با احترامی که شایستهٔ شماست با شما رفتار نکرده است.',
  'restate.other': 'متوجه شدیم که در {subject} مشکلی پیش آمده است و می‌خواهیم آن را جبران کنیم.',

  'handling.human': 'پیش از نهایی شدن این پیشنهاد، یکی از همکاران ما پروندهٔ شما را شخصاً بررسی خواهد کرد.',
  'handling.public': 'به پست عمومی شما در {platform} نیز پاسخ می‌دهیم تا همه ببینند که مشکل در حال رفع است.',
  'handling.trace':
    'از شرکت حمل‌ونقل می‌خواهیم مرسولهٔ شما را پیگیری کند. اگر مرسوله تا {date} به دست شما نرسد، آن را دوباره ارسال می‌کنیم یا مبلغ آن را به شما بازمی‌گردانیم.',
  'handling.evidence':
    'لطفاً عکسی از آسیب‌دیدگی کالا برای ما بفرستید؛ به محض دریافت آن، اقدامات لازم را انجام خواهیم داد.',
  'handling.publicUnnamed': 'به پست عمومی شما نیز پاسخ می‌دهیم تا همه ببینند که مشکل در حال رفع است.',
  'case.linked':
    'این پیام را همراه با پیام قبلی شما دربارهٔ {subject} در قالب یک پرونده پیگیری می‌کنیم و نیازی به توضیح دوباره نیست. مسئول پیگیری پروندهٔ شما همچنان تیم {owner} ما خواهد بود.',
  'case.linked.unnamed':
    'این پیام را همراه با پیام قبلی شما دربارهٔ {subject} در قالب یک پرونده پیگیری می‌کنیم و نیازی به توضیح دوباره نیست. پیگیری پروندهٔ شما همچنان با همان تیم خواهد بود.',
  followUp: 'در تاریخ {date} با شما تماس می‌گیریم تا از رفع کامل مشکل اطمینان حاصل کنیم.',

  'message.subject.order': 'دربارهٔ سفارش شمارهٔ {orderId}',
  'message.subject.subscription': 'دربارهٔ اشتراک {plan} شما',
  'message.greeting': 'مشتری گرامی،',
  'message.greeting.named': '{name} گرامی،',
  'message.closing': 'از صبر و شکیبایی شما سپاسگزاریم. امیدواریم بار دیگر در خدمت شما باشیم.',
  'message.signoff': 'با احترام،',
  'message.signature': 'تیم خدمات مشتریان',
  'message.spoken.opening': 'از اینکه این موضوع را با ما در میان گذاشتید سپاسگزاریم.',
  'message.spoken.closing': 'کار دیگری هست که بتوانم برایتان انجام دهم؟',
  'message.publicReply':
    'بابت تجربهٔ ناخوشایند شما پوزش می‌خواهیم و می‌خواهیم آن را جبران کنیم. لطفاً از طریق پیام خصوصی با ما در ارتباط باشید تا بتوانیم شخصاً پیگیری کنیم.',

  'incident.statement':
    'از مشکلی که برای بسیاری از مشتریان ما پیش آمده است آگاهیم و برای رفع آن تلاش می‌کنیم. بابت این وضعیت پوزش می‌خواهیم. لطفاً از طریق پیام خصوصی با ما در ارتباط باشید تا بتوانیم شخصاً پیگیری کنیم.',
  'incident.notice':
    'مشکل شما بخشی از یک مشکل شناخته‌شده است که بسیاری از مشتریان ما را تحت تأثیر قرار داده است و ما در حال رفع ریشهٔ آن هستیم.',

  'why.currency':
    'مبالغ با نرخ {rate} (نرخ روز {asOf}) تبدیل شد: قواعد، امتیازها و سقف‌ها مبالغ این شکایت را به {ruleSetCurrency} سنجیده‌اند و مبالغی که اینجا آمده به {currency} است.',
  'why.severity': 'شدت: {score} از ۱۰۰ ({band})؛ {factors}.',
  'why.value': 'ارزش مشتری: {score} از ۱۰۰ ({tier})؛ {factors}.',
  'why.rules': 'قواعد اعمال‌شده: {rules}.',
  'why.noRule': 'هیچ قاعده‌ای با این شکایت مطابقت نداشت؛ نوع جبران را یکی از همکاران تعیین می‌کند.',
  'why.dropped.cap':
    '{remedy} ({cost}) از قاعدهٔ «{rule}» کنار گذاشته شد، زیرا در سقف {cap} برای جبران داوطلبانه جایی باقی نمانده بود.',
  'why.reduced.cap':
    '{remedy} از قاعدهٔ «{rule}» از {cost} به {kept} کاهش یافت تا در سقف {cap} برای جبران داوطلبانه بماند.',
  'why.limit.severity':
    'سقف جبران داوطلبانه {limit} است: {share} از ارزش آسیب‌دیدهٔ {value} برای شکایتی با شدت {band}.',
  'why.limit.tier': 'سقف جبران داوطلبانه برای مشتری سطح {tier}، {limit} است.',
  'why.limit.total':
    'سقف جبران داوطلبانه {limit} است: جبران خسارت ({restitution}) و جبران داوطلبانه روی هم از {share} ارزش آسیب‌دیدهٔ {value} بیشتر نمی‌شود.',
  'why.limit.customer':
    'سقف جبران داوطلبانه {limit} است: باقی‌ماندهٔ سهم این مشتری ({used} جبران داوطلبانه در {days} روز گذشته؛ حداکثر {max}).',
  'why.limit.customerCount':
    'برای این مشتری سهمی از جبران داوطلبانه باقی نمانده است: {count} جبران در {days} روز گذشته؛ حداکثر {max}.',
  'why.dropped.notApplicable': '{remedy} از قاعدهٔ «{rule}» در این مورد کاربرد ندارد: {reason}.',
  'why.linked':
    'به پروندهٔ {case} با مسئولیت {owner} پیوند داده شد: هر پرونده تنها یک مسئول دارد و جبرانی که پیش‌تر در این پرونده داده شده است دوباره داده نمی‌شود.',
  'why.linked.given':
    '{remedy} از قاعدهٔ «{rule}» دوباره داده نمی‌شود، زیرا پیش‌تر در پروندهٔ {case} داده شده است.',
  'why.linked.topUp':
    '{remedy} از قاعدهٔ «{rule}» از {cost} به {kept} کاهش یافت، زیرا بخشی از جبران داوطلبانهٔ این پرونده پیش‌تر در پروندهٔ {case} داده شده است.',
  'why.linked.goodwill':
    '{remedy} ({cost}) از قاعدهٔ «{rule}» کنار گذاشته شد، زیرا جبران داوطلبانهٔ این پرونده پیش‌تر در پروندهٔ {case} داده شده است.',
  'why.automatic': 'قابل اعمال خودکار است: هزینهٔ {total} در محدودهٔ سقف تأیید خودکار ({limit}) است.',
  'why.human': 'به بررسی یکی از همکاران ({queue}) نیاز دارد، زیرا {reasons}.',
  'why.call': 'به‌جای پاسخ کتبی، با مشتری تلفنی تماس بگیرید، زیرا {reasons}.',
  'why.quietPost':
    'پست عمومی به {reach} نفر رسیده است، یعنی کمتر از {threshold} نفر: به آن به‌صورت عمومی پاسخ داده می‌شود و جبران آن دقیقاً مانند یک شکایت خصوصی است.',
  'why.incident':
    'این شکایت بخشی از رخداد {id} است: {count} شکایت دربارهٔ {cause} از {first} تا {last} (به وقت گرینویچ). همهٔ مشتریان این رخداد، در محدودهٔ سقف خود، دست‌کم همان جبرانی را دریافت می‌کنند که شدیدترین شکایت آن ({top}) دریافت کرده است.',

  'why.incidentOwner':
    'یک صدا: مسئولیت همهٔ شکایت‌های این رخداد با {owner} است و به پست‌های عمومی با بیانیهٔ مشترک رخداد پاسخ داده می‌شود.',
  'why.incidentPartners': 'برای این رخداد یک بار اطلاع داده شد به: {partners}.',

  'cause.sku': '{category} (کد کالا {sku})',
  'cause.service': '{category} ({service})',
  'cause.family': '{category} (گروه محصول: {family})',
  'cause.carrier': '{category} (شرکت حمل‌ونقل: {carrier})',

  'na.no_items': 'کالایی برای ارسال مجدد وجود ندارد',
  'na.no_items_to_return': 'کالایی برای پس گرفتن وجود ندارد',
  'na.no_subscription': 'مشتری اشتراکی ندارد',
  'na.zero_value': 'ارزش آن صفر می‌شد',
  'na.nothing_to_refund': 'بر این مبنا مبلغی برای بازپرداخت وجود ندارد',

  'reason.legal_threat': 'مشتری تهدید به اقدام قانونی کرده است',
  'reason.abusive_tone': 'تماس توهین‌آمیز بوده است',
  'reason.tone': 'لحن مشتری {tone} است',
  'reason.severity_band': 'شدت در سطح {band} است',
  'reason.value_tier': 'مشتری در ردهٔ {tier} است',
  'reason.escalate_remedy': 'یکی از قواعد پرونده را به تیم {queue} ارجاع می‌دهد',
  'reason.cost_above_auto_approve': 'هزینهٔ {total} از سقف تأیید خودکار ({limit}) بیشتر است',
  'reason.no_rule_matched': 'هیچ قاعده‌ای مطابقت نداشت',
  'reason.compensation_limit': 'سقف جبران برای این مشتری پر شده است',

  'rule.wrong-item': 'جبران ارسال اشتباه این است که کالای درست را همراه با هدیه‌ای کوچک بی‌درنگ بفرستیم.',
  'rule.damaged-item': 'کالای آسیب‌دیده بی‌درنگ تعویض می‌شود.',
  'rule.damaged-item-refund':
    'بهای کالای آسیب‌دیده در سفارشی با مبلغ کم، بی‌آنکه مشتری منتظر ارسال دوباره بماند، بی‌درنگ بازپرداخت می‌شود.',
  'rule.missing-item': 'کالاهای ارسال‌نشده بی‌درنگ فرستاده می‌شوند.',
  'rule.late-minor': 'تأخیر کوتاه، عذرخواهی صمیمانه‌ای را می‌طلبد.',
  'rule.late-moderate': 'تأخیر طولانی‌تر سزاوار تخفیفی در سفارش بعدی است.',
  'rule.lost-parcel':
    'سفارشی که یک هفته پس از تاریخ وعده‌داده‌شده هنوز نرسیده است، گم‌شده به شمار می‌آید و بی‌درنگ دوباره ارسال می‌شود.',
  'rule.late-severe': 'تأخیر طولانی یا بسیار آشکار سزاوار تخفیف بیشتری در سفارش بعدی است.',
  'rule.billing-overcharge': 'مبلغ اضافه دریافت‌شده به‌طور کامل بازپرداخت می‌شود.',
  'rule.billing-unknown': 'خطای صورت‌حسابی که مبلغ آن مشخص نیست، توسط یکی از همکاران بررسی می‌شود.',
  'rule.outage': 'برای سرویسی که دچار قطعی شده است، زمان استفادهٔ رایگان منظور می‌شود.',
  'rule.outage-dear-plan':
    'برای قطعی سرویس در طرحی گران‌تر از سقف معمول جبران داوطلبانه، مبلغ ثابتی به صورت‌حساب بعدی منظور می‌شود.',
  'rule.outage-long': 'برای قطعی جدی، زمان استفادهٔ رایگان منظور می‌شود و شخصاً عذرخواهی می‌کنیم.',
  'rule.outage-no-subscription': 'برای سرویسی که دچار قطعی شده است، تخفیفی برای سفارش بعدی منظور می‌شود.',
  'rule.other': 'مشکلی که در دسته‌های معمول ما نمی‌گنجد، توسط یکی از همکاران بررسی می‌شود.',
  'rule.poor-quality': 'بخشی از بهای کالایی که به استاندارد ما نرسیده است، بازپرداخت می‌شود.',
  'rule.staff': 'رفتار ناشایست، عذرخواهی صادقانه و شخصی را می‌طلبد.',
  'rule.staff-severe': 'تخلف جدی کارکنان توسط یکی از مدیران بررسی می‌شود.',
  'rule.legal': 'تهدید به اقدام قانونی توسط تیم حقوقی ما رسیدگی می‌شود.',
  'rule.abusive': 'تماس توهین‌آمیز توسط یکی از همکاران ارشد رسیدگی می‌شود.',
  'rule.public-critical': 'به شکایت عمومی و جدی، تیم شبکه‌های اجتماعی ما پاسخ می‌دهد.',
  'rule.repeat': 'از مشتری‌ای که ناچار شده است دوباره شکایت کند، شخصاً عذرخواهی می‌کنیم.',
} as const satisfies Messages;
