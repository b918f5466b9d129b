/**
 * The itinerary's stylesheet: inline, no web fonts, A4 when printed. An English document lists
 * Latin fonts before the CJK ones: where "Noto Sans" is missing, a CJK font set the Latin text and
 * its full-width ’ left a gap in "parents’ room" (seen in the printed quote).
 */
import { THEME_COLOURS } from './theme-colours.js';

const themeRules = Object.entries(THEME_COLOURS)
  .map(([theme, colour]) => `.theme-${theme}{--theme:${colour}}`)
  .join('\n');

export const ITINERARY_CSS = `
:root{--ink:#263238;--muted:#607d8b;--line:#cfd8dc;--paper:#fff;--theme:#546e7a}
${themeRules}
*{box-sizing:border-box}
html{font-size:14px}
body{margin:0;background:#eceff1;color:var(--ink);font-family:"Noto Sans","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.45}
html:lang(en) body{font-family:"Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}
main{max-width:210mm;margin:0 auto;background:var(--paper);padding:14mm 14mm 10mm}
h1{font-size:1.9rem;margin:0 0 .2rem}
h2{font-size:1.25rem;margin:1.6rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin:0}
.subtitle{color:var(--muted);margin:0 0 1rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.chip{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.8rem;color:#fff;background:var(--theme);margin-right:.25rem;white-space:nowrap}
.maps{display:grid;grid-template-columns:1fr;gap:.6rem}
.maps .detail{display:grid;grid-template-columns:repeat(auto-fit,minmax(60mm,1fr));gap:.6rem}
figure{margin:0}
figcaption{font-size:.8rem;color:var(--muted);margin-top:.15rem}
svg.map{width:100%;height:auto;display:block}
section.day{border:1px solid var(--line);border-left:6px solid var(--theme);border-radius:6px;padding:.6rem .8rem;margin:0 0 .8rem;break-inside:avoid;page-break-inside:avoid}
section.day header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem;margin-bottom:.4rem}
section.day .date{color:var(--muted)}
ol.items{list-style:none;margin:0;padding:0}
ol.items li{display:grid;grid-template-columns:7.5rem 1.8rem 1fr auto;gap:.5rem;align-items:start;padding:.3rem 0;border-top:1px dashed var(--line)}
ol.items li:first-child{border-top:0}
.time{font-variant-numeric:tabular-nums;color:var(--muted)}
.num{display:inline-flex;justify-content:center;align-items:center;width:1.5rem;height:1.5rem;border-radius:50%;background:var(--theme);color:#fff;font-weight:700;font-size:.8rem}
.visit .name{font-weight:600}
.travel{color:var(--muted);font-size:.92rem}
.free-time{color:var(--muted);font-style:italic}
.note{display:block;font-size:.8rem;color:#ad1457}
.cost{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.sunset{margin:.2rem 0 .5rem;font-size:.85rem;color:#6b5a2e}
.holiday{margin:.2rem 0 .5rem;padding:.35rem .6rem;border-left:3px solid #c98a00;background:#fff7e0;font-size:.9rem}
.day-foot{display:flex;justify-content:space-between;font-size:.85rem;color:var(--muted);margin-top:.3rem;border-top:1px solid var(--line);padding-top:.3rem}
table.costs{border-collapse:collapse;width:100%;max-width:110mm}
table.costs td{padding:.25rem .4rem;border-bottom:1px solid var(--line)}
table.costs td.amount{text-align:right;font-variant-numeric:tabular-nums}
table.costs tr.total td{font-weight:700;border-top:2px solid var(--ink)}
ul.unscheduled{margin:0;padding-left:1.2rem}
.passes{display:grid;grid-template-columns:repeat(2,1fr);gap:.8rem}
.pass{border:1px solid var(--ink);border-radius:8px;padding:.7rem;display:grid;grid-template-columns:1fr 34mm;gap:.6rem;break-inside:avoid;page-break-inside:avoid}
.pass .qr svg{width:34mm;height:34mm;display:block}
.pass .holder{font-size:1.1rem;font-weight:700}
.pass .id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem}
.pass .hint{font-size:.75rem;color:var(--muted)}
section.estimates{font-size:.78rem;color:var(--muted);margin-top:1rem}
section.estimates p{margin:0 0 .2rem}
section.estimates ul{list-style:none;margin:0;padding:0;columns:2;column-gap:1.2rem}
section.estimates li{break-inside:avoid;page-break-inside:avoid;padding-left:.8em;text-indent:-.8em}
footer.doc{margin-top:1.5rem;font-size:.75rem;color:var(--muted);border-top:1px solid var(--line);padding-top:.4rem}
@page{size:A4;margin:12mm}
@media print{
  html{font-size:11.5px}
  body{background:#fff}
  main{max-width:none;margin:0;padding:0}
  section.passes-page{break-before:page;page-break-before:always}
  .chip,.num,section.day{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  a{color:inherit;text-decoration:none}
}
`;
