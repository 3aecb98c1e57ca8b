import type { Messages } from './en';

/**
 * Turkish messages (tr-TR). Register: the polite "siz" form of Turkish customer service, as in the
 * project's seed texts: listen, restate what happened, make up for it at once ("hatanızı telafi
 * edin"), never argue or blame. "Şikayet" is written as the seeds write it.
 *
 * Turkish does not inflect a noun after a numeral ("3 gün", "2 ürün"), so most plural messages have
 * only their `.other` form; `.one` is given where the sentence speaks of one thing or several
 * ("siparişinizdeki ürünün" / "ürünlerin"). Ordinals are a number with a dot ("3.").
 *
 * Placeholders are inserted without case suffixes, so every sentence is built to take them in the
 * nominative: `{subject}` is "… numaralı siparişiniz" / "… aboneliğiniz" and is followed by a
 * postposition ("ile", "için") rather than a suffix; `{subjectIn}` is its locative ("… numaralı
 * siparişinizde"), which also takes "-ki" ("siparişinizdeki").
 *
 * Not here: each remedy's name and offer sentences (`remedy.<type>`, `offer.<type>…`), which live in its
 * module's `texts` in src/remedies/ (coupon.ts, …), in Turkish beside English and Persian.
 */
export const tr = {
  'ordinal.other': '{n}.',

  'factor.category': '{category} ile ilgili şikayet',
  'factor.daysLate.other': '{days} gün gecikme',
  'factor.itemsAffected.other': '{items} üründe sorun',
  'factor.public': 'herkese açık paylaşım',
  'factor.publicOn': '{platform} üzerinde herkese açık paylaşım',
  'factor.publicReach.other': '{reach} takipçiye açık paylaşım',
  'factor.publicOnReach.other': '{platform} üzerinde {reach} takipçiye açık paylaşım',
  'factor.repeat': 'son 90 gündeki {ordinal} şikayet',
  'factor.tone': 'müşteri {tone}',
  'factor.legalThreat': 'hukuki yola başvurma uyarısı',
  'factor.cap': '100 ile sınırlandı',
  'factor.tenure.other': '{months} aydır müşterimiz',
  'factor.lifetimeSpend': 'toplam {amount} alışveriş',
  'factor.orders.other': '{orders} sipariş',
  'factor.recentOrder': 'son {days} gün içinde sipariş verdi',
  'factor.subscriber': '{plan} abonesi',

  'category.wrong_item': 'yanlış ürün',
  'category.damaged_item': 'hasarlı ürün',
  'category.missing_item': 'eksik ürün',
  'category.late_delivery': 'geç teslimat',
  'category.billing_error': 'fatura hatası',
  'category.service_outage': 'hizmet kesintisi',
  'category.poor_quality': 'düşük kalite',
  'category.staff_behavior': 'personel davranışı',
  'category.other': 'başka bir konu',
  'tone.calm': 'sakin',
  'tone.upset': 'rahatsız',
  'tone.angry': 'öfkeli',
  'tone.abusive': 'saldırgan',
  'band.low': 'düşük',
  'band.medium': 'orta',
  'band.high': 'yüksek',
  'band.critical': 'kritik',
  'tier.standard': 'standart',
  'tier.silver': 'gümüş',
  'tier.gold': 'altın',
  'tier.platinum': 'platin',
  'shipping.standard': 'standart',
  'shipping.express': 'hızlı',
  'queue.legal': 'hukuk',
  'queue.senior-care': 'müşteri ilişkileri',
  'queue.social-media': 'sosyal medya',
  'queue.billing': 'fatura işlemleri',
  'queue.store-management': 'mağaza yönetimi',
  'queue.customer-care': 'müşteri hizmetleri',
  'platform.instagram': 'Instagram',
  'platform.x': 'X',
  'platform.twitter': 'Twitter',
  'platform.tiktok': 'TikTok',
  'platform.trustpilot': 'Trustpilot',
  'platform.telegram': 'Telegram',
  'platform.facebook': 'Facebook',
  'platform.youtube': 'YouTube',
  'platform.linkedin': 'LinkedIn',
  'platform.aparat': 'Aparat',
  'platform.whatsapp': 'WhatsApp',
  'platform.threads': 'Threads',
  'platform.eitaa': 'Eitaa',
  'platform.rubika': 'Rubika',
  'platform.bale': 'Bale',
  'platform.google': 'Google',

  quoted: '“{text}”',
  'currency.toman': 'İran tümeni',
  'money.toman': '{amount} tümen',
  'item.others.one': 'siparişinizdeki diğer ürün',
  'item.others.other': 'siparişinizdeki diğer {count} ürün',
  'item.named': '{name}',
  'item.namedMany': '{quantity} adet {name}',

  'subject.order': '{orderId} numaralı siparişiniz',
  'subject.subscription': '{plan} aboneliğiniz',
  'subject.orderIn': '{orderId} numaralı siparişinizde',
  'subject.subscriptionIn': '{plan} aboneliğinizde',

  'restate.wrong_item': 'Üzülerek öğrendik ki {subjectIn} size yanlış ürün gönderilmiş.',
  'restate.damaged_item.one': 'Üzülerek öğrendik ki {subjectIn}ki ürün size hasarlı ulaşmış.',
  'restate.damaged_item.other': 'Üzülerek öğrendik ki {subjectIn}ki ürünler size hasarlı ulaşmış.',
  'restate.missing_item.one': 'Üzülerek öğrendik ki {subjectIn}ki bir ürün size ulaşmamış.',
  'restate.missing_item.other': 'Üzülerek öğrendik ki {subjectIn}ki bazı ürünler size ulaşmamış.',
  'restate.late_delivery.other':
    'Üzülerek öğrendik ki {subject}, size söz verdiğimiz tarihten {days} gün geç ulaşmış.',
  'restate.late_delivery_pending.other':
    'Üzülerek öğrendik ki {subject}, söz verdiğimiz tarihin üzerinden {days} gün geçmesine rağmen hâlâ size ulaşmamış.',
  'restate.billing_error':
    'Üzülerek öğrendik ki {subject} için sizden olması gerekenden {overcharge} fazla ücret alınmış.',
  'restate.billing_error_unknown': 'Üzülerek öğrendik ki {subject} için hatalı bir ücretlendirme yapılmış.',
  'restate.service_outage': 'Üzülerek öğrendik ki {subjectIn} hizmet kesintisi yaşamışsınız.',
  'restate.poor_quality': 'Üzülerek öğrendik ki {subjectIn}ki ürün beklediğiniz kaliteyi karşılamamış.',
  'restate.staff_behavior':
    'Üzülerek öğrendik ki çalışanlarımızdan biri size hak ettiğiniz saygıyla davranmamış.',
  'restate.other':
    'Üzülerek öğrendik ki {subject} ile ilgili bir sorun yaşamışsınız; bunu telafi etmek istiyoruz.',

  'handling.human': 'İşlemleri kesinleştirmeden önce talebinizi bir kez daha gözden geçireceğiz.',
  'handling.public':
    'Sorunun çözülmekte olduğunu herkesin görebilmesi için {platform} üzerindeki paylaşımınıza da yanıt vereceğiz.',
  'handling.trace':
    'Gönderinizin nerede olduğunu kargo firmasıyla birlikte araştıracağız. Gönderiniz {date} tarihine kadar size ulaşmazsa ürünleri yeniden gönderecek ya da bedelini iade edeceğiz.',
  'handling.public.review':
    'Sorunun çözülmekte olduğunu herkesin görebilmesi için {platform} üzerindeki değerlendirmenize de yanıt vereceğiz.',
  'handling.evidence':
    'Lütfen hasarı gösteren fotoğrafları bize gönderin; fotoğraflar elimize ulaşır ulaşmaz gerekli işlemleri başlatacağız.',
  'handling.publicUnnamed':
    'Sorunun çözülmekte olduğunu herkesin görebilmesi için paylaşımınıza da açık olarak yanıt vereceğiz.',
  'case.linked':
    'Bu başvurunuzu, {subject} ile ilgili önceki başvurunuzla birlikte tek bir talep olarak ele alıyoruz; durumu yeniden anlatmanıza gerek yok. Talebinizi yine {owner} ekibimiz takip edecek.',
  'case.linked.unnamed':
    'Bu başvurunuzu, {subject} ile ilgili önceki başvurunuzla birlikte tek bir talep olarak ele alıyoruz; durumu yeniden anlatmanıza gerek yok. Talebinizi aynı ekibimiz takip etmeye devam edecek.',
  'case.linked.escalated':
    'Bu başvurunuzu, {subject} ile ilgili önceki başvurunuzla birlikte tek bir talep olarak ele alıyoruz; durumu yeniden anlatmanıza gerek yok.',
  followUp: 'Her şeyin yoluna girdiğinden emin olmak için {date} tarihinde size yeniden ulaşacağız.',
  'survey.question':
    'Şikayetinizin ele alınış biçiminden ne kadar memnun kaldınız? Lütfen 1 (hiç memnun kalmadım) ile 5 (çok memnun kaldım) arasında bir puan verin.',

  'message.subject.order': '{orderId} numaralı siparişiniz hakkında',
  'message.subject.subscription': '{plan} aboneliğiniz hakkında',
  'message.greeting': 'Değerli müşterimiz,',
  'message.greeting.named': 'Sayın {name},',
  'message.closing': 'Anlayışınız için teşekkür ederiz. Size yeniden hizmet vermekten memnuniyet duyarız.',
  'message.signoff': 'Saygılarımızla,',
  'message.signature': 'Müşteri Hizmetleri',
  'message.spoken.opening': 'Bu konuyu bize bildirdiğiniz için teşekkür ederiz.',
  'message.spoken.closing': 'Size yardımcı olabileceğim başka bir konu var mı?',
  'message.publicReply.review':
    'Yaşadığınız olumsuz deneyim için özür dileriz; bunu telafi etmek istiyoruz. Ekibimiz konuyla ilgili olarak sizinle iletişime geçecek.',
  'message.publicReply':
    'Yaşadığınız olumsuz deneyim için özür dileriz; bunu telafi etmek istiyoruz. Size daha hızlı yardımcı olabilmemiz için lütfen bize özel mesaj gönderin.',

  'incident.statement':
    'Birçok müşterimizi etkileyen bir sorunun farkındayız ve çözmek için çalışıyoruz. Yaşadığınız aksaklık için özür dileriz. Size daha hızlı yardımcı olabilmemiz için lütfen bize özel mesaj gönderin.',
  'incident.statement.review':
    'Birçok müşterimizi etkileyen bir sorunun farkındayız ve çözmek için çalışıyoruz. Yaşadığınız aksaklık için özür dileriz. Ekibimiz konuyla ilgili olarak sizinle iletişime geçecek.',
  'incident.notice':
    'Yaşadığınız sorun, birçok müşterimizi etkileyen genel bir aksaklıktan kaynaklanıyor; aksaklığı kalıcı olarak gidermek için çalışıyoruz.',

  'why.currency':
    'Tutarlar {asOf} tarihli kurla çevrildi ({rate}): kurallar, puanlar ve sınırlar {ruleSetCurrency} üzerinden hesaplandı; burada tutarlar {currency} olarak gösteriliyor.',
  'why.severity': 'Önem derecesi {score}/100 ({band}): {factors}.',
  'why.value': 'Müşteri değeri {score}/100 ({tier}): {factors}.',
  'why.goodwillMultiplier':
    'Müşteri {tier} segmentinde olduğu için jest amaçlı telafi, sınırlar uygulanmadan önce {percent} oranında (×{factor}) artırıldı.',
  'why.rules': 'Uygulanan kurallar: {rules}.',
  'why.noRule': 'Bu şikayete uyan bir kural yok; telafiye bir çalışma arkadaşımız karar verecek.',
  'why.dropped.cap':
    '“{rule}” kuralından gelen {remedy} ({cost}) çıkarıldı: {cap} tutarındaki jest sınırında yer kalmadı.',
  'why.reduced.cap':
    '“{rule}” kuralından gelen {remedy}, {cap} olan jest sınırını aşmamak için {cost} tutarından {kept} tutarına indirildi.',
  'why.limit.severity':
    'Jest amaçlı telafi {limit} ile sınırlıdır: {band} önem düzeyindeki bir şikayette sınır, {value} tutarındaki etkilenen değerin {share} oranıdır.',
  'why.limit.tier': 'Jest amaçlı telafi, {tier} segmentindeki bir müşteri için {limit} ile sınırlıdır.',
  'why.limit.total':
    'Jest amaçlı telafi {limit} ile sınırlıdır: mağduriyetin giderilmesi ({restitution}) ve jest birlikte, {value} tutarındaki etkilenen değerin {share} oranını aşamaz.',
  'why.limit.customer':
    'Jest amaçlı telafi {limit} ile sınırlıdır: bu müşterinin hakkından kalan tutar (son {days} günde {used} tutarında jest; en fazla {max}).',
  'why.limit.customerCount':
    'Bu müşterinin jest amaçlı telafi hakkı kalmadı: son {days} günde {count} telafi yapıldı; en fazla {max}.',
  'why.dropped.notApplicable': '“{rule}” kuralından gelen {remedy} bu şikayete uygulanamıyor: {reason}.',
  'why.linked':
    'Bu şikayet {case} numaralı talebe bağlandı (sorumlu: {owner}): talebin tek bir sorumlusu vardır ve talep kapsamında verilmiş telafiler yeniden verilmez.',
  'why.linked.given':
    '“{rule}” kuralından gelen {remedy} bir daha verilmiyor: {case} numaralı talep kapsamında zaten verildi.',
  'why.linked.topUp':
    '“{rule}” kuralından gelen {remedy}, {cost} tutarından {kept} tutarına indirildi: {case} numaralı talep kapsamında hak edilen jestin bir kısmı zaten verildi.',
  'why.linked.goodwill':
    '“{rule}” kuralından gelen {remedy} ({cost}) çıkarıldı: {case} numaralı talep kapsamında hak edilen jest zaten verildi.',
  'why.automatic':
    'Otomatik olarak uygulanabilir: {total} tutarındaki maliyet, {limit} olan otomatik onay sınırının içinde.',
  'why.human': 'Bir çalışanın incelemesi gerekiyor (kuyruk: {queue}), çünkü {reasons}.',
  'why.call': 'Yazılı yanıt vermek yerine müşteriyi telefonla arayın, çünkü {reasons}.',
  'why.quietPost':
    'Herkese açık paylaşım {reach} kişiye ulaştı, yani {threshold} kişinin altında kaldı: paylaşıma herkese açık olarak yanıt verilir, telafi ise şikayet herkese açık yapılmamış gibi belirlenir.',
  'choice.refund': 'para iadesi',
  'choice.resend': 'ücretsiz yeniden gönderim',
  'choice.store_credit': 'hesap bakiyesi',
  'choice.coupon': 'indirim kuponu',
  'choice.free_month': 'ücretsiz abonelik süresi',
  'choice.gift': 'hediye',
  'offer.choice': 'Dilerseniz {options} tercih edebilirsiniz; bize bildirmeniz yeterli.',
  'offer.choice.group': '{replaced} yerine {choices}',
  'offer.choice.more': '{groups}, {group}',
  'replaced.refund': 'para iadesi',
  'replaced.resend': 'yeniden gönderim',
  'replaced.store_credit': 'hesap bakiyesi',
  'replaced.coupon': 'indirim kuponu',
  'replaced.free_month': 'ücretsiz kullanım hakkı',
  'replaced.gift': 'hediye',
  'offer.preferenceUnavailable': 'Maalesef bu durumda {preference} seçeneğini sunamıyoruz.',
  'why.preference': 'Müşterinin tercihi olan {preference}, {replaces} yerine ilk seçenek olarak sunuluyor.',
  'why.preferenceUnavailable':
    'Müşterinin tercihi: {preference}. Buradaki telafilerin hiçbiri buna dönüştürülemediği için ilk seçenek geçerli.',
  'why.alternative': 'Seçenek: {replaces} yerine {choice}, toplam {total}.',
  'why.incident':
    'Bu şikayet {id} olayına dahil: {period} ({zone}) arasında {cause} konusunda {count} şikayet geldi. Olaydaki herkes, kendi üst sınırları içinde, en ağır şikayetin ({top}) aldığı telafileri en az aynı ölçüde alır.',

  'why.incidentOwner':
    'Tek muhatap: olaydaki tüm şikayetlerin sorumlusu {owner}; herkese açık paylaşımlar olayın ortak açıklamasıyla yanıtlanır.',
  'why.incidentPartners': 'Olay için bir kez bilgilendirilenler: {partners}.',

  'zone.UTC': 'UTC',
  'zone.Asia/Tehran': 'Tahran saati',
  'zone.Europe/Istanbul': 'Türkiye saati',

  'cause.sku': '{category} (stok kodu {sku})',
  'cause.service': '{category} ({service})',
  'cause.family': '{category} (ürün ailesi: {family})',
  'cause.carrier': '{category} (kargo firması: {carrier})',

  'na.no_items': 'yeniden gönderilecek ürün yok',
  'na.no_items_to_return': 'geri alınacak ürün yok',
  'na.no_subscription': 'müşterinin aboneliği yok',
  'na.zero_value': 'değeri sıfır olurdu',
  'na.nothing_to_refund': 'bu esasa göre iade edilecek bir tutar yok',

  'reason.legal_threat': 'müşteri hukuki yola başvuracağını bildirdi',
  'reason.abusive_tone': 'müşterinin mesajı hakaret içeriyordu',
  'reason.tone': 'müşteri {tone}',
  'reason.severity_band': 'önem derecesi {band}',
  'reason.value_tier': 'müşteri {tier} segmentinde',
  'reason.escalate_remedy': 'bir kural konuyu {queue} ekibine aktarıyor',
  'reason.cost_above_auto_approve':
    '{total} tutarındaki maliyet, {limit} olan otomatik onay sınırının üzerinde',
  'reason.no_rule_matched': 'hiçbir kural eşleşmedi',
  'reason.compensation_limit': 'bu müşteri için telafi sınırına ulaşıldı',

  'rule.wrong-item':
    'Yanlış gönderimi telafi etmenin yolu, doğru ürünü küçük bir hediyeyle birlikte hemen göndermektir.',
  'rule.damaged-item': 'Hasarlı ürün hemen yenisiyle değiştirilir.',
  'rule.damaged-item-refund':
    'Küçük tutarlı bir siparişteki hasarlı ürünün bedeli hemen iade edilir: ürünü yeniden göndermek, değerinden daha pahalıya mal olur.',
  'rule.missing-item': 'Eksik ürünler hemen gönderilir.',
  'rule.late-minor': 'Kısa bir gecikme için içtenlikle özür dilenir.',
  'rule.late-moderate': 'Daha uzun bir gecikmede bir sonraki sipariş için indirim tanımlanır.',
  'rule.lost-parcel':
    'Söz verilen tarihten bir hafta sonra hâlâ ulaşmayan sipariş kaybolmuş sayılır ve hemen yeniden gönderilir.',
  'rule.late-severe':
    'Uzun ya da herkesin gözü önünde yaşanan bir gecikmede bir sonraki sipariş için daha büyük bir indirim tanımlanır.',
  'rule.billing-overcharge': 'Fazla alınan tutarın tamamı iade edilir.',
  'rule.billing-unknown': 'Tutarı bilinmeyen bir fatura hatasını bir çalışma arkadaşımız inceler.',
  'rule.outage': 'Kesintiye uğrayan hizmet için ücretsiz kullanım süresi tanımlanır.',
  'rule.outage-dear-plan':
    'Standart jest sınırından daha pahalı bir plandaki hizmet kesintisi için bir sonraki faturadan sabit bir tutar düşülür.',
  'rule.outage-long':
    'Ciddi bir kesinti için ücretsiz kullanım süresi tanımlanır ve kişisel olarak özür dilenir.',
  'rule.outage-no-subscription':
    'Kesintiye uğrayan hizmet için bir sonraki siparişte geçerli bir indirim tanımlanır.',
  'rule.other': 'Standart kategorilerimizin dışında kalan bir sorunu bir çalışanımız inceler.',
  'rule.poor-quality': 'Standartlarımızın altında kalan bir ürünün bedeli kısmen iade edilir.',
  'rule.staff': 'Kaba davranışa maruz kalan müşteriden içtenlikle ve kişisel olarak özür dilenir.',
  'rule.staff-severe': 'Personelin ağır kusurlu davranışını bir yönetici inceler.',
  'rule.legal': 'Hukuki yola başvurma uyarısını hukuk ekibimiz ele alır.',
  'rule.abusive': 'Hakaret içeren bir mesajı kıdemli bir çalışma arkadaşımız ele alır.',
  'rule.public-critical': 'Herkese açık ve ciddi bir şikayete sosyal medya ekibimiz yanıt verir.',
  'rule.repeat': 'Yeniden şikayette bulunmak zorunda kalan müşteriden kişisel olarak özür dilenir.',
} as const satisfies Messages;
