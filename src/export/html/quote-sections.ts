/**
 * The agency's parts of the itinerary document: its letterhead (name, logo,
 * contact), the services day by day (hotel, meals, transfers), the price
 * block (per person by category, the group, the pax-range table), what is
 * and is not included, the assumptions and the terms. Rendered from the same
 * TripQuote as every other view of `yangtze quote`.
 */
import { formatYuan } from '../../domain/quote/money.js';
import type { AgencyProfile } from '../../domain/quote/agency-profile.js';
import type { PriceRow, TripQuote } from '../../domain/quote/quote-model.js';
import { escapeHtml } from './escape.js';

type Lang = 'en' | 'zh';
const T = {
  en: {
    quote: 'Your price', perPerson: 'Price per person', group: 'Total for the group', travellers: 'travellers', sizes: 'Price per person by group size (sharing a twin room)',
    size: 'Travellers', each: 'Per person', total: 'Group', single: 'Single supplement', included: 'Included', excluded: 'Not included', assumptions: 'How this price was worked out',
    services: 'Hotels, meals and transfers', day: 'Day', hotel: 'Night', meals: 'Meals', transfers: 'Transfers', none: '—', estimate: 'Prices marked * rest on estimates and are confirmed on booking.',
    terms: 'Terms', valid: (n: number) => `This quote holds for ${n} days.`, missing: 'Not yet priced', lastNight: 'No hotel: the trip ends this day',
    meal: { breakfast: 'B', lunch: 'L', dinner: 'D' }, mealKey: 'B breakfast · L lunch · D dinner; (h) at the hotel, (s) on the ship', atHotel: '(h)', aboard: '(s)',
    basis: { twin: 'sharing a twin room', single: 'room alone', share: 'sharing, no bed', 'extra-bed': 'extra bed', 'own-room': 'own room' },
  },
  zh: {
    quote: '报价', perPerson: '每人价格', group: '团费合计', travellers: '人', sizes: '按成团人数每人价格（双人同住）',
    size: '人数', each: '每人', total: '团费', single: '单房差', included: '费用包含', excluded: '费用不含', assumptions: '报价说明',
    services: '住宿、餐食与交通', day: '天', hotel: '住宿', meals: '餐食', transfers: '交通', none: '—', estimate: '带 * 的价格基于估算，预订时确认。',
    terms: '条款', valid: (n: number) => `本报价 ${n} 天内有效。`, missing: '尚未计价', lastNight: '不含住宿：行程当天结束',
    meal: { breakfast: '早', lunch: '午', dinner: '晚' }, mealKey: '早/午/晚 = 早餐/午餐/晚餐；（店）酒店内，（船）船上', atHotel: '（店）', aboard: '（船）',
    basis: { twin: '双人同住', single: '单人住', share: '同住不占床', 'extra-bed': '加床', 'own-room': '单独房间' },
  },
} as const;

export function renderLetterhead(agency: AgencyProfile | undefined, lang: Lang): string {
  if (!agency) return '';
  const name = lang === 'zh' && agency.nameZh ? agency.nameZh : agency.name;
  const address = lang === 'zh' ? (agency.addressZh ?? agency.address) : agency.address;
  const contact = [agency.phone, agency.email, agency.website, address, licenceLine(agency, lang)].filter((x): x is string => Boolean(x));
  const logo = agency.logoDataUri ? `<img class="logo" src="${escapeHtml(agency.logoDataUri)}" alt="${escapeHtml(name)}">` : '';
  return `<div class="letterhead">${logo}<div><div class="agency">${escapeHtml(name)}</div><div class="contact">${contact.map(escapeHtml).join(' · ')}</div></div></div>`;
}

/**
 * The licence as the profile writes it for the document's language; a Chinese document whose
 * profile has no `licence_zh` labels the licence in Chinese (旅行社业务经营许可证, the permit's
 * name under the Travel Agency Regulations) before the text as written.
 */
export function licenceLine(agency: AgencyProfile, lang: Lang): string | undefined {
  if (agency.licence === undefined && agency.licenceZh === undefined) return undefined;
  if (lang === 'zh') return agency.licenceZh ?? `${LICENCE_ZH}：${agency.licence}`;
  return agency.licence ?? `${LICENCE_ZH}：${agency.licenceZh}`;
}

export const LICENCE_ZH = '旅行社业务经营许可证';

export function renderServices(q: TripQuote, lang: Lang): string {
  const L = T[lang];
  const rows = q.days.map((d) => {
    const hotel = d.hotel ? d.hotel[lang] : L.lastNight;
    const meals = d.meals.map((m) => `${L.meal[m.meal]}${m.where === 'hotel' ? L.atHotel : m.where === 'on-board' ? L.aboard : ''}`).join(' ') || L.none;
    return `<tr><td class="n">${d.day}</td><td>${escapeHtml(d.date)}</td><td>${escapeHtml(hotel)}</td><td>${escapeHtml(meals)}</td><td>${escapeHtml(d.transfers[lang])}</td></tr>`;
  });
  return (
    `<section class="services"><h2>${escapeHtml(L.services)}</h2><table class="quote"><thead><tr><th>${escapeHtml(L.day)}</th><th></th><th>${escapeHtml(L.hotel)}</th><th>${escapeHtml(L.meals)}</th><th>${escapeHtml(L.transfers)}</th></tr></thead><tbody>` +
    rows.join('') +
    `</tbody></table><p class="key">${escapeHtml(L.mealKey)}</p></section>`
  );
}

/** `category`: a rider category's name in the document's language. */
export function renderPriceBlock(q: TripQuote, lang: Lang, agency: AgencyProfile | undefined, category: (id: string) => string): string {
  const L = T[lang];
  const money = (fen: number) => `¥${formatYuan(fen)}`;
  const star = (e: boolean) => (e ? '*' : '');
  // Category names may carry their definition in brackets ("Child (1.2–1.4 m…)"); the price list shows the name.
  const rowName = (r: PriceRow) => `${category(r.category).replace(/\s*[（(].*[)）]$/, '')} · ${L.basis[r.basis]}`;
  const perPerson = q.rows
    .map((r) => `<tr><td>${escapeHtml(rowName(r.row))}</td><td class="n">× ${r.row.travellers}</td><td class="amount">${escapeHtml(money(r.sellFen))}${star(r.estimate)}</td></tr>`)
    .join('');
  const pax = q.paxRange
    .map((p) => `<tr><td class="n">${p.travellers}</td><td class="amount">${escapeHtml(money(p.perPersonFen))}</td><td class="amount">${escapeHtml(money(p.groupFen))}</td><td class="amount">${escapeHtml(money(p.singleSupplementFen))}</td></tr>`)
    .join('');
  const list = (items: readonly { en: string; zh: string }[], cls: string) => `<ul class="${cls}">${items.map((i) => `<li>${escapeHtml(i[lang])}</li>`).join('')}</ul>`;
  const terms = lang === 'zh' ? (agency?.termsZh ?? agency?.terms) : agency?.terms;
  return [
    `<section class="price"><h2>${escapeHtml(L.quote)}</h2>`,
    `<div class="price-grid"><div><h3>${escapeHtml(L.perPerson)}</h3><table class="quote"><tbody>${perPerson}`,
    `<tr class="total"><td>${escapeHtml(L.group)}</td><td class="n">× ${q.totals.travellers}</td><td class="amount">${escapeHtml(money(q.totals.sellFen))}</td></tr></tbody></table></div>`,
    pax ? `<div><h3>${escapeHtml(L.sizes)}</h3><table class="quote pax"><thead><tr><th>${escapeHtml(L.size)}</th><th>${escapeHtml(L.each)}</th><th>${escapeHtml(L.total)}</th><th>${escapeHtml(L.single)}</th></tr></thead><tbody>${pax}</tbody></table></div>` : '',
    `</div>`,
    q.estimates ? `<p class="key">${escapeHtml(L.estimate)}</p>` : '',
    q.missing.length > 0 ? `<h3 class="missing">${escapeHtml(L.missing)}</h3>${list(q.missing, 'missing')}` : '',
    `<div class="incl"><div><h3>${escapeHtml(L.included)}</h3>${list(q.inclusions, 'included')}</div><div><h3>${escapeHtml(L.excluded)}</h3>${list(q.exclusions, 'excluded')}</div></div>`,
    `<h3>${escapeHtml(L.assumptions)}</h3>${list(q.assumptions, 'assumptions')}`,
    terms || agency?.validDays ? `<h3>${escapeHtml(L.terms)}</h3>${agency?.validDays ? `<p>${escapeHtml(L.valid(agency.validDays))}</p>` : ''}${terms ? `<p class="terms">${escapeHtml(terms)}</p>` : ''}` : '',
    `</section>`,
  ].join('');
}

export const QUOTE_CSS = `
.letterhead{display:flex;align-items:center;gap:1rem;border-bottom:3px solid var(--ink);padding-bottom:.5rem;margin-bottom:1rem}
.letterhead .logo{height:16mm;width:auto;max-width:50mm;object-fit:contain}
.letterhead .agency{font-size:1.3rem;font-weight:700}
.letterhead .contact{font-size:.8rem;color:var(--muted)}
table.quote{border-collapse:collapse;width:100%}
table.quote th{text-align:left;font-size:.8rem;color:var(--muted);border-bottom:1px solid var(--ink);padding:.2rem .4rem}
table.quote td{padding:.25rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
table.quote td.amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.quote td.n{font-variant-numeric:tabular-nums;white-space:nowrap}
table.quote.pax th+th{text-align:right}
table.quote tr.total td{font-weight:700;border-top:2px solid var(--ink)}
.price-grid{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem}
.incl{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem;margin-top:.6rem}
.price h3{margin:.8rem 0 .3rem}
.price ul{margin:0;padding-left:1.1rem}
ul.included li::marker{content:"+ "}
ul.excluded li::marker{content:"− "}
.missing{color:#c62828}
.key{font-size:.78rem;color:var(--muted);margin:.3rem 0 0}
.terms{white-space:pre-line;font-size:.85rem}
section.services,section.price{break-inside:avoid-page}
h2,h3{break-after:avoid;page-break-after:avoid}
/* The package price replaces the plan's item prices in the agency's document. */
section.day .cost,.day-foot span+span{display:none}
@media print{section.price{break-before:page;page-break-before:always}.letterhead{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;
