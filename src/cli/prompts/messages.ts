/** Every word the interactive planner says, in English and Simplified Chinese. */
import type { Lang } from '../../export/locale.js';
import { guideTitle } from '../../domain/quote/guide-language.js';

export interface PromptMessages {
  readonly from: string;
  readonly to: string;
  /** The end-city choice that comes back to the start city (`--to` = `--from`). */
  readonly sameCity: string;
  readonly stayInCity: string;
  /** The end-city choice that leaves the end to the planner (no `--to`). */
  readonly anywhere: string;
  readonly start: string;
  readonly badDate: string;
  readonly pastDate: (today: string) => string;
  readonly days: string;
  readonly badDays: (max: number) => string;
  readonly themes: string;
  readonly atLeastOneTheme: string;
  readonly partyCount: (category: string) => string;
  readonly badCount: string;
  readonly nobody: string;
  readonly pace: string;
  readonly paces: Readonly<Record<'relaxed' | 'standard' | 'packed', string>>;
  readonly must: string;
  readonly noCandidates: string;
  readonly budget: string;
  readonly badBudget: string;
  readonly next: string;
  readonly actions: Readonly<Record<'add' | 'remove' | 'dates' | 'replan' | 'quote' | 'price' | 'issue' | 'save' | 'done', string>>;
  readonly addWhich: string;
  readonly priceGrade: string;
  readonly priceGrades: Readonly<Record<'budget' | '3star' | '4star' | '5star', string>>;
  readonly priceGuide: string;
  readonly priceGuides: Readonly<Record<'none' | 'en' | 'zh', string>>;
  readonly priceMarkup: string;
  readonly badMarkup: string;
  readonly priceCommand: string;
  readonly removeWhich: string;
  readonly nothingToAdd: string;
  readonly holderName: (n: number) => string;
  readonly holderCategory: (name: string) => string;
  readonly holderIdNumber: (name: string) => string;
  readonly anotherHolder: string;
  readonly emptyName: string;
  readonly saveAs: string;
  readonly saveFormats: string;
  /** A save choice for the quote document. */
  readonly quoteFile: (file: string) => string;
  /** The quote is saved as HTML only: no Chromium for the PDF. */
  readonly noPdf: string;
  readonly atLeastOneFormat: string;
  readonly saved: (file: string) => string;
  readonly noDays: string;
  readonly singleTickets: (n: number) => string;
  readonly summary: (s: SessionSummaryFacts) => string;
  readonly sameCommand: string;
}

/** What the closing summary says: the plan, what was issued and saved. */
export interface SessionSummaryFacts {
  readonly route: string;
  readonly days: number;
  readonly start: string;
  readonly stops: number;
  readonly passes: readonly string[];
  readonly saved: readonly string[];
}

const EN: PromptMessages = {
  from: 'Start in which city? (type to search, English or 中文)',
  to: 'End in which city?',
  sameCity: '(back to the start city: a round trip)',
  stayInCity: '(stay in the start city: every night there, no other city)',
  anywhere: '(anywhere: the planner chooses where the trip ends)',
  start: 'First day (YYYY-MM-DD)?',
  badDate: 'Give a real date as YYYY-MM-DD, e.g. 2026-05-12',
  pastDate: (today) => `That day has passed; give ${today} or later`,
  days: 'How many days?',
  badDays: (max) => `Give a whole number of days from 1 to ${max}`,
  themes: 'Which themes?',
  atLeastOneTheme: 'Pick at least one theme (space to select)',
  partyCount: (category) => `How many travellers: ${category}?`,
  badCount: 'Give a whole number, 0 or more',
  nobody: 'The party needs at least one traveller',
  pace: 'Pace?',
  paces: { relaxed: 'Relaxed: fewer stops, long breaks, days 09:00–19:00', standard: 'Standard: days 08:00–20:00', packed: 'Packed: as many stops as fit, days 08:00–20:00' },
  must: 'Must-see stops? (optional; filtered by your themes and cities)',
  noCandidates: 'No stops match these themes and cities.',
  budget: 'Budget for the whole party, in yuan? (empty: no limit)',
  badBudget: 'Give an amount such as 3000, or leave it empty',
  next: 'What next?',
  actions: {
    add: 'Add a stop',
    remove: 'Remove a stop',
    dates: 'Change the dates or the number of days',
    replan: 'Re-plan (keep the stops I chose)',
    quote: 'Quote passes',
    price: 'Price the trip per person (hotels, meals, fares, transfers)',
    issue: 'Issue passes for named travellers',
    save: 'Save the files',
    done: 'Done',
  },
  addWhich: 'Add which stop?',
  priceGrade: 'Hotel and restaurant grade?',
  priceGrades: { budget: 'Budget', '3star': '3★', '4star': '4★', '5star': '5★' },
  priceGuide: 'A local guide on sightseeing days?',
  // The guide named as the quote names it (guide-language.ts), so the answer reads as the line it prices.
  priceGuides: { none: 'No guide', en: guideTitle('en').en, zh: guideTitle('zh').en },
  priceMarkup: 'Your markup on the net cost? (e.g. 15%; 0 for none)',
  badMarkup: 'Give a percentage from 0% to 1000%, like 15%',
  priceCommand: 'The same quote, and its document (--format html|pdf --agency FILE), from the saved plan:',
  removeWhich: 'Remove which stop?',
  nothingToAdd: 'Every matching stop is already in the plan.',
  holderName: (n) => `Name of traveller ${n}?`,
  holderCategory: (name) => `Rider category of ${name}?`,
  holderIdNumber: (name) => `ID number of ${name}? (optional: the gate can then check it; empty for none)`,
  anotherHolder: 'Add another traveller?',
  emptyName: 'A name cannot be empty',
  saveAs: 'Save as (file name without extension)?',
  saveFormats: 'Which files?',
  quoteFile: (file) => `${file} (the quote document, priced as in "Price the trip")`,
  noPdf: 'The quote is saved as HTML only: a PDF needs Chromium, which is not installed (Debian: apt-get install chromium).',
  atLeastOneFormat: 'Pick at least one format',
  saved: (file) => `Saved ${file}`,
  noDays: 'The plan has no days.',
  singleTickets: (n) => `${n} single ticket${n === 1 ? '' : 's'}`,
  summary: (s) =>
    `Plan: ${s.route}, ${s.days} day${s.days === 1 ? '' : 's'} from ${s.start}, ${s.stops} stop${s.stops === 1 ? '' : 's'}` +
    `; ${s.passes.length === 0 ? 'no passes issued' : `passes issued: ${s.passes.join(', ')}`}` +
    `; ${s.saved.length === 0 ? 'nothing saved' : `saved: ${s.saved.join(', ')}`}.`,
  sameCommand: 'The same plan without the questions:',
};

const ZH: PromptMessages = {
  from: '从哪座城市出发？（可输入中文或英文搜索）',
  to: '在哪座城市结束？',
  sameCity: '（回到出发城市：环线）',
  stayInCity: '（只在出发城市：每晚都住这里，不去别的城市）',
  anywhere: '（不限：由规划决定在哪座城市结束）',
  start: '第一天的日期（YYYY-MM-DD）？',
  badDate: '请输入有效日期，格式为 YYYY-MM-DD，例如 2026-05-12',
  pastDate: (today) => `该日期已过，请输入 ${today} 或之后的日期`,
  days: '共几天？',
  badDays: (max) => `请输入 1 到 ${max} 之间的整数`,
  themes: '选择哪些主题？',
  atLeastOneTheme: '请至少选择一个主题（空格键选择）',
  partyCount: (category) => `${category}人数？`,
  badCount: '请输入 0 或更大的整数',
  nobody: '至少需要一位出行人',
  pace: '行程节奏？',
  paces: { relaxed: '宽松：景点少、休息多，每天09:00–19:00', standard: '适中：每天08:00–20:00', packed: '紧凑：尽量多安排景点，每天08:00–20:00' },
  must: '必游景点？（可不选；已按主题和城市筛选）',
  noCandidates: '没有符合这些主题和城市的景点。',
  budget: '全体预算（元）？（留空表示不限）',
  badBudget: '请输入金额，例如 3000，或留空',
  next: '下一步？',
  actions: {
    add: '添加景点',
    remove: '删除景点',
    dates: '修改日期或天数',
    replan: '重新规划（保留已选景点）',
    quote: '通票报价',
    price: '整团报价（住宿、餐食、交通、接送）',
    issue: '为出行人出票',
    save: '保存文件',
    done: '完成',
  },
  addWhich: '添加哪个景点？',
  priceGrade: '酒店及餐厅档次？',
  priceGrades: { budget: '经济型', '3star': '三星', '4star': '四星', '5star': '五星' },
  priceGuide: '游览日是否配地陪导游？',
  priceGuides: { none: '不配导游', en: guideTitle('en').zh, zh: guideTitle('zh').zh },
  priceMarkup: '在成本上加价多少？（例如 15%；0 表示不加）',
  badMarkup: '请输入 0% 到 1000% 之间的百分比，例如 15%',
  priceCommand: '用保存的行程生成同一报价及报价单（--format html|pdf --agency 文件）：',
  removeWhich: '删除哪个景点？',
  nothingToAdd: '符合条件的景点都已在行程中。',
  holderName: (n) => `第 ${n} 位出行人的姓名？`,
  holderCategory: (name) => `${name} 的票种？`,
  holderIdNumber: (name) => `${name} 的证件号码？（可不填：填写后检票时可核对证件；留空表示不填）`,
  anotherHolder: '继续添加出行人？',
  emptyName: '姓名不能为空',
  saveAs: '保存为（文件名，不含扩展名）？',
  saveFormats: '保存哪些文件？',
  quoteFile: (file) => `${file}（报价单，按“整团报价”的选择计价）`,
  noPdf: '报价单只保存为 HTML：生成 PDF 需要 Chromium，本机未安装（Debian：apt-get install chromium）。',
  atLeastOneFormat: '请至少选择一种格式',
  saved: (file) => `已保存 ${file}`,
  noDays: '行程没有任何一天。',
  singleTickets: (n) => `${n} 张单次门票`,
  summary: (s) =>
    `行程：${s.route}，${s.start} 起共 ${s.days} 天，${s.stops} 个景点；` +
    `${s.passes.length === 0 ? '未出票' : `已出票：${s.passes.join('、')}`}；` +
    `${s.saved.length === 0 ? '未保存文件' : `已保存：${s.saved.join('、')}`}。`,
  sameCommand: '不经提问生成同一行程的命令：',
};

export function promptMessages(lang: Lang): PromptMessages {
  return lang === 'zh' ? ZH : EN;
}
