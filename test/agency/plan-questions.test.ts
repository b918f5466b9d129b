import { describe, expect, it } from '@jest/globals';
import { askPlanRequest, cityQuestion, mustCandidates, startQuestion } from '../../src/cli/prompts/plan-questions.js';
import { catalogue } from '../fixtures/agency/wuhan-nanchang.js';
import { scriptedAsker } from './helpers/scripted-asker.js';

const en = { catalogue, lang: 'en' as const, today: '2026-05-11' };
const zh = { ...en, lang: 'zh' as const };

describe('the planning questions', () => {
  it('asks every question when no flag was given, and collects the request', async () => {
    const asker = scriptedAsker([
      ['search', 'wuhan'],
      ['search', '南昌'],
      ['input', '2026-05-12'],
      ['input', '3'],
      ['checkbox', ['red', 'cultural']],
      ['input', '2'], // adults
      ['input', '1'], // children
      ['input', '0'], // seniors
      ['select', 'standard'],
      ['checkbox', ['nc-bayi-uprising-memorial']],
      ['input', '3000'],
    ]);
    const answers = await askPlanRequest(asker, en, {});
    expect(answers).toEqual({
      from: 'wuhan',
      to: 'nanchang',
      start: '2026-05-12',
      days: 3,
      themes: ['red', 'cultural'],
      party: { adult: 2, child: 1 },
      pace: 'standard',
      must: ['nc-bayi-uprising-memorial'],
      budget: 3000,
    });
    expect(asker.asked.map((q) => q.message)).toEqual([
      'Start in which city? (type to search, English or 中文)',
      'End in which city?',
      'First day (YYYY-MM-DD)?',
      'How many days?',
      'Which themes?',
      'How many travellers: Adult?',
      'How many travellers: Child?',
      'How many travellers: Senior?',
      'Pace?',
      'Must-see stops? (optional; filtered by your themes and cities)',
      'Budget for the whole party, in yuan? (empty: no limit)',
    ]);
  });

  it('skips every question whose flag was given', async () => {
    const asker = scriptedAsker([['checkbox', []]]); // only --must is missing: the must-see question
    const answers = await askPlanRequest(asker, en, {
      from: 'wuhan', to: 'nanchang', start: '2026-05-12', days: '3', themes: 'red,cultural', party: 'adult=2,child=1',
      pace: 'relaxed', budget: '2500',
    });
    expect(asker.asked.map((q) => q.kind)).toEqual(['checkbox']);
    expect(answers).toMatchObject({ from: 'wuhan', days: 3, themes: ['red', 'cultural'], party: { adult: 2, child: 1 }, pace: 'relaxed', budget: 2500 });
  });

  it('asks nothing at all when every flag was given', async () => {
    const asker = scriptedAsker([]);
    await askPlanRequest(asker, en, {
      from: 'wuhan', start: '2026-05-12', days: 2, themes: ['eco'], party: { adult: 1 }, pace: 'packed', must: ['wh-east-lake'], budget: 800,
    });
    expect(asker.asked).toEqual([]);
  });

  it('treats --from without --to as `plan` does: the planner chooses where the trip ends', async () => {
    const asker = scriptedAsker([['input', '2026-05-12'], ['input', '2'], ['checkbox', ['eco']], ['input', '1'], ['input', '0'], ['input', '0'], ['select', 'standard'], ['checkbox', []], ['input', '']]);
    const answers = await askPlanRequest(asker, en, { from: 'wuhan' });
    expect(answers.to).toBeUndefined();
    expect(answers.budget).toBeUndefined();
    expect(asker.asked.some((q) => q.message === 'End in which city?')).toBe(false);
  });

  it('offers a round trip when asked for the end city, and the start city only as that (the list repeated it)', async () => {
    const asker = scriptedAsker([['search', 'wuhan'], ['search', '']]);
    await expect(askPlanRequest(asker, en, {})).rejects.toThrow(/script finished/);
    expect(asker.asked[1]!.choices).toEqual([
      { value: 'wuhan', name: '(back to the start city: a round trip)' },
      { value: '=stay', name: '(stay in the start city: every night there, no other city)' },
      { value: '', name: '(anywhere: the planner chooses where the trip ends)' },
      { value: 'jiujiang', name: 'Jiujiang 九江', description: 'Jiangxi' },
      { value: 'nanchang', name: 'Nanchang 南昌', description: 'Jiangxi' },
    ]);
  });

  it('the round trip comes back to the start city (before, it planned no --to: a Wuhan trip ended in Jiujiang)', async () => {
    const asker = scriptedAsker([['search', 'wuhan'], ['search', 'wuhan'], ['input', '2026-05-12'], ['input', '2'], ['checkbox', ['eco']],
      ['input', '1'], ['input', '0'], ['input', '0'], ['select', 'standard'], ['checkbox', []], ['input', '']]);
    const answers = await askPlanRequest(asker, en, {});
    expect(answers.to).toBe('wuhan');
    expect(answers.stay).toBeUndefined();
  });

  it('typing the start city\'s name when asked for the end finds what ending there means, in English or Chinese', () => {
    const q = cityQuestion(zh, 'To?', [{ value: 'wuhan', name: '（回到出发城市：环线）' }], 'wuhan');
    expect(q.source('武汉').map((c) => c.value)).toEqual(['wuhan']);
    expect(q.source('武汉')[0]!.name).toBe('（回到出发城市：环线）');
    expect(q.source('nan').map((c) => c.value)).toEqual(['nanchang']);
  });

  it('asks in Chinese with --lang zh', async () => {
    const asker = scriptedAsker([['search', '武汉']]);
    await expect(askPlanRequest(asker, zh, {})).rejects.toThrow(/script finished/);
    expect(asker.asked[0]!.message).toBe('从哪座城市出发？（可输入中文或英文搜索）');
    expect(asker.asked[0]!.choices!.map((c) => c.name)).toEqual(['武汉 Wuhan', '九江 Jiujiang', '南昌 Nanchang']);
  });
});

describe('city search', () => {
  it('finds a city by its English name, its Chinese name or its id', () => {
    const q = cityQuestion(en, 'From?');
    expect(q.source('nan').map((c) => c.value)).toEqual(['nanchang']);
    expect(q.source('南昌').map((c) => c.value)).toEqual(['nanchang']);
    expect(q.source('WU').map((c) => c.value)).toEqual(['wuhan']);
    expect(q.source('').map((c) => c.value)).toEqual(['wuhan', 'jiujiang', 'nanchang']);
    expect(q.source('xian')).toEqual([]);
  });
});

describe('start date', () => {
  it('accepts today or later, and refuses bad or past dates with a message that says why', () => {
    const validate = startQuestion(en, '2026-05-12').validate!;
    expect(validate('2026-05-11')).toBe(true);
    expect(validate('2026-05-12')).toBe(true);
    expect(validate('2026-05-10')).toBe('That day has passed; give 2026-05-11 or later');
    expect(validate('2026-02-30')).toBe('Give a real date as YYYY-MM-DD, e.g. 2026-05-12');
    expect(validate('12/05/2026')).toBe('Give a real date as YYYY-MM-DD, e.g. 2026-05-12');
    expect(startQuestion(zh, '2026-05-12').validate!('2026-05-10')).toBe('该日期已过，请输入 2026-05-11 或之后的日期');
  });
});

describe('must-see candidates', () => {
  it('keeps stops of the chosen themes in the chosen cities, must-see ones first', () => {
    const ids = mustCandidates(catalogue, ['red'], ['nanchang']).map((a) => a.id);
    expect(ids).toEqual(['nc-bayi-uprising-memorial', 'nc-new-fourth-army-hq']);
    expect(mustCandidates(catalogue, ['eco'], ['nanchang'])).toEqual([]);
    expect(mustCandidates(catalogue, ['eco'], ['wuhan']).map((a) => a.id)).toEqual(['wh-east-lake']);
  });
});
