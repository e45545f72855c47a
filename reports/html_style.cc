#include "reports/html_style.h"

namespace tgvc {

const char* const kReportCss = R"css(
:root{
  --fg:#1c2433;--muted:#5d6677;--line:#dde2ea;--panel:#f5f7fa;--accent:#1f56c2;--good:#17803d;
  --bad:#c0392b}
*{box-sizing:border-box}
body{
  margin:0;
  font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;
  color:var(--fg);background:#fff}
header.top{background:#17202f;color:#fff;padding:20px 36px 16px}
header.top h1{margin:0 0 4px;font-size:22px;font-weight:600;letter-spacing:.2px}
header.top .sub{color:#b9c3d4;font-size:13px}
nav.toc{
  background:#eef2f8;border-bottom:1px solid var(--line);padding:8px 36px;font-size:13px;position:sticky;
  top:0;z-index:5}
nav.toc a{color:var(--accent);text-decoration:none;margin-right:16px;white-space:nowrap}
nav.toc a:hover{text-decoration:underline}
main{max-width:1400px;margin:0 auto;padding:4px 36px 56px}
h2{font-size:19px;font-weight:600;border-bottom:2px solid var(--line);padding-bottom:5px;margin:34px 0 12px}
h3{font-size:15.5px;font-weight:600;margin:26px 0 10px;color:#26324a}
h4{font-size:13.5px;font-weight:600;margin:16px 0 6px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}
.card{
  background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 18px;
  min-width:128px}
.card .v{font-size:22px;font-weight:600}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.4px}
.card.bad .v{color:var(--bad)}
.card.good .v{color:var(--good)}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:3px 18px;font-size:13px;margin:8px 0}
dl.prov dt{color:var(--muted)}
dl.prov dd{
  margin:0;font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:12.5px;
  overflow-wrap:anywhere}
.plots{display:flex;flex-wrap:wrap;gap:14px;margin:6px 0}
figure.fig{
  margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:6px 8px;
  box-shadow:0 1px 2px rgba(20,30,50,.05)}
svg.plot{display:block}
svg.plot text{font-size:11px;fill:#3a4356}
svg.plot .pt{font-size:13px;font-weight:600;fill:var(--fg)}
svg.plot .pa{fill:#fcfdfe;stroke:#a7b0bf}
svg.plot .g{stroke:#e4e8ef}
svg.plot .gm{stroke:#f1f3f7}
svg.plot .tx,svg.plot .xl,svg.plot .yl,svg.plot .nd{text-anchor:middle}
svg.plot .ty{text-anchor:end}
svg.plot .xl,svg.plot .yl{font-size:12px;fill:var(--fg)}
svg.plot .nd{fill:var(--muted);font-size:13px}
p.caption{color:var(--muted);font-size:12.5px;max-width:1000px;margin:6px 0 10px}
p.note{color:var(--muted);font-style:italic}
table{border-collapse:collapse;font-size:13px;background:#fff}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:var(--panel);font-weight:600;color:#2a3448}
th.num,td.n{text-align:right;font-variant-numeric:tabular-nums}
th.grp{text-align:center;border-left:1px solid var(--line)}
td.wrap{white-space:normal;max-width:520px}
td.err{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--bad)}
tbody tr:hover td{background:#f7f9fd}
tr.failed td{background:#fdf3f2}
table.sortable th{cursor:pointer;user-select:none;position:sticky;top:0;z-index:1}
table.sortable th::after{content:" \2195";color:#a3abba;font-weight:400}
table.sortable th[aria-sort=ascending]::after{content:" \25B2";color:var(--accent)}
table.sortable th[aria-sort=descending]::after{content:" \25BC";color:var(--accent)}
.scroll{
  max-height:540px;overflow:auto;border:1px solid var(--line);border-radius:8px;display:inline-block;
  max-width:100%}
.scroll-x{overflow-x:auto;max-width:100%}
.good{color:var(--good);font-weight:600}
.bad{color:var(--bad)}
td.na,.na{color:var(--muted)}
td.ok{color:var(--good)}
.cnt{color:var(--muted);font-weight:400;font-size:11.5px}
sup.warn{color:#b26a00;font-weight:700;margin-left:2px}
details{margin:10px 0}
details>summary{cursor:pointer;font-weight:600;color:var(--accent);padding:3px 0}
details[open]>summary{margin-bottom:6px}
details.inner{margin:8px 0 4px 18px}
details.inner>summary{font-weight:500;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:16px;font-size:12.5px;margin:4px 0 8px}
.legend .sw{
  display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.bars{
  display:grid;grid-template-columns:max-content minmax(240px,640px) max-content;gap:3px 12px;
  align-items:center;font-size:12.5px}
.brow{display:contents}
.bl{color:#2a3448;white-space:nowrap}
.bar{display:flex;height:14px;background:#eef1f6;border-radius:3px;overflow:hidden}
.bar span{display:block;height:100%}
.bt{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.strip-seq{margin:6px 0 18px}
.strip{display:flex;flex-wrap:wrap;gap:12px 24px}
.pair{display:flex;gap:6px}
.strip figure{margin:0;width:258px}
.strip img{
  display:block;width:256px;height:auto;border:1px solid var(--line);border-radius:4px;
  background:var(--panel)}
.strip figcaption{font-size:12px;color:#3a4356;margin-top:4px;line-height:1.35}
.missing{
  width:256px;height:160px;display:flex;align-items:center;justify-content:center;text-align:center;
  padding:10px;background:var(--panel);color:var(--muted);border:1px dashed #b9c1ce;border-radius:4px;
  font-size:12px}
footer{color:var(--muted);font-size:12px;border-top:1px solid var(--line);margin-top:40px;padding-top:10px}
)css";

const char* const kReportScript = R"js(
(function () {
  'use strict';
  function numberOf(td) {
    var v = td.getAttribute('data-v');
    if (v === null) return null;
    var x = parseFloat(v);
    return isNaN(x) ? null : x;
  }
  function sortTable(table, column, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = th.classList.contains('num');
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    rows.sort(function (a, b) {
      var x = a.cells[column], y = b.cells[column];
      if (!x || !y) return 0;
      if (numeric) {
        var p = numberOf(x), q = numberOf(y);
        if (p === null) return q === null ? 0 : 1;  // n/a last in either direction
        if (q === null) return -1;
        return (p - q) * dir;
      }
      return x.textContent.localeCompare(y.textContent, undefined, {numeric: true}) * dir;
    });
    var heads = th.parentNode.cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
  }
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    if (!table.tHead || !table.tBodies.length) return;
    var heads = table.tHead.rows[table.tHead.rows.length - 1].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortTable(table, column, th); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortTable(table, column, th); }
      });
    });
    table.classList.add('sort-ready');
  });
  document.documentElement.setAttribute('data-sortable-tables', String(tables.length));
})();
)js";

}  // namespace tgvc
