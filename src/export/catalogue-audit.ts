/**
 * `catalogue audit` in three views: in a terminal, the counts by status and
 * a table of the facts (estimates in yellow, oldest first within an item);
 * in a pipe, stable tab-separated columns (kind, id, city, field, status,
 * checked, age_days, sources); with --json, a versioned document.
 */
import { toJson, type Output } from '../cli/output.js';
import { renderTable, type Column } from '../cli/table.js';
import type { AuditedFact, FactAudit } from '../domain/catalogue/fact-audit.js';

export function renderCatalogueAudit(audit: FactAudit, out: Pick<Output, 'view' | 'style' | 'lang' | 'columns'>): string {
  if (out.view === 'json') return toJson(catalogueAuditJson(audit));
  if (out.view === 'pipe') return renderTable(out, audit.facts, PIPE_COLUMNS);
  const zh = out.lang === 'zh';
  const s = audit.byStatus;
  const head = zh
    ? `截至 ${audit.asOf}：${audit.facts.length} 条信息 · 已核实 ${s.confirmed} · 估计 ${s.estimate} · 推定 ${s.assumed}`
    : `As of ${audit.asOf}: ${audit.facts.length} facts · ${s.confirmed} confirmed · ${s.estimate} estimate · ${s.assumed} assumed`;
  const lines = [out.style.bold(head)];
  if (audit.facts.length === 0) lines.push(zh ? '没有符合条件的信息。' : 'No fact matches.');
  else {
    const columns: Column<AuditedFact>[] = [
      { header: zh ? '项目' : 'item', value: (f) => f.id, color: (t) => out.style.dim(t), whole: true },
      { header: zh ? '信息' : 'fact', value: (f) => f.field, whole: true },
      {
        header: zh ? '状态' : 'status',
        value: (f) => f.status + (f.derived ? '*' : ''),
        color: (t, f) => (f.status === 'confirmed' ? out.style.green(t) : out.style.yellow(t)),
        whole: true,
      },
      { header: zh ? '核实于' : 'checked', value: (f) => f.checked ?? '–', whole: true },
      { header: zh ? '天数' : 'age', value: (f) => (f.ageDays === undefined ? '–' : `${f.ageDays}d`), align: 'right', whole: true },
      { header: zh ? '来源' : 'source', value: (f) => f.sources.map((x) => x.title).join('; ') || '–' },
    ];
    lines.push(renderTable(out, audit.facts, columns).trimEnd());
    if (audit.facts.some((f) => f.derived)) lines.push(out.style.dim(zh ? '* 由折扣规则得出' : '* derived from a discount rule'));
  }
  if (audit.withoutProvenance.length > 0) {
    lines.push(out.style.yellow((zh ? '无逐条来源：' : 'No per-fact provenance: ') + audit.withoutProvenance.join(', ')));
  }
  return lines.join('\n') + '\n';
}

const PIPE_COLUMNS: readonly Column<AuditedFact>[] = [
  { header: 'kind', value: (f) => f.kind },
  { header: 'id', value: (f) => f.id },
  { header: 'city', value: (f) => f.city },
  { header: 'field', value: (f) => f.field },
  { header: 'status', value: (f) => f.status },
  { header: 'checked', value: (f) => f.checked ?? '' },
  { header: 'age_days', value: (f) => (f.ageDays === undefined ? '' : String(f.ageDays)) },
  { header: 'sources', value: (f) => f.sources.map((x) => x.id).join(',') },
];

export interface CatalogueAuditJson {
  readonly schemaVersion: 1;
  readonly kind: 'yangtze.catalogue-audit';
  readonly asOf: string;
  readonly filters: { readonly statuses: readonly string[] | null; readonly checkedBefore: string | null; readonly item: string | null; readonly city: string | null };
  readonly byStatus: FactAudit['byStatus'];
  readonly facts: readonly {
    readonly kind: string;
    readonly id: string;
    readonly city: string;
    readonly field: string;
    readonly status: string;
    readonly checked: string | null;
    readonly ageDays: number | null;
    readonly derived: boolean;
    readonly note: string | null;
    readonly sources: readonly { readonly id: string; readonly title: string; readonly url: string | null; readonly published: string | null }[];
  }[];
  readonly withoutProvenance: readonly string[];
}

export function catalogueAuditJson(audit: FactAudit): CatalogueAuditJson {
  const f = audit.filters;
  return {
    schemaVersion: 1,
    kind: 'yangtze.catalogue-audit',
    asOf: audit.asOf,
    filters: { statuses: f.statuses ?? null, checkedBefore: f.checkedBefore ?? null, item: f.item ?? null, city: f.city ?? null },
    byStatus: audit.byStatus,
    facts: audit.facts.map((x) => ({
      kind: x.kind,
      id: x.id,
      city: x.city,
      field: x.field,
      status: x.status,
      checked: x.checked ?? null,
      ageDays: x.ageDays ?? null,
      derived: x.derived,
      note: x.note ?? null,
      sources: x.sources.map((s) => ({ id: s.id, title: s.title, url: s.url ?? null, published: s.published ?? null })),
    })),
    withoutProvenance: audit.withoutProvenance,
  };
}
