/**
 * The quote in a terminal: cost lines grouped by section with subtotals,
 * the price per person by rider category and room basis, the group total,
 * the pax-range table, inclusions, exclusions and assumptions. Estimates are
 * marked with `~`. Labels follow --lang; amounts are yuan from exact fen.
 */
import type { ChalkInstance } from 'chalk';
import { formatYuan } from '../domain/quote/money.js';
import { describeMargin, formatBasisPoints } from '../domain/quote/margin.js';
import { cabinZh, GRADE_TEXT } from '../domain/quote/price-trip.js';
import { guideTitle } from '../domain/quote/guide-language.js';
import { SECTIONS, type PriceRow, type Section, type TripQuote } from '../domain/quote/quote-model.js';
import { truncate } from '../cli/table.js';
import { displayWidth } from './display-width.js';

const SECTION_TEXT: Record<Section, { en: string; zh: string }> = {
  lodging: { en: 'Hotels', zh: '住宿' },
  meals: { en: 'Meals', zh: '餐食' },
  admissions: { en: 'Admissions', zh: '门票' },
  fares: { en: 'Fares', zh: '城际交通' },
  cruise: { en: 'Cruise', zh: '游轮' },
  transfers: { en: 'Transfers', zh: '市内交通' },
  guide: { en: 'Guide', zh: '导游' },
};

export function sectionText(s: Section, lang: 'en' | 'zh'): string {
  return SECTION_TEXT[s][lang];
}

export function rowText(row: PriceRow, lang: 'en' | 'zh', category: (id: string) => string = (id) => id): string {
  const basis: Record<PriceRow['basis'], { en: string; zh: string }> = {
    twin: { en: 'twin share', zh: '双人同住' },
    single: { en: 'room alone', zh: '单人住' },
    share: { en: 'sharing, no bed', zh: '同住不占床' },
    'extra-bed': { en: 'extra bed', zh: '加床' },
    'own-room': { en: 'own room', zh: '单独房间' },
  };
  return lang === 'zh' ? `${category(row.category)}，${basis[row.basis].zh}` : `${row.category}, ${basis[row.basis].en}`;
}

/** The options line in Chinese: the values in words (四星, 双人间 …), not the flags' ids. */
function optionsZh(q: TripQuote): string {
  const o = q.options;
  const rooms = ({ twin: '双人间', single: '单人间' } as Record<string, string>)[o.rooms] ?? o.rooms;
  const bed = ({ share: '同住不占床', 'extra-bed': '加床', 'own-room': '单独房间' } as Record<string, string>)[o.childBed] ?? o.childBed;
  const transport = ({ vehicle: '专车（含司机）', taxi: '出租车', none: '自理' } as Record<string, string>)[o.transport] ?? o.transport;
  const margin = o.margin.kind === 'none' ? '无' : `${o.margin.kind === 'markup' ? '加价' : '佣金'}${formatBasisPoints(o.margin.basisPoints)}`;
  const rounding = o.rounding.kind === 'none' ? '不取整' : `进位到${o.rounding.yuan}元`;
  return `标准 ${GRADE_TEXT[o.grade].zh} · 房型 ${rooms} · 儿童 ${bed} · 交通 ${transport} · 导游 ${o.guide ? guideTitle(o.guide).zh : '无'} · 舱位 ${cabinZh(o.cabin)} · 利润 ${margin} · 取整 ${rounding} · 最后一晚 ${q.trip.lastNight.included ? '含住宿' : '不含住宿'}`;
}

/** `category`: a rider category's name in Chinese (the catalogue's), for --lang zh; the id in English. */
export function renderQuoteText(q: TripQuote, style: ChalkInstance, lang: 'en' | 'zh', category: (id: string) => string = (id) => id): string {
  const t = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const lpad = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
  const est = (e: boolean) => (e ? style.yellow('~') : ' ');
  const out: string[] = [];
  const people = Object.entries(q.options.party).filter(([, n]) => n > 0);
  const party = lang === 'zh' ? people.map(([c, n]) => `${category(c)}${n}人`).join('、') : people.map(([c, n]) => `${c} ${n}`).join(', ');
  out.push(style.bold(t(`Quote: ${plural(q.trip.days, 'day')} / ${plural(q.trip.nights, 'night')} from ${q.trip.start}, ${party} (${q.currency})`, `报价：${q.trip.start}起 ${q.trip.days}天${q.trip.nights}晚，${party}（${q.currency}）`)));
  if (lang === 'zh') out.push(style.dim(optionsZh(q)));
  else out.push(style.dim(`${t('grade', '标准')} ${q.options.grade} · ${t('rooms', '房型')} ${q.options.rooms} · ${t('child', '儿童')} ${q.options.childBed} · ${t('transfers', '交通')} ${q.options.transport} · ${t('guide', '导游')} ${q.options.guide ?? '—'} · ${t('cabin', '舱位')} ${q.options.cabin} · ${t('margin', '利润')} ${describeMargin(q.options.margin)} · ${t('rounding', '取整')} ${q.options.rounding.kind === 'none' ? 'none' : `up-to-${q.options.rounding.yuan}`} · last night ${q.trip.lastNight.included ? 'included' : 'not included'}`));
  const labelWidth = Math.min(64, Math.max(20, ...q.lines.map((l) => displayWidth(l.label[lang]))));
  for (const s of SECTIONS) {
    const lines = q.lines.filter((l) => l.section === s);
    if (lines.length === 0) continue;
    out.push('', style.bold(`${sectionText(s, lang)}`));
    for (const l of lines) {
      const label = cutLabel(l.label[lang], labelWidth);
      out.push(`  ${style.dim(`D${l.day ?? '-'}`.padEnd(4))}${pad(label, labelWidth)}  ${lpad(`${l.quantity} × ${formatYuan(l.unitFen)}`, 18)}  ${lpad(formatYuan(l.totalFen), 12)}${est(l.estimate)}`);
    }
    out.push(`  ${' '.repeat(4)}${pad(style.dim(t('subtotal', '小计')), labelWidth)}  ${' '.repeat(18)}  ${lpad(style.bold(formatYuan(q.bySection[s])), 12)}`);
  }
  const colon = t(': ', '：');
  out.push('', `${t('Net cost', '成本合计')}${colon}${style.bold(formatYuan(q.totals.netFen))}   ${t('Margin', '利润')}${colon}${formatYuan(q.totals.marginFen)}`);
  out.push('', style.bold(t('Price per person', '每人价格')));
  for (const r of q.rows) out.push(`  ${pad(rowText(r.row, lang, category), 26)} × ${r.row.travellers}  ${lpad(formatYuan(r.sellFen), 12)}${est(r.estimate)}`);
  out.push(`  ${pad(style.bold(t('Group total', '团费合计')), 26)} × ${q.totals.travellers}  ${lpad(style.bold(formatYuan(q.totals.sellFen)), 12)}`);
  out.push('', style.bold(t('Per person by group size (twin share)', '按人数每人价格（双人同住）')));
  out.push(style.dim(`  ${lpad(t('travellers', '人数'), 10)}  ${lpad(t('per person', '每人'), 12)}  ${lpad(t('group', '团费'), 12)}  ${lpad(t('single suppl.', '单房差'), 14)}`));
  for (const p of q.paxRange) out.push(`  ${lpad(String(p.travellers), 10)}  ${lpad(formatYuan(p.perPersonFen), 12)}  ${lpad(formatYuan(p.groupFen), 12)}  ${lpad(formatYuan(p.singleSupplementFen), 14)}`);
  out.push('', style.bold(t('Included', '费用包含')), ...q.inclusions.map((x) => `  + ${x[lang]}`));
  out.push('', style.bold(t('Not included', '费用不含')), ...q.exclusions.map((x) => `  - ${x[lang]}`));
  out.push('', style.bold(t('Assumptions', '报价说明')), ...q.assumptions.map((x) => `  * ${x[lang]}`));
  if (q.missing.length > 0) out.push('', style.red.bold(t('NOT PRICED (no rate)', '未计价（缺少价格）')), ...q.missing.map((x) => `  ! ${x[lang]}`));
  if (q.estimates) out.push('', style.yellow(t('~ rests on an estimate: confirm before selling.', '~ 基于估算价格：出售前请确认。')));
  return out.join('\n') + '\n';
}

/**
 * A line's label cut to `width` display columns, keeping its rider category ("…, child",
 * "…（儿童）") in sight: cut at the end, the adult's and the child's line of a long name read
 * the same ("Hankou Riverside Park … Crossing-Sw…" twice).
 */
export function cutLabel(label: string, width: number): string {
  if (displayWidth(label) <= width) return label;
  const m = /^(.+?)(, [^,]+|（[^（）]+）)$/u.exec(label);
  const suffix = m?.[2] ?? '';
  if (!m || displayWidth(suffix) > width / 3) return truncate(label, width);
  return truncate(m[1]!, width - displayWidth(suffix)) + suffix;
}

/** "1 night", "6 nights". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
