/**
 * The attraction list in three views: a coloured, bilingual table in a
 * terminal, fitted to its width (names cut, themes and rating left out when
 * narrow); stable tab-separated columns in a pipe (id, name, name_zh, city,
 * themes, rating, visit_min, adult_price); a versioned JSON document.
 */
import type { ChalkInstance } from 'chalk';
import { toJson, type Output } from '../cli/output.js';
import { renderTable, type Column } from '../cli/table.js';
import type { AttractionListing } from '../domain/catalogue/catalogue-views.js';
import type { Attraction, Catalogue, Theme } from '../domain/catalogue/model.js';
import { formatDurationMin, formatMoney, themeColor } from './catalogue-format.js';
import { catalogueLabels } from './catalogue-labels.js';
import { cutDisplayName, displayName, shortName } from './names.js';

/** Room for the start of both names ("Yellow Crane… 黄鹤楼公园"); below it, themes and rating are left out. */
const NAME_WANTS_CELLS = 24;

export function renderAttractionList(
  listing: AttractionListing,
  catalogue: Catalogue,
  out: Pick<Output, 'view' | 'style' | 'lang' | 'columns'>,
): string {
  if (out.view === 'json') return toJson(attractionListJson(listing, catalogue));
  const baseCategory = defaultCategory(catalogue);
  if (out.view === 'pipe') return renderTable(out, listing.attractions, pipeColumns(baseCategory));
  const labels = catalogueLabels(out.lang);
  if (listing.attractions.length === 0) return labels.noAttractions + '\n';
  const cities = new Map(catalogue.cities.map((c) => [c.id, c]));
  const columns: Column<Attraction>[] = [
    { header: labels.id, value: (a) => a.id, color: (t) => out.style.dim(t), whole: true },
    // Both names cut by display width (each keeps its start), never the Chinese one dropped.
    {
      header: labels.name,
      value: (a) => displayName(a, out.lang, 'tty'),
      cut: (a, width) => cutDisplayName(a, out.lang, width),
      color: (t, a) => (a.mustSee ? out.style.bold(t) : t),
      wants: NAME_WANTS_CELLS,
    },
    { header: labels.city, value: (a) => (cities.has(a.city) ? shortName(cities.get(a.city)!, out.lang) : a.city) },
    // Coloured theme by theme from the cell text, so a cell cut to fit the terminal stays cut.
    // Themes, then rating, make room for the names in a narrow terminal (80 columns); --json has them.
    { header: labels.themes, value: (a) => a.themes.join(','), color: (t, a) => colorThemeList(t, a.themes, out.style), optional: 1 },
    { header: labels.rating, value: (a) => (a.rating === 'none' ? '' : a.rating), optional: 2 },
    { header: labels.visit, value: (a) => formatDurationMin(a.visitMin), align: 'right' },
    { header: labels.adult, value: (a) => priceText(a, baseCategory, labels.free), align: 'right' },
  ];
  return renderTable(out, listing.attractions, columns);
}

const pipeColumns = (baseCategory: string): readonly Column<Attraction>[] => [
  { header: 'id', value: (a) => a.id },
  { header: 'name', value: (a) => a.name },
  { header: 'name_zh', value: (a) => a.nameZh },
  { header: 'city', value: (a) => a.city },
  { header: 'themes', value: (a) => a.themes.join(',') },
  { header: 'rating', value: (a) => a.rating },
  { header: 'visit_min', value: (a) => String(a.visitMin) },
  { header: 'adult_price', value: (a) => formatMoney(basePrice(a, baseCategory)) },
];

export interface AttractionListJson {
  readonly schemaVersion: 1;
  readonly kind: 'yangtze.attractions';
  readonly currency: string;
  readonly filters: { readonly themes: readonly string[]; readonly city: string | null; readonly rating: string | null };
  readonly attractions: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameZh: string;
    readonly city: string;
    readonly themes: readonly string[];
    readonly rating: string;
    readonly visitMin: number;
    readonly price: Readonly<Record<string, number>>;
    readonly reservation: string;
    readonly mustSee: boolean;
    readonly location: { readonly lat: number; readonly lon: number };
  }[];
}

export function attractionListJson(listing: AttractionListing, catalogue: Catalogue): AttractionListJson {
  return {
    schemaVersion: 1,
    kind: 'yangtze.attractions',
    currency: catalogue.currency,
    filters: {
      themes: listing.filters.themes,
      city: listing.filters.city ?? null,
      rating: listing.filters.rating ?? null,
    },
    attractions: listing.attractions.map((a) => ({
      id: a.id,
      name: a.name,
      nameZh: a.nameZh,
      city: a.city,
      themes: a.themes,
      rating: a.rating,
      visitMin: a.visitMin,
      price: a.price,
      reservation: a.reservation,
      mustSee: a.mustSee,
      location: { lat: a.location.lat, lon: a.location.lon },
    })),
  };
}

/** The default rider category ("adult"): every attraction has its price. */
export function defaultCategory(catalogue: Catalogue): string {
  return catalogue.riderCategories.find((c) => c.isDefault)?.id ?? 'adult';
}

function basePrice(a: Attraction, category: string): number {
  return a.price[category] ?? 0;
}

function priceText(a: Attraction, category: string, free: string): string {
  const price = basePrice(a, category);
  return price === 0 ? free : formatMoney(price);
}

/** "eco,water" with each whole theme name in its colour; a part that is not one (cut: "wat…") stays plain. */
function colorThemeList(text: string, themes: readonly Theme[], style: ChalkInstance): string {
  return text
    .split(',')
    .map((part) => (themes.includes(part as Theme) ? themeColor(part as Theme, style)(part) : part))
    .join(',');
}
