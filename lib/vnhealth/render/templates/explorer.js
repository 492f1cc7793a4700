/* vnhealth indicator explorer: the page script (see lib/vnhealth/explorer.py).
 *
 * Reads the embedded data (#vnh-data), keeps the selection in `state` and in the URL fragment,
 * and draws the chart, ranking and table from it. Numbers are written as vnhealth.report writes
 * them (fmtNumber mirrors fmt_number). Text from the data only ever reaches the page through
 * textContent, or escaped (esc) in plotly labels, never as markup.
 */
(function () {
  'use strict';

  const D = JSON.parse(document.getElementById('vnh-data').textContent);
  const $ = (id) => document.getElementById(id);
  // plotly.js is a deferred script after this one: the controls and the table come first, the
  // charts once it has run (DOMContentLoaded); 'missing' when it did not load.
  let plotly = 'pending';
  const FONT = 'Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif';
  const BETTER = '#2166ac', WORSE = '#d95f02', LEVEL = '#5f6368', NATIONAL = '#444';
  const KIND_ORDER = { baseline: 0, actual: 1, trajectory: 2, target: 3 };
  const KIND_SYMBOL = { baseline: 'square', actual: 'circle', trajectory: 'diamond', target: 'diamond' };
  const KIND_SIZE = { baseline: 9, actual: 9, trajectory: 8, target: 12 };
  const SIGNS = { '>': '> ', '>=': '≥ ', '<': '< ', '<=': '≤ ', '=': '', range: '' };
  const GOOD = new Set(['ahead of national', 'within band', 'closer to band']);
  const BAD = new Set(['behind national', 'farther from band']);
  const LEGEND_MAX = 12;  // more provinces than this: the province list is the legend

  const PROV = D.provinces;
  const IND = new Map(D.indicators.map((i) => [i.id, i]));
  const state = { ind: null, prov: null, y0: null, y1: null, year: null, lang: 'vi' };
  // performance.now() when this script started, when the table was first built and when the
  // first chart was drawn; the last update's duration (benchmarks/bench_explorer.py).
  const timings = { script: performance.now(), content: null, firstChart: null, lastRender: null,
    renders: 0, parts: {} };
  let firstDrawn = null;
  const ready = new Promise((resolve) => { firstDrawn = resolve; });

  // ------------------------------------------------------------------------------------------
  // text and numbers
  // ------------------------------------------------------------------------------------------
  function t(key, vars) {
    const table = D.labels[state.lang] || D.labels.en;
    let text = table[key] !== undefined ? table[key] : (D.labels.en[key] !== undefined ? D.labels.en[key] : key);
    if (vars) text = text.replace(/\{(\w+)\}/g, (m, k) => (vars[k] !== undefined ? String(vars[k]) : m));
    return text;
  }

  function esc(s) {  // for plotly's label markup
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function fold(s) {  // for search: no diacritics, đ as d, lower case
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }

  // Half-up rounding of the shortest representation, as Decimal(repr(x)) in fmt_number.
  function roundHalfUp(abs, decimals) {
    let s = String(abs);
    if (/e/i.test(s)) s = abs.toFixed(Math.min(100, decimals + 20));
    const parts = s.split('.');
    const ip = parts[0], fp = parts[1] || '';
    if (fp.length <= decimals) return decimals ? ip + '.' + fp.padEnd(decimals, '0') : ip;
    const digits = (ip + fp.slice(0, decimals)).split('').map(Number);
    if (Number(fp[decimals]) >= 5) {
      let i = digits.length - 1;
      for (; i >= 0; i--) {
        if (digits[i] === 9) { digits[i] = 0; } else { digits[i] += 1; break; }
      }
      if (i < 0) digits.unshift(1);
    }
    const all = digits.join('');
    const cut = all.length - decimals;
    return decimals ? all.slice(0, cut) + '.' + all.slice(cut) : all;
  }

  function fmtNumber(x, lang, decimals) {
    if (x === null || x === undefined || Number.isNaN(Number(x))) return '—';
    const value = Number(x);
    const trim = decimals === undefined || decimals === null;
    const places = trim ? (Math.abs(value) >= 100 ? 1 : 2) : decimals;
    const rounded = roundHalfUp(Math.abs(value), places);
    const zero = /^[0.]*$/.test(rounded);
    const parts = rounded.split('.');
    let text = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (parts.length > 1 ? '.' + parts[1] : '');
    if (trim && text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
    if (lang === 'vi') text = text.replace(/[,.]/g, (c) => (c === ',' ? '.' : ','));
    return (value < 0 && !zero ? '−' : '') + text;
  }

  function fmtSigned(x, lang, decimals) {
    if (x === null || x === undefined) return '—';
    const text = fmtNumber(x, lang, decimals);
    if (text.startsWith('−')) return text;
    return (Number(x) === 0 ? '±' : '+') + text;
  }

  function unitLabel(unit, lang) {
    const u = D.units[unit];
    return u ? (u[lang] || '') : '';
  }

  function withUnit(text, unit, lang) {
    const u = unitLabel(unit, lang);
    if (!u || text === '—') return text;
    return (u === '%' || u === '‰' || u.startsWith('/')) ? text + u : text + ' ' + u;
  }

  function fmtValue(value, comparator, low, high, unit, lang) {
    if (value === null || value === undefined) return '—';
    let text;
    if (comparator === 'range' && low !== null && low !== undefined && high !== null && high !== undefined) {
      text = fmtNumber(low, lang) + '–' + fmtNumber(high, lang);
    } else {
      text = (SIGNS[comparator || '='] || '') + fmtNumber(value, lang);
    }
    return unit ? withUnit(text, unit, lang) : text;
  }

  function fmtChange(x, unit, lang) {
    const text = fmtSigned(x, lang);
    if (text === '—' || !unit) return text;
    const u = D.units[unit];
    const points = u ? u['change_' + lang] : null;
    return points ? text + ' ' + points : withUnit(text, unit, lang);
  }

  function shapeOf(comparator) {
    if (comparator === '>' || comparator === '>=') return 'lower';
    if (comparator === '<' || comparator === '<=') return 'upper';
    return comparator === 'range' ? 'range' : 'point';
  }

  function dateText(iso, lang) {
    const [y, m, d] = iso.split('-').map(Number);
    if (lang === 'vi') return String(d).padStart(2, '0') + '/' + String(m).padStart(2, '0') + '/' + y;
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
      'September', 'October', 'November', 'December'];
    return d + ' ' + months[m - 1] + ' ' + y;
  }

  // ------------------------------------------------------------------------------------------
  // data access
  // ------------------------------------------------------------------------------------------
  function pname(k) { return PROV[k][state.lang] || PROV[k].id; }
  function iname(ind) { return ind[state.lang] || ind.id; }
  function doc(k) { return D.documents[k]; }
  function docLabel(d) { return d.number || d.title || d.id; }
  function short(s, n) { return s.length <= n ? s : s.slice(0, n - 1).trimEnd() + '…'; }

  function obsId(o, k) {
    const n = o.n[k];
    return typeof n === 'number' ? doc(o.d[k]).id + ':' + o.ln[k] + ':' + n : n;
  }

  function selected(k) { return state.prov === null || state.prov.has(k); }

  // Each indicator's values sit in their own JSON element, parsed the first time it is chosen
  // (explorer.py `_blocks`), then expanded from the compact layout (explorer.py `_columns`).
  const BLOCK_NODES = new Map();
  for (const node of document.querySelectorAll('script.vnh-ind')) BLOCK_NODES.set(node.dataset.ind, node);
  const BLOCKS = new Map();
  const SPARSE = new Set(['u', 'r', 'pg', 'ab', 'aa']);
  const LIKE_VALUE = new Set(['lo', 'hi']);

  function expand(cols) {
    const n = cols.y.length;
    for (const key of Object.keys(cols)) {
      const col = cols[key];
      if (Array.isArray(col) || !(SPARSE.has(key) || LIKE_VALUE.has(key))) continue;
      const dense = LIKE_VALUE.has(key) ? cols.v.slice() : new Array(n).fill(null);
      for (const i of Object.keys(col)) dense[Number(i)] = col[i];
      cols[key] = dense;
    }
    return cols;
  }

  // The gap to the national target: value − national, except where the warehouse said
  // otherwise (rows.gx).
  function gaps(rows, national) {
    const nat = new Map(national.y.map((y, k) => [y, national.v[k]]));
    rows.g = rows.v.map((v, k) => {
      const x = nat.get(rows.y[k]);
      return x === undefined || x === null || v === null ? null : v - x;
    });
    for (const i of Object.keys(rows.gx)) rows.g[Number(i)] = rows.gx[i];
  }

  function blk(id) {
    if (!BLOCKS.has(id)) {
      const node = BLOCK_NODES.get(id);
      let b = null;
      if (node) {
        b = JSON.parse(node.textContent);
        expand(b.obs); expand(b.rows); expand(b.national);
        gaps(b.rows, b.national);
      }
      BLOCKS.set(id, b);
    }
    return BLOCKS.get(id);
  }

  function obsOf(id) { const b = blk(id); return b && b.obs.y.length ? b.obs : null; }
  function rowsOf(id) { const b = blk(id); return b && b.rows.y.length ? b.rows : null; }
  function natOf(id) { const b = blk(id); return b && b.national.y.length ? b.national : null; }
  function quoteText(k) { return blk(state.ind).quotes[k]; }

  function yearRange() {
    const ind = IND.get(state.ind);
    const lo = ind ? ind.years[0] : ALL_YEARS[0];
    const hi = ind ? ind.years[1] : ALL_YEARS[ALL_YEARS.length - 1];
    let y0 = state.y0 !== null ? state.y0 : lo;
    let y1 = state.y1 !== null ? state.y1 : hi;
    if (y0 > y1) [y0, y1] = [y1, y0];
    return [y0, y1];
  }

  // Stated values of the selection: indices into obsOf(ind), sorted for reading.
  function selectedObs() {
    const o = obsOf(state.ind);
    if (!o) return [];
    const [y0, y1] = yearRange();
    const out = [];
    for (let k = 0; k < o.p.length; k++) {
      if (selected(o.p[k]) && o.y[k] >= y0 && o.y[k] <= y1) out.push(k);
    }
    const coll = collator();
    out.sort((a, b) => coll.compare(pname(o.p[a]), pname(o.p[b])) || o.y[a] - o.y[b]
      || KIND_ORDER[D.kinds[o.k[a]]] - KIND_ORDER[D.kinds[o.k[b]]] || o.d[a] - o.d[b] || o.ln[a] - o.ln[b]);
    return out;
  }

  function collator() { return new Intl.Collator(state.lang === 'vi' ? 'vi' : 'en'); }

  function nationalFor(id, year) {
    const n = natOf(id);
    if (!n) return null;
    const k = n.y.indexOf(year);
    return k < 0 ? null : k;
  }

  const ALL_YEARS = (() => {
    if (!D.indicators.length) return [new Date().getFullYear()];
    const lo = Math.min(...D.indicators.map((i) => i.years[0]));
    const hi = Math.max(...D.indicators.map((i) => i.years[1]));
    const out = [];
    for (let y = lo; y <= hi; y++) out.push(y);
    return out;
  })();

  // Provinces with values for an indicator, and how many values each has.
  function countsFor(id) {
    const counts = new Map();
    const o = obsOf(id);
    if (o) for (const p of o.p) counts.set(p, (counts.get(p) || 0) + 1);
    return counts;
  }

  // ------------------------------------------------------------------------------------------
  // controls
  // ------------------------------------------------------------------------------------------
  const SEARCH_TEXT = new Map(D.indicators.map((i) => [i.id,
    fold([i.id, i.vi, i.en, i.aliases, i.domain_vi, i.domain_en].join(' '))]));
  const PROVINCE_COUNT = new Map(D.indicators.map((i) => [i.id, i.n]));

  function buildIndicatorSelect() {
    const select = $('vnh-indicator');
    select.textContent = '';
    const groups = new Map();
    for (const ind of D.indicators) {
      if (!groups.has(ind.domain)) {
        const g = document.createElement('optgroup');
        g.label = ind['domain_' + state.lang] || ind.domain;
        groups.set(ind.domain, g);
        select.appendChild(g);
      }
      const opt = document.createElement('option');
      opt.value = ind.id;
      const n = PROVINCE_COUNT.get(ind.id);
      opt.textContent = iname(ind) + (n ? ' (' + n + ')' : ' (' + t('no_values') + ')');
      groups.get(ind.domain).appendChild(opt);
    }
    select.value = state.ind;
    filterIndicators(false);
  }

  // Hide the indicators the search does not match; pick the first match when the current one
  // is hidden (and `pick`), so that typing a name is enough to select it.
  function filterIndicators(pick) {
    const words = fold($('vnh-search').value).split(/\s+/).filter(Boolean);
    let first = null, currentVisible = false;
    for (const opt of $('vnh-indicator').querySelectorAll('option')) {
      const hay = SEARCH_TEXT.get(opt.value);
      const show = words.every((w) => hay.includes(w));
      opt.hidden = !show;
      if (show && first === null) first = opt.value;
      if (show && opt.value === state.ind) currentVisible = true;
    }
    for (const g of $('vnh-indicator').querySelectorAll('optgroup')) {
      g.hidden = !g.querySelector('option:not([hidden])');
    }
    status(first === null ? t('no_match') : '');
    if (pick && first !== null && !currentVisible) setIndicator(first);
  }

  function buildYearSelects() {
    const [y0, y1] = yearRange();
    for (const [id, value] of [['vnh-y0', y0], ['vnh-y1', y1]]) {
      const select = $(id);
      if (select.options.length !== ALL_YEARS.length) {
        select.textContent = '';
        for (const y of ALL_YEARS) select.appendChild(new Option(String(y), String(y)));
      }
      select.value = String(value);
    }
  }

  function buildProvinceList() {
    const list = $('vnh-plist');
    list.textContent = '';
    const counts = countsFor(state.ind);
    const coll = collator();
    const order = PROV.map((p, k) => k).sort((a, b) => coll.compare(pname(a), pname(b)));
    for (const k of order) {
      const li = document.createElement('li');
      li.dataset.search = fold(PROV[k].vi + ' ' + PROV[k].en + ' ' + PROV[k].id);
      if (!counts.has(k)) li.className = 'vnh-empty';
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = PROV[k].id;
      box.checked = selected(k);
      box.addEventListener('change', () => toggleProvince(k, box.checked));
      const swatch = document.createElement('span');
      swatch.className = 'vnh-swatch';
      swatch.style.background = PROV[k].colour;
      const name = document.createElement('span');
      name.textContent = pname(k);
      const n = document.createElement('span');
      n.className = 'vnh-n';
      n.textContent = counts.has(k) ? String(counts.get(k)) : '–';
      label.append(box, swatch, name, n);
      li.appendChild(label);
      list.appendChild(li);
    }
    filterProvinces();
    const chosen = state.prov === null ? PROV.length : state.prov.size;
    $('vnh-pcount').textContent = '(' + chosen + '/' + PROV.length + ')';
  }

  function filterProvinces() {
    const words = fold($('vnh-psearch').value).split(/\s+/).filter(Boolean);
    for (const li of $('vnh-plist').children) {
      li.hidden = !words.every((w) => li.dataset.search.includes(w));
    }
  }

  function toggleProvince(k, on) {
    const set = state.prov === null ? new Set(PROV.map((p, i) => i)) : new Set(state.prov);
    if (on) set.add(k); else set.delete(k);
    state.prov = set.size === PROV.length ? null : set;
    update();
  }

  function indicatorInfo() {
    const ind = IND.get(state.ind);
    const info = $('vnh-ind-info');
    if (!ind) { info.textContent = ''; return; }
    const parts = [t('unit_is', { unit: unitLabel(ind.unit, state.lang) || ind.unit })];
    if (ind.direction === 'band') {
      parts.push(t('direction.band', { low: fmtNumber(ind.band[0], state.lang),
        high: fmtNumber(ind.band[1], state.lang) }));
    } else {
      parts.push(t('direction.' + ind.direction));
    }
    const n = natOf(ind.id);
    parts.push(n ? t('national_years', { years: n.y.join(', ') }) : t('no_national'));
    parts.push(t('n_provinces', { n: PROVINCE_COUNT.get(ind.id) || 0 }));
    info.textContent = parts.join(' · ');
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
    for (const b of document.querySelectorAll('.vnh-lang button')) {
      b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
    }
    $('vnh-search').placeholder = t('search');
    $('vnh-psearch').placeholder = t('province_search');
    $('vnh-footer').textContent = t('footer', { build: D.build.slice(0, 12), at: D.generated,
      version: D.version });
  }

  function status(text) { $('vnh-status').textContent = text; }

  // ------------------------------------------------------------------------------------------
  // the time-series chart
  // ------------------------------------------------------------------------------------------
  function markerFor(kind, comparator, interpolated) {
    if (interpolated) return { symbol: 'circle-open', size: 6 };
    const shape = shapeOf(comparator);
    const size = KIND_SIZE[kind] || 9;
    if (shape === 'lower') return { symbol: 'triangle-up-open', size: size + 2 };
    if (shape === 'upper') return { symbol: 'triangle-down-open', size: size + 2 };
    const base = KIND_SYMBOL[kind] || 'circle';
    return { symbol: shape === 'range' ? base + '-open' : base, size: size };
  }

  function rgba(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function placeLine(o, k) {
    return o.pg[k] !== null ? t('page_line', { page: o.pg[k], line: o.ln[k] })
      : t('line_only', { line: o.ln[k] });
  }

  // One province's points: its stated values and the interpolated years of its path.
  function provincePoints(p, ind, y0, y1) {
    const o = obsOf(ind.id), r = rowsOf(ind.id);
    const pts = [];
    if (o) {
      for (let k = 0; k < o.p.length; k++) {
        if (o.p[k] !== p || o.y[k] < y0 || o.y[k] > y1) continue;
        const kind = D.kinds[o.k[k]], comp = D.comparators[o.c[k]];
        const d = doc(o.d[k]);
        pts.push({ x: o.y[k], y: o.v[k], m: markerFor(kind, comp, false), id: 'o' + k,
          kind: kind, shape: shapeOf(comp),
          lo: comp === 'range' ? o.lo[k] : null, hi: comp === 'range' ? o.hi[k] : null,
          text: esc(pname(p)) + ' · ' + o.y[k] + '<br>' + esc(t(kind)) + ': '
            + esc(fmtValue(o.v[k], comp, o.lo[k], o.hi[k], ind.unit, state.lang)) + '<br>'
            + esc(short(docLabel(d), 48)) + ', ' + esc(placeLine(o, k)) });
      }
    }
    if (r) {
      for (let k = 0; k < r.p.length; k++) {
        if (r.p[k] !== p || D.methods[r.m[k]] !== 'interpolated' || r.y[k] < y0 || r.y[k] > y1) continue;
        pts.push({ x: r.y[k], y: r.v[k], m: markerFor(null, null, true), id: 'r' + k, lo: null, hi: null,
          kind: 'interpolated', shape: 'point',
          text: esc(pname(p)) + ' · ' + r.y[k] + '<br>≈ '
            + esc(fmtValue(r.v[k], '=', null, null, ind.unit, state.lang)) + '<br>'
            + esc(t('interpolated_between', { a: r.ab[k], b: r.aa[k] })) });
      }
    }
    return pts;
  }

  function provinceTraces(p, ind, y0, y1, legend) {
    const colour = PROV[p].colour;
    const traces = [];
    const r = rowsOf(ind.id);
    if (r) {  // the path: one value a year, stated or interpolated
      const xs = [], ys = [];
      for (let k = 0; k < r.p.length; k++) {
        if (r.p[k] === p && r.y[k] >= y0 && r.y[k] <= y1) { xs.push(r.y[k]); ys.push(r.v[k]); }
      }
      if (xs.length > 1) {
        traces.push({ type: 'scatter', mode: 'lines', x: xs, y: ys, hoverinfo: 'skip',
          line: { color: colour, width: 2 }, opacity: 0.8, showlegend: false,
          legendgroup: PROV[p].id, meta: { role: 'path', province: PROV[p].id } });
      }
    }
    const pts = provincePoints(p, ind, y0, y1);
    if (!pts.length) return traces;
    const ranges = pts.filter((q) => q.lo !== null);
    if (ranges.length) {  // a range as a band from its low to its high end, as the reports draw it
      traces.push({ type: 'scatter', mode: 'lines', hoverinfo: 'skip', showlegend: false,
        x: [].concat(...ranges.map((q) => [q.x, q.x, null])),
        y: [].concat(...ranges.map((q) => [q.lo, q.hi, null])),
        line: { color: rgba(colour, 0.5), width: 10 }, legendgroup: PROV[p].id,
        meta: { role: 'band', province: PROV[p].id } });
    }
    traces.push({ type: 'scatter', mode: 'markers', name: pname(p), legendgroup: PROV[p].id,
      showlegend: legend, x: pts.map((q) => q.x), y: pts.map((q) => q.y),
      customdata: pts.map((q) => q.id), hovertext: pts.map((q) => q.text), hoverinfo: 'text',
      marker: { color: colour, symbol: pts.map((q) => q.m.symbol), size: pts.map((q) => q.m.size),
        line: { color: colour, width: 2 } },
      meta: { role: 'obs', province: PROV[p].id,
        marks: [...new Set(pts.map((q) => q.kind).concat(pts.map((q) => q.shape)))] } });
    return traces;
  }

  function nationalTrace(ind, y0, y1) {
    const n = natOf(ind.id);
    if (!n) return null;
    const ks = n.y.map((y, k) => k).filter((k) => n.y[k] >= y0 && n.y[k] <= y1);
    if (!ks.length) return null;
    const marks = ks.map((k) => {
      const shape = shapeOf(D.comparators[n.c[k]]);
      return shape === 'lower' ? 'triangle-up-open' : shape === 'upper' ? 'triangle-down-open' : 'x';
    });
    const ranges = ks.some((k) => D.comparators[n.c[k]] === 'range');
    return { type: 'scatter', mode: 'lines+markers', name: t('national_target'),
      legendgroup: 'national', x: ks.map((k) => n.y[k]), y: ks.map((k) => n.v[k]),
      line: { color: NATIONAL, dash: 'dash', width: 1.5 },
      marker: { color: NATIONAL, symbol: marks, size: 10, line: { color: NATIONAL, width: 2 } },
      error_y: ranges ? { type: 'data', symmetric: false, visible: true, width: 0, thickness: 8,
        color: 'rgba(68,68,68,0.3)',
        array: ks.map((k) => (D.comparators[n.c[k]] === 'range' ? n.hi[k] - n.v[k] : 0)),
        arrayminus: ks.map((k) => (D.comparators[n.c[k]] === 'range' ? n.v[k] - n.lo[k] : 0)) } : undefined,
      hovertext: ks.map((k) => esc(t('national_target')) + ' ' + n.y[k] + ': '
        + esc(fmtValue(n.v[k], D.comparators[n.c[k]], n.lo[k], n.hi[k], ind.unit, state.lang))
        + '<br>' + esc(short(D.sources[n.s[k]] || '', 90))),
      hoverinfo: 'text', meta: { role: 'national' } };
  }

  // Provinces' traces merged into one trace of points and one path trace per colour (lines
  // broken by nulls between provinces); each point keeps its province in meta.provinces.
  function mergeTraces(traces) {
    const points = traces.filter((tr) => tr.meta.role === 'obs');
    const concat = (f) => [].concat(...points.map(f));
    const merged = [];
    if (points.length) {
      merged.push({ type: 'scatter', mode: 'markers', showlegend: false, hoverinfo: 'text',
        x: concat((tr) => tr.x), y: concat((tr) => tr.y), customdata: concat((tr) => tr.customdata),
        hovertext: concat((tr) => tr.hovertext),
        marker: { color: concat((tr) => tr.x.map(() => tr.marker.color)),
          symbol: concat((tr) => tr.marker.symbol), size: concat((tr) => tr.marker.size),
          line: { color: concat((tr) => tr.x.map(() => tr.marker.color)), width: 2 } },
        meta: { role: 'obs', provinces: concat((tr) => tr.x.map(() => tr.meta.province)),
          marks: [...new Set(concat((tr) => tr.meta.marks))] } });
    }
    const byColour = new Map();  // paths and bands, by role and colour
    for (const tr of traces.filter((t) => t.meta.role === 'path' || t.meta.role === 'band')) {
      const key = tr.meta.role + ' ' + tr.line.color;
      if (!byColour.has(key)) byColour.set(key, { x: [], y: [], provinces: [], tr: tr });
      const m = byColour.get(key);
      if (m.x.length && m.x[m.x.length - 1] !== null) { m.x.push(null); m.y.push(null); m.provinces.push(null); }
      m.x.push(...tr.x); m.y.push(...tr.y);
      m.provinces.push(...tr.x.map((x) => (x === null ? null : tr.meta.province)));
    }
    const lines = [];
    for (const m of byColour.values()) {
      lines.push({ type: 'scatter', mode: 'lines', x: m.x, y: m.y, hoverinfo: 'skip',
        opacity: m.tr.opacity, line: { color: m.tr.line.color, width: m.tr.meta.role === 'path' ? 1.5 : 10 },
        showlegend: false, connectgaps: false, meta: { role: m.tr.meta.role, provinces: m.provinces } });
    }
    return lines.concat(merged);  // lines under the points, as in the per-province layout
  }

  // Legend entries for what the marks mean (grey, no data of their own).
  function keyTraces(traces) {
    const seen = new Set();  // kinds and shapes drawn
    for (const tr of traces) {
      if (tr.meta && tr.meta.role === 'obs') for (const m of tr.meta.marks) seen.add(m);
    }
    const grey = '#666';
    const key = (name, symbol, extra) => Object.assign({ type: 'scatter', mode: 'markers',
      x: [null], y: [null], name: name, hoverinfo: 'skip', legendgroup: 'key',
      marker: { color: grey, symbol: symbol, size: 10, line: { color: grey, width: 2 } },
      meta: { role: 'key' } }, extra || {});
    const out = [];
    for (const kind of ['baseline', 'actual', 'trajectory', 'target']) {
      const base = KIND_SYMBOL[kind];
      if (seen.has(kind)) {
        out.push(key(t('legend.' + kind), base, { marker: { color: grey, symbol: base,
          size: KIND_SIZE[kind], line: { color: grey, width: 2 } } }));
      }
    }
    if (seen.has('lower')) out.push(key(t('legend.lower'), 'triangle-up-open'));
    if (seen.has('upper')) out.push(key(t('legend.upper'), 'triangle-down-open'));
    if (seen.has('range')) {
      out.push(key(t('legend.range'), 'line-ns', { mode: 'lines',
        line: { color: 'rgba(102,102,102,0.4)', width: 8 } }));
    }
    if (seen.has('interpolated')) out.push(key(t('legend.interpolated'), 'circle-open', { marker: {
      color: grey, symbol: 'circle-open', size: 6, line: { color: grey, width: 2 } } }));
    return out;
  }

  // The 2025 reorganization: a dotted line on the day it took effect for the selected
  // provinces it changed (1 July 2025; 1 January 2025 for Thừa Thiên Huế → Huế).
  function reformMarks(y0, y1) {
    const days = new Map();
    PROV.forEach((p, k) => {
      if (p.on && p.change !== 'unchanged' && selected(k) && hasData(k)) {
        if (!days.has(p.on)) days.set(p.on, []);
        days.get(p.on).push(k);
      }
    });
    const shapes = [], notes = [];
    let row = 0;
    for (const [on, ks] of [...days.entries()].sort()) {
      const [y, m, d] = on.split('-').map(Number);
      const start = Date.UTC(y, 0, 1), end = Date.UTC(y + 1, 0, 1);
      const x = y + (Date.UTC(y, m - 1, d) - start) / (end - start);
      if (x < y0 - 0.5 || x > y1 + 0.5) continue;
      shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: x, x1: x, y0: 0, y1: 1,
        line: { color: '#8d6e63', dash: 'dot', width: 1.5 } });
      const names = ks.map(pname);
      notes.push({ x: x, y: 1, yshift: -15 * row, xref: 'x', yref: 'paper', showarrow: false,
        xanchor: 'left', yanchor: 'top', xshift: 3, font: { size: 10, color: '#6d4c41' },
        text: esc(t('reform_line', { date: dateText(on, state.lang) })),
        hovertext: esc(names.join(', ')), bgcolor: 'rgba(255,255,255,0.8)' });
      row += 1;
    }
    return { shapes: shapes, annotations: notes };
  }

  function hasData(k) {
    const o = obsOf(state.ind), r = rowsOf(state.ind);
    return (o && o.p.includes(k)) || (r && r.p.includes(k));
  }

  function wrap(text, width) {
    const words = text.split(' ');
    const lines = [''];
    for (const w of words) {
      const cur = lines[lines.length - 1];
      if (cur && (cur + ' ' + w).length > width) lines.push(w); else lines[lines.length - 1] = cur ? cur + ' ' + w : w;
    }
    return lines.map(esc).join('<br>');
  }

  function chartFigure() {
    const ind = IND.get(state.ind);
    const [y0, y1] = yearRange();
    const shown = PROV.map((p, k) => k).filter((k) => selected(k) && hasData(k));
    const coll = collator();
    shown.sort((a, b) => coll.compare(pname(a), pname(b)));
    const legend = shown.length <= LEGEND_MAX;
    let traces = [];
    for (const p of shown) traces = traces.concat(provinceTraces(p, ind, y0, y1, legend));
    // Many provinces: a few traces instead of two each (plotly's cost grows with traces).
    if (!legend) traces = mergeTraces(traces);
    const nat = nationalTrace(ind, y0, y1);
    if (nat) traces.push(nat);
    traces = traces.concat(keyTraces(traces));
    const narrow = $('vnh-chart').parentElement.clientWidth < 560;
    const unit = unitLabel(ind.unit, state.lang) || ind.unit;
    const reformed = reformMarks(y0, y1);
    const layout = {
      title: { text: wrap(iname(ind) + ' (' + unit + ')', narrow ? 42 : 90), x: 0, xref: 'paper',
        xanchor: 'left',
        font: { size: narrow ? 13 : 15 } },
      font: { family: FONT, size: 12, color: '#1b1b1b' }, paper_bgcolor: '#fff', plot_bgcolor: '#fff',
      margin: { l: 56, r: 16, t: narrow ? 64 : 52, b: 40 }, hovermode: 'closest',
      xaxis: { range: [y0 - 0.5, y1 + 0.5], dtick: y1 - y0 <= 12 ? 1 : 5, tickformat: 'd',
        gridcolor: '#eceff1', zeroline: false },
      yaxis: { title: { text: esc(unit) }, gridcolor: '#eceff1', zeroline: false,
        separatethousands: true },
      separators: state.lang === 'vi' ? ',.' : '.,',
      legend: { orientation: 'h', x: 0, y: narrow ? -0.08 : -0.12, yanchor: 'top',
        font: { size: narrow ? 10 : 11 }, traceorder: 'normal',
        entrywidth: narrow ? 0.5 : undefined, entrywidthmode: narrow ? 'fraction' : undefined },
      showlegend: true, shapes: reformed.shapes, annotations: reformed.annotations,
    };
    if (!legend) {
      layout.annotations = layout.annotations.concat([{ text: esc(t('legend.many', { n: shown.length })),
        xref: 'paper', yref: 'paper', x: 0, y: 1.0, yanchor: 'bottom', xanchor: 'left',
        showarrow: false, font: { size: 10, color: '#5f6368' } }]);
    }
    const points = traces.filter((tr) => tr.meta && tr.meta.role !== 'key' && tr.meta.role !== 'path');
    return { traces: traces, layout: layout, empty: !points.length, shown: shown };
  }

  // ------------------------------------------------------------------------------------------
  // the ranking for one year
  // ------------------------------------------------------------------------------------------
  function rankingYears() {
    const r = rowsOf(state.ind);
    const [y0, y1] = yearRange();
    const count = new Map();
    if (r) {
      for (let k = 0; k < r.p.length; k++) {
        if (selected(r.p[k]) && r.y[k] >= y0 && r.y[k] <= y1) count.set(r.y[k], (count.get(r.y[k]) || 0) + 1);
      }
    }
    return count;
  }

  // The year shown when the reader has not chosen one: the one most selected provinces have a
  // value for, a year with a national target first, then the latest.
  function defaultYear(count) {
    let best = null, score = null;
    for (const [y, n] of count) {
      const s = [n, nationalFor(state.ind, y) !== null ? 1 : 0, y];
      if (score === null || s[0] > score[0] || (s[0] === score[0] && (s[1] > score[1]
          || (s[1] === score[1] && s[2] > score[2])))) { best = y; score = s; }
    }
    return best;
  }

  function rankingYear() {
    const count = rankingYears();
    return state.year !== null && count.has(state.year) ? state.year : defaultYear(count);
  }

  function rankKey(ind, v) {
    if (ind.direction === 'lower_is_better') return v;
    if (ind.direction === 'band' && ind.band[0] !== null && ind.band[1] !== null) {
      return v < ind.band[0] ? ind.band[0] - v : v > ind.band[1] ? v - ind.band[1] : 0;
    }
    return -v;
  }

  function rankingRows(year) {
    const r = rowsOf(state.ind);
    const ind = IND.get(state.ind);
    const out = [];
    if (!r || year === null) return out;
    for (let k = 0; k < r.p.length; k++) {
      if (r.y[k] === year && selected(r.p[k])) out.push(k);
    }
    const coll = collator();
    out.sort((a, b) => rankKey(ind, r.v[a]) - rankKey(ind, r.v[b]) || coll.compare(pname(r.p[a]), pname(r.p[b])));
    return out;
  }

  function assessmentColour(k) {
    const r = rowsOf(state.ind);
    const a = r.a[k] === null ? null : D.assessments[r.a[k]];
    if (a === null || a === 'no national value') return PROV[r.p[k]].colour;
    return GOOD.has(a) ? BETTER : BAD.has(a) ? WORSE : LEVEL;
  }

  function rankSymbol(k) {
    const r = rowsOf(state.ind);
    if (D.methods[r.m[k]] === 'interpolated') return 'circle-open';
    const shape = shapeOf(D.comparators[r.c[k]]);
    return shape === 'lower' ? 'triangle-right-open' : shape === 'upper' ? 'triangle-left-open'
      : shape === 'range' ? 'circle-open' : 'circle';
  }

  function rankLabel(k, ind) {
    const r = rowsOf(state.ind);
    const interp = D.methods[r.m[k]] === 'interpolated';
    const written = (interp ? '≈ ' : '') + fmtValue(r.v[k], interp ? '=' : D.comparators[r.c[k]],
      r.lo[k], r.hi[k], ind.unit, state.lang);
    return r.g[k] === null ? written : written + ' (' + fmtChange(r.g[k], ind.unit, state.lang) + ')';
  }

  // The national target of the ranking's year, or null.
  function rankingNational(year) {
    const nk = nationalFor(state.ind, year);
    if (nk === null) return null;
    const n = natOf(state.ind);
    return { v: n.v[nk], lo: n.lo[nk], hi: n.hi[nk], comp: D.comparators[n.c[nk]],
      source: D.sources[n.s[nk]] || '' };
  }

  function rankingTraces(ks, year, nat) {
    const ind = IND.get(state.ind);
    const r = rowsOf(state.ind);
    const traces = [];
    for (const colour of [BETTER, WORSE]) {  // the gap: from the national target to the value
      const xs = [], ys = [];
      for (const k of ks) {
        if (nat === null || assessmentColour(k) !== colour) continue;
        xs.push(nat.v, r.v[k], null); ys.push(pname(r.p[k]), pname(r.p[k]), null);
      }
      if (xs.length) {
        traces.push({ type: 'scatter', mode: 'lines', x: xs, y: ys, hoverinfo: 'skip', showlegend: false,
          line: { color: colour, width: 3 }, opacity: 0.45, meta: { role: 'gap' } });
      }
    }
    const isRange = (k) => D.comparators[r.c[k]] === 'range';
    traces.push({ type: 'scatter', mode: 'markers+text', x: ks.map((k) => r.v[k]),
      y: ks.map((k) => pname(r.p[k])), text: ks.map((k) => esc(rankLabel(k, ind))),
      textposition: ks.map((k) => (labelLeft(k, nat) ? 'middle left' : 'middle right')),
      textfont: { size: 11, color: '#333' }, cliponaxis: false, customdata: ks.map((k) => 'r' + k),
      hovertext: ks.map((k) => esc(pname(r.p[k]) + ' · ' + year + ': ' + rankLabel(k, ind))
        + (r.a[k] !== null ? '<br>' + esc(t(D.assessments[r.a[k]])) : '') + '<br>' + esc(t('click_source'))),
      hoverinfo: 'text', showlegend: false,
      marker: { size: 12, color: ks.map(assessmentColour), symbol: ks.map(rankSymbol),
        line: { color: ks.map(assessmentColour), width: 2 } },
      error_x: ks.some(isRange) ? { type: 'data', symmetric: false, visible: true, width: 0,
        thickness: 8, color: 'rgba(95,99,104,0.3)',
        array: ks.map((k) => (isRange(k) ? r.hi[k] - r.v[k] : 0)),
        arrayminus: ks.map((k) => (isRange(k) ? r.v[k] - r.lo[k] : 0)) } : undefined,
      meta: { role: 'rank' } });
    return traces;
  }

  // Each label on the side away from the national line, so that no gap line crosses it.
  function labelLeft(k, nat) { return nat !== null && rowsOf(state.ind).v[k] < nat.v; }

  // The value axis: the values and the national target, with room for the labels (as long
  // as "≥ 95% (+5 điểm %)") on the sides they are on.
  function rankingRange(ks, nat) {
    const r = rowsOf(state.ind);
    const xs = ks.map((k) => r.v[k]).concat(ks.map((k) => r.lo[k]), ks.map((k) => r.hi[k]));
    if (nat !== null) xs.push(nat.v, nat.lo, nat.hi);
    const vals = xs.filter((x) => x !== null && x !== undefined);
    const lo = Math.min(...vals), hi = Math.max(...vals);
    const pad = (hi - lo) * 0.08 || Math.max(Math.abs(hi) * 0.05, 0.5);
    const narrow = $('vnh-rank').parentElement.clientWidth < 560;
    const room = (hi - lo + 2 * pad) * (narrow ? 0.9 : 0.45);
    return [lo - (ks.some((k) => labelLeft(k, nat)) ? room : pad),
      hi + (ks.some((k) => !labelLeft(k, nat)) ? room : pad)];
  }

  function rankingFigure(year) {
    const ind = IND.get(state.ind);
    const ks = rankingRows(year);
    const nat = rankingNational(year);
    const range = rankingRange(ks, nat);
    const layout = {
      font: { family: FONT, size: 12, color: '#1b1b1b' }, paper_bgcolor: '#fff', plot_bgcolor: '#fff',
      height: 70 + 30 * Math.max(ks.length, 2), margin: { l: 10, r: 16, t: 34, b: 36 },
      xaxis: { range: range, gridcolor: '#eceff1', zeroline: false, separatethousands: true,
        title: { text: esc(unitLabel(ind.unit, state.lang) || ind.unit) } },
      // the best first, top to bottom, without padding above or below the rows
      yaxis: { automargin: true, type: 'category', range: [ks.length - 0.5, -0.5],
        categoryorder: 'array', categoryarray: ks.map((k) => pname(rowsOf(state.ind).p[k])) },
      separators: state.lang === 'vi' ? ',.' : '.,', hovermode: 'closest', shapes: [], annotations: [],
    };
    if (nat !== null) {
      if (nat.comp === 'range') {
        layout.shapes.push({ type: 'rect', xref: 'x', yref: 'paper', x0: nat.lo, x1: nat.hi,
          y0: 0, y1: 1, fillcolor: '#999', opacity: 0.15, line: { width: 0 } });
      }
      layout.shapes.push({ type: 'line', xref: 'x', yref: 'paper', x0: nat.v, x1: nat.v, y0: 0,
        y1: 1, line: { color: NATIONAL, dash: 'dash', width: 1.5 } });
      // anchored towards the middle, so that a label near either end is not cut off
      layout.annotations.push({ x: nat.v, y: 1, xref: 'x', yref: 'paper', yanchor: 'bottom',
        xanchor: nat.v > (range[0] + range[1]) / 2 ? 'right' : 'left', showarrow: false,
        font: { size: 11, color: NATIONAL },
        text: esc(t('national') + ' ' + fmtValue(nat.v, nat.comp, nat.lo, nat.hi, ind.unit, state.lang)),
        hovertext: esc(short(nat.source, 90)) });
    }
    return { traces: rankingTraces(ks, year, nat), layout: layout, rows: ks,
      national: nat === null ? null : nat.v };
  }

  // ------------------------------------------------------------------------------------------
  // the table and the source of each value
  // ------------------------------------------------------------------------------------------
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // The quote with the number as written marked; long quotes cut around it.
  function quoteNode(quote, mark, limit) {
    const node = el('span');
    let text = quote || '';
    let at = mark ? text.indexOf(mark) : -1;
    if (limit && text.length > limit) {
      const from = Math.max(0, (at < 0 ? 0 : at) - Math.floor(limit / 2));
      const cut = text.slice(from, from + limit);
      text = (from > 0 ? '…' : '') + cut + (from + limit < quote.length ? '…' : '');
      at = mark ? text.indexOf(mark) : -1;
    }
    if (at < 0) { node.textContent = text; return node; }
    node.append(text.slice(0, at), el('mark', mark), text.slice(at + mark.length));
    return node;
  }

  function obsValueText(o, k, ind) {
    return fmtValue(o.v[k], D.comparators[o.c[k]], o.lo[k], o.hi[k], ind.unit, state.lang);
  }

  function buildTable() {
    const ind = IND.get(state.ind);
    const o = obsOf(state.ind);
    const ks = selectedObs();
    const table = $('vnh-table');
    table.textContent = '';
    const head = el('thead'), tr = el('tr');
    const labels = ['province', 'year', 'kind', 'value', 'document', null, 'quote']
      .map((key) => (key === null ? t('page') + '/' + t('line').toLowerCase() : t(key)));
    for (const label of labels) tr.appendChild(el('th', label));
    head.appendChild(tr);
    const body = el('tbody');
    for (const k of ks) {
      const row = el('tr');
      row.dataset.obs = obsId(o, k);
      const button = el('button', obsValueText(o, k, ind), 'vnh-src');
      button.type = 'button';
      button.title = t('click_source');
      button.addEventListener('click', () => openSource(['o' + k]));
      const d = doc(o.d[k]);
      const docCell = el('td', short(docLabel(d), 60));
      docCell.title = d.title || '';
      const value = el('td', null, 'vnh-num');
      value.appendChild(button);
      const quote = el('td', null, 'vnh-quote');
      quote.appendChild(quoteNode(quoteText(o.q[k]), o.t[k], 220));
      const cells = [el('td', pname(o.p[k])), el('td', String(o.y[k])),
        el('td', t(D.kinds[o.k[k]])), value, docCell, el('td', placeLine(o, k), 'vnh-num'), quote];
      // the column names for the narrow layout, where each row is a card (explorer.css)
      cells.forEach((cell, i) => { cell.dataset.label = labels[i]; });
      row.append(...cells);
      body.appendChild(row);
    }
    table.append(head, body);
    $('vnh-count').textContent = '(' + t('table_count', { n: ks.length }) + ')';
  }

  function sourceItem(k, ind) {
    const o = obsOf(state.ind);
    const d = doc(o.d[k]);
    const box = el('div', null, 'vnh-source-item');
    box.appendChild(el('h3', pname(o.p[k]) + ' · ' + o.y[k] + ' · ' + t(D.kinds[o.k[k]]) + ': '
      + obsValueText(o, k, ind)));
    const dl = el('dl');
    const add = (term, value) => {
      if (value === null || value === undefined || value === '') return;
      dl.append(el('dt', term));
      const dd = el('dd');
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
      dl.append(dd);
    };
    add(t('as_written'), o.t[k] + (o.u[k] ? ' (' + (unitLabel(o.u[k], state.lang) || o.u[k]) + ')' : ''));
    if (o.u[k]) add(t('in_unit'), obsValueText(o, k, ind));
    add(t('relative_rule'), o.r[k]);
    add(t('document'), [docLabel(d), d.number ? d.title : null].filter(Boolean).join(' — '));
    const issued = /^\d{4}-\d{2}-\d{2}$/.test(d.issued || '') ? dateText(d.issued, state.lang) : d.issued;
    add(t('issued'), [d.issuer, issued].filter(Boolean).join(', '));
    add(t('period'), d.period);
    add(t('page'), o.pg[k] === null ? null : String(o.pg[k]));
    add(t('line'), String(o.ln[k]));
    add(t('file'), fileLinks(d, o.pg[k]));
    add(t('obs_id'), obsId(o, k));
    add('SHA-256', d.sha256);
    box.appendChild(dl);
    const quote = el('blockquote');
    quote.appendChild(quoteNode(quoteText(o.q[k]), o.t[k], 0));
    box.appendChild(quote);
    return box;
  }

  function fileLinks(d, page) {
    const span = el('span');
    span.appendChild(el('code', d.file));
    for (const [href, key] of [[d.href, 'open_document'], [d.text_href, 'open_text']]) {
      if (!href) continue;
      const a = el('a', t(key));
      // A PDF opens at its page in the browser's viewer.
      a.href = href + (page !== null && /\.pdf$/i.test(d.file || '') && key === 'open_document' ? '#page=' + page : '');
      a.target = '_blank';
      a.rel = 'noopener';
      span.append(' · ', a);
    }
    return span;
  }

  // ids: 'oK' (a stated value) or 'rK' (a one-per-year row: its observations are shown).
  function openSource(ids) {
    const ind = IND.get(state.ind);
    const body = $('vnh-source-body');
    body.textContent = '';
    for (const id of ids) {
      const k = Number(id.slice(1));
      if (id[0] === 'o') { body.appendChild(sourceItem(k, ind)); continue; }
      const r = rowsOf(state.ind);
      const interp = D.methods[r.m[k]] === 'interpolated';
      const head = el('p');
      head.textContent = pname(r.p[k]) + ' · ' + r.y[k] + ': ' + rankLabel(k, ind)
        + (interp ? ' — ' + t('interpolated_between', { a: r.ab[k], b: r.aa[k] }) : '');
      body.appendChild(head);
      if (r.o[k].length > 1 || interp) body.appendChild(el('p', t('contributing'), 'vnh-small'));
      for (const ok of r.o[k]) body.appendChild(sourceItem(ok, ind));
    }
    const dialog = $('vnh-source');
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
  }

  // ------------------------------------------------------------------------------------------
  // downloads
  // ------------------------------------------------------------------------------------------
  const CSV_COLUMNS = ['indicator_id', 'indicator', 'province_id', 'province', 'year', 'kind',
    'comparator', 'value', 'value_low', 'value_high', 'unit', 'value_text', 'unit_as_written',
    'national_value', 'national_comparator', 'doc_id', 'document', 'page', 'line', 'quote',
    'obs_id'];

  // Text beginning with = + - @ would be read as a formula by Excel ("- Tuổi thọ…" as
  // #NAME?): such text gets a leading apostrophe, the usual guard. Numbers are left alone.
  function csvCell(v) {
    if (v === null || v === undefined) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // The table's rows, numbers in the indicator's unit with a decimal point (for software),
  // the number as written beside them.
  function csvText() {
    const ind = IND.get(state.ind);
    const o = obsOf(state.ind);
    const n = natOf(state.ind);
    const lines = [CSV_COLUMNS.join(',')];
    for (const k of selectedObs()) {
      const nk = nationalFor(state.ind, o.y[k]);
      const d = doc(o.d[k]);
      lines.push([ind.id, iname(ind), PROV[o.p[k]].id, pname(o.p[k]), o.y[k], D.kinds[o.k[k]],
        D.comparators[o.c[k]], o.v[k], o.lo[k], o.hi[k], ind.unit, o.t[k], o.u[k] || ind.unit,
        nk === null ? null : n.v[nk], nk === null ? null : D.comparators[n.c[nk]], d.id,
        docLabel(d), o.pg[k], o.ln[k], quoteText(o.q[k]), obsId(o, k)].map(csvCell).join(','));
    }
    return '\uFEFF' + lines.join('\r\n') + '\r\n';
  }

  function fileStem() {
    const [y0, y1] = yearRange();
    return 'vnhealth_' + state.ind + '_' + y0 + '-' + y1;
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function downloadCsv() {
    download(fileStem() + '.csv', new Blob([csvText()], { type: 'text/csv;charset=utf-8' }));
  }

  function downloadChart(format) {
    if (plotly !== 'ready') return;
    const gd = $('vnh-chart');
    window.Plotly.downloadImage(gd, { format: format, filename: fileStem(),
      width: Math.max(gd.clientWidth, 900), height: Math.max(gd.clientHeight, 520) });
  }

  function copyLink() {
    const done = () => status(t('copied'));
    const fail = () => status(t('copy_failed'));
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(location.href).then(done, fail);
      return;
    }
    const area = document.createElement('textarea');
    area.value = location.href;
    document.body.appendChild(area);
    area.select();
    try { if (document.execCommand('copy')) done(); else fail(); } catch (e) { fail(); }
    area.remove();
  }

  // ------------------------------------------------------------------------------------------
  // the URL fragment: indicator, provinces, years, ranking year, language
  // ------------------------------------------------------------------------------------------
  function writeHash() {
    const q = new URLSearchParams();
    q.set('indicator', state.ind);
    if (state.prov !== null) q.set('provinces', [...state.prov].map((k) => PROV[k].id).sort().join(','));
    if (state.y0 !== null || state.y1 !== null) q.set('years', yearRange().join('-'));
    if (state.year !== null) q.set('year', String(state.year));
    q.set('lang', state.lang);
    const hash = '#' + q.toString().replace(/%2C/g, ',');
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  function readHash() {
    const q = new URLSearchParams(location.hash.replace(/^#/, ''));
    const ind = q.get('indicator');
    if (ind && IND.has(ind)) state.ind = ind;
    const ids = q.get('provinces');
    if (ids !== null) {
      const index = new Map(PROV.map((p, k) => [p.id, k]));
      const set = new Set(ids.split(',').filter((id) => index.has(id)).map((id) => index.get(id)));
      state.prov = set.size === PROV.length ? null : set;
    } else {
      state.prov = null;
    }
    const years = /^(\d{4})-(\d{4})$/.exec(q.get('years') || '');
    state.y0 = years ? Number(years[1]) : null;
    state.y1 = years ? Number(years[2]) : null;
    const year = /^\d{4}$/.test(q.get('year') || '') ? Number(q.get('year')) : null;
    state.year = year;
    const lang = q.get('lang');
    if (lang === 'vi' || lang === 'en') state.lang = lang;
  }

  // ------------------------------------------------------------------------------------------
  // drawing
  // ------------------------------------------------------------------------------------------
  const CONFIG = { displaylogo: false, responsive: true,
    modeBarButtonsToRemove: ['lasso2d', 'select2d', 'toImage'] };

  function message(id, text, isError) {
    const box = $(id);
    box.textContent = text || '';
    box.className = isError ? 'vnh-error' : 'vnh-message';
    box.hidden = !text;
  }

  function plot(host, figure, msgId, emptyText) {
    if (plotly !== 'ready') {
      host.hidden = true;
      message(msgId, plotly === 'missing' ? t('plotly_missing') : t('loading'), plotly === 'missing');
      return Promise.resolve();
    }
    if (!figure) {
      host.hidden = true;
      message(msgId, emptyText, false);
      return Promise.resolve();
    }
    host.hidden = false;
    message(msgId, '', false);
    return window.Plotly.react(host, figure.traces, figure.layout, CONFIG).then(() => {
      if (!host.dataset.clicks) {
        host.dataset.clicks = '1';
        host.on('plotly_click', (ev) => {
          const id = ev.points && ev.points[0] && ev.points[0].customdata;
          if (typeof id === 'string') openSource([id]);
        });
      }
    });
  }

  function emptyText() {
    return state.prov !== null && state.prov.size === 0 ? t('no_province') : t('no_data');
  }

  function drawChart() {
    const fig = IND.has(state.ind) ? chartFigure() : null;
    const host = $('vnh-chart');
    $('vnh-chart-sub').textContent = '';
    return plot(host, fig && !fig.empty ? fig : null, 'vnh-chart-msg', emptyText());
  }

  function drawRanking() {
    const count = rankingYears();
    const year = rankingYear();
    const select = $('vnh-year');
    select.textContent = '';
    for (const y of [...count.keys()].sort((a, b) => a - b)) {
      select.appendChild(new Option(y + ' (' + count.get(y) + ')', String(y)));
    }
    select.value = year === null ? '' : String(year);
    select.disabled = year === null;
    const fig = year === null ? null : rankingFigure(year);
    const host = $('vnh-rank');
    if (fig) host.style.height = fig.layout.height + 'px';
    const sub = $('vnh-rank-sub');
    sub.textContent = '';
    if (year !== null && fig.national === null) {
      sub.textContent = t('no_national_year', { year: year });
    } else if (year !== null) {  // what the colours mean, as in the reports
      for (const [colour, key] of [[BETTER, 'better'], [WORSE, 'worse']]) {
        const dot = el('span', '● ');
        dot.style.color = colour;
        sub.append(dot, t(key), '   ');
      }
    }
    return plot(host, fig && fig.rows.length ? fig : null, 'vnh-rank-msg',
      year === null ? emptyText() : t('ranking_none', { year: year }));
  }

  // Notes on the 2025 reorganization for the provinces whose shown years lie on both sides
  // of their change (the same rule and words as vnhealth.reform.note).
  function side(year, on) {
    const [y, m, d] = on.split('-').map(Number);
    if (year < y) return 'before';
    if (year > y || (m === 1 && d === 1)) return 'after';
    return 'straddles';
  }

  function renderNotes() {
    const box = $('vnh-notes');
    box.textContent = '';
    box.className = '';
    const o = obsOf(state.ind), r = rowsOf(state.ind);
    const [y0, y1] = yearRange();
    const notes = [];
    PROV.forEach((p, k) => {
      const note = p['note_' + state.lang];
      if (!note || !selected(k)) return;
      const sides = new Set();
      for (const part of [o, r]) {
        if (!part) continue;
        for (let i = 0; i < part.p.length; i++) {
          if (part.p[i] === k && part.y[i] >= y0 && part.y[i] <= y1) sides.add(side(part.y[i], p.on));
        }
      }
      if (sides.size > 1 || sides.has('straddles')) notes.push(note);
    });
    if (!notes.length) return;
    box.className = 'vnh-notes';
    box.appendChild(el('strong', t('reform')));
    if (notes.length <= 3) {
      for (const note of notes) box.appendChild(el('p', note));
      return;
    }
    // Many provinces changed (all 63 selected): one line, the notes folded under it.
    const more = el('details');
    more.appendChild(el('summary', t('reform_many', { n: notes.length })));
    for (const note of notes) more.appendChild(el('p', note));
    box.appendChild(more);
  }

  function syncProvinceChecks() {
    for (const box of $('vnh-plist').querySelectorAll('input')) {
      const k = PROV.findIndex((p) => p.id === box.value);
      box.checked = selected(k);
    }
    const chosen = state.prov === null ? PROV.length : state.prov.size;
    $('vnh-pcount').textContent = '(' + chosen + '/' + PROV.length + ')';
  }

  function update() {
    const started = performance.now();
    if (!IND.has(state.ind)) {  // a warehouse without any value
      message('vnh-chart-msg', t('no_data'), false);
      return Promise.resolve(firstDrawn(performance.now()));
    }
    syncProvinceChecks();
    buildYearSelects();
    indicatorInfo();
    writeHash();
    buildTable();
    renderNotes();
    timings.parts.table = performance.now() - started;
    if (timings.content === null) timings.content = performance.now();
    return drawCharts(started);
  }

  function drawCharts(started) {
    const t0 = performance.now();
    const chart = drawChart();
    const t1 = performance.now();
    const done = Promise.all([chart, drawRanking()]);
    timings.parts.chart = t1 - t0;
    timings.parts.ranking = performance.now() - t1;
    if (plotly === 'pending') return done;
    return done.then(() => {
      timings.lastRender = performance.now() - started;
      timings.renders += 1;
      document.body.dataset.renders = String(timings.renders);
      if (timings.firstChart === null) {
        timings.firstChart = performance.now();
        performance.mark('vnh-first-chart');
        firstDrawn(timings.firstChart);
      }
    });
  }

  function plotlyLoaded() {
    plotly = window.Plotly && typeof window.Plotly.react === 'function' ? 'ready' : 'missing';
    $('vnh-png').disabled = $('vnh-svg').disabled = plotly !== 'ready';
    if (IND.has(state.ind)) drawCharts(performance.now());
  }

  function setIndicator(id) {
    if (!IND.has(id)) return Promise.resolve();
    state.ind = id;
    $('vnh-indicator').value = id;
    buildProvinceList();
    return update();
  }

  function setLanguage(lang) {
    state.lang = lang === 'en' ? 'en' : 'vi';
    applyLanguage();
    buildIndicatorSelect();
    buildProvinceList();
    return update();
  }

  function fromHash() {
    readHash();
    applyLanguage();
    buildIndicatorSelect();
    buildProvinceList();
    return update();
  }

  // The first view: the indicator the most provinces have values for.
  function defaultIndicator() {
    let best = D.indicators.length ? D.indicators[0].id : null, most = -1;
    for (const ind of D.indicators) {
      const n = PROVINCE_COUNT.get(ind.id);
      if (n > most) { best = ind.id; most = n; }
    }
    return best;
  }

  function wire() {
    $('vnh-search').addEventListener('input', () => filterIndicators(true));
    $('vnh-search').addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      const first = $('vnh-indicator').querySelector('option:not([hidden])');
      if (first) setIndicator(first.value);
    });
    $('vnh-indicator').addEventListener('change', (e) => setIndicator(e.target.value));
    for (const id of ['vnh-y0', 'vnh-y1']) {
      $(id).addEventListener('change', () => {
        state.y0 = Number($('vnh-y0').value);
        state.y1 = Number($('vnh-y1').value);
        update();
      });
    }
    $('vnh-year').addEventListener('change', (e) => { state.year = Number(e.target.value); update(); });
    $('vnh-all').addEventListener('click', () => { state.prov = null; update(); });
    $('vnh-none').addEventListener('click', () => { state.prov = new Set(); update(); });
    $('vnh-psearch').addEventListener('input', filterProvinces);
    for (const b of document.querySelectorAll('.vnh-lang button')) {
      b.addEventListener('click', () => setLanguage(b.dataset.lang));
    }
    $('vnh-csv').addEventListener('click', downloadCsv);
    $('vnh-png').addEventListener('click', () => downloadChart('png'));
    $('vnh-svg').addEventListener('click', () => downloadChart('svg'));
    $('vnh-link').addEventListener('click', copyLink);
    $('vnh-png').disabled = $('vnh-svg').disabled = true;
    document.addEventListener('DOMContentLoaded', plotlyLoaded);
    const dialog = $('vnh-source');
    dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
    window.addEventListener('hashchange', fromHash);
  }

  state.ind = defaultIndicator();
  $('vnh-pdetails').open = window.innerWidth > 860;
  wire();
  fromHash();

  // For tests and the benchmark (tests/render/test_explorer.py, benchmarks/bench_explorer.py).
  window.vnhExplorer = { ready: ready, state: state, timings: timings, data: D, update: update,
    setIndicator: setIndicator, setLanguage: setLanguage, csvText: csvText,
    fmtNumber: fmtNumber, fmtValue: fmtValue, fmtChange: fmtChange, plotly: () => plotly, chartFigure: chartFigure };
})();
