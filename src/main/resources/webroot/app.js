// Inzage browser front-end: one page, five views, plain DOM (no innerHTML for any data).
//
// Security notes (the server sends a strict CSP):
//  - every value coming from the API is rendered through el()/text nodes, never parsed as HTML;
//  - no inline styles: layout is done by CSS classes, widths of bar segments via CSSOM;
//  - every POST sends X-CSRF-Token (from GET /api/me) and a JSON body; a 401 leads to /login.html.
'use strict';

(() => {
  // ---------------------------------------------------------------------------------------------
  // Small helpers
  // ---------------------------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);

  /**
   * Creates an element. attrs: class, dataset {..}, on<event>: fn (addEventListener), boolean or
   * non-string values as properties (hidden, disabled, checked, value), anything else as attribute.
   * Children: nodes, or anything else as a text node; null/false are skipped, arrays flattened.
   */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'style') throw new Error('inline styles are not allowed');
      if (k === 'class') node.className = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (typeof v !== 'string' && k in node) node[k] = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** Shows a message in an error element (or hides it when msg is empty). */
  function showError(id, msg) {
    const node = $(id);
    if (!node) return;
    node.textContent = msg ? String(msg) : '';
    node.hidden = !msg;
  }

  const errText = (e) => (e && e.message) || String(e);

  const pad = (n) => String(n).padStart(2, '0');

  /** ISO date-time -> "2025-11-26 14:03:22" in local time; '—' when absent. */
  function fmtTime(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return String(iso);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
      `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }

  const fmtNum = (n) => (n == null || Number.isNaN(Number(n)) ? '—' : Number(n).toLocaleString('en'));

  /** Completeness is a fraction 0..1 (a value above 1 is taken as a percentage already). */
  function fmtPct(x) {
    if (x == null || Number.isNaN(Number(x))) return '—';
    const p = Number(x) <= 1 ? Number(x) * 100 : Number(x);
    return `${p >= 99.95 || p === 0 ? p.toFixed(0) : p.toFixed(1)} %`;
  }

  function fmtDuration(sec) {
    if (sec == null || !Number.isFinite(Number(sec))) return null;
    const s = Math.max(0, Math.round(sec));
    if (s < 60) return `${s} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
    return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  }

  /** A category label may be a string or a localised object {en, nl}. */
  function labelOf(cat) {
    const l = cat && cat.label;
    if (!l) return (cat && cat.id) || '';
    if (typeof l === 'string') return l;
    return l.en || Object.values(l)[0] || cat.id;
  }

  /** Category badge: <span class="badge badge-CATEGORY">. Class name is sanitised. */
  function badge(category) {
    const safe = String(category || 'none').toLowerCase().replace(/[^a-z0-9_-]/g, '');
    return el('span', { class: `badge badge-${safe}` }, category || '—');
  }

  /** A primary key object {customer_id: "1", x: "2"} -> "customer_id=1, x=2". */
  const pkText = (pk) => (pk && typeof pk === 'object'
    ? Object.entries(pk).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')
    : String(pk));

  /**
   * Locator object -> readable text, e.g. "line 12", "lines 3, 9", "pk id=42, column email",
   * "part a.docx, page 2". Unknown keys are shown as "key value".
   */
  function locatorText(loc) {
    if (!loc || typeof loc !== 'object') return loc == null ? '—' : String(loc);
    const out = [];
    const has = (k) => loc[k] != null && loc[k] !== '';
    if (has('part')) out.push(`part ${loc.part}`);
    if (has('sheet')) out.push(`sheet ${loc.sheet}`);
    if (has('page')) out.push(`page ${loc.page}`);
    if (has('cell')) out.push(`cell ${loc.cell}`);
    if (has('pk')) out.push(`pk ${pkText(loc.pk)}`);
    if (Array.isArray(loc.rows)) out.push(`rows ${loc.rows.map(pkText).join('; ')}`);
    if (has('line')) out.push(`line ${loc.line}`);
    if (Array.isArray(loc.lines)) out.push(`lines ${loc.lines.join(', ')}`);
    if (has('column')) out.push(`column ${loc.column}`);
    const shown = (Array.isArray(loc.lines) && loc.lines.length) || (Array.isArray(loc.rows) && loc.rows.length) || 1;
    if (has('count') && Number(loc.count) > shown) out.push(`${loc.count} times`);
    const known = new Set(['part', 'sheet', 'page', 'cell', 'pk', 'rows', 'line', 'lines', 'column', 'count']);
    for (const [k, v] of Object.entries(loc)) {
      if (!known.has(k) && v != null) out.push(`${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
    }
    return out.length ? out.join(', ') : '—';
  }

  const stateTag = (st) => el('span', { class: `state state-${String(st || 'none').replace(/[^a-z]/g, '')}` }, st || '—');

  // ---------------------------------------------------------------------------------------------
  // API access
  // ---------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message, body) {
      super(message);
      this.status = status;
      this.body = body;
    }
  }

  const state = {
    me: null,          // {user, role, csrf}
    coverage: null,    // last GET /api/coverage
    chart: null,       // uPlot instance
    follow: null,      // {id, es, timer, token} of the run being followed
    findingsPage: 0,
    findingsFilter: null,
  };

  const isAdmin = () => state.me && state.me.role === 'admin';

  function goLogin() {
    window.location.assign('/login.html');
  }

  /**
   * fetch wrapper: JSON in and out, CSRF header on state-changing requests, 401 -> login page,
   * error bodies {status, error} -> ApiError(message = error). opts.raw returns the Response.
   */
  async function api(method, path, body, opts = {}) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (method !== 'GET' && method !== 'HEAD') {
      headers['Content-Type'] = 'application/json';
      if (state.me && state.me.csrf) headers['X-CSRF-Token'] = state.me.csrf;
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, `The server cannot be reached (${errText(e)})`);
    }
    if (res.status === 401) {
      goLogin();
      throw new ApiError(401, 'Not signed in');
    }
    if (!res.ok) {
      let data = null;
      try {
        data = await res.json();
      } catch (e) { /* not JSON */ }
      const msg = (data && data.error) || `${res.status} ${res.statusText || 'error'}`;
      throw new ApiError(res.status, msg, data);
    }
    if (opts.raw) return res;
    if (res.status === 204) return null;
    const type = res.headers.get('Content-Type') || '';
    return type.includes('json') ? res.json() : res.text();
  }

  /** Coverage is used by the dashboard and the findings filters; fetched once per refresh. */
  async function getCoverage(refresh) {
    if (!state.coverage || refresh) state.coverage = await api('GET', '/api/coverage');
    return state.coverage;
  }

  // ---------------------------------------------------------------------------------------------
  // Routing: #dashboard, #search, #scans, #findings, #audit
  // ---------------------------------------------------------------------------------------------

  const VIEWS = {
    dashboard: () => loadDashboard(),
    search: () => {},
    scans: () => loadScans(),
    findings: () => loadFindingsView(),
    audit: () => loadAudit(),
  };

  function route() {
    let name = (window.location.hash || '').replace(/^#/, '');
    if (!(name in VIEWS) || (name === 'audit' && !isAdmin())) name = 'dashboard';
    for (const key of Object.keys(VIEWS)) {
      const on = key === name;
      $(`view-${key}`).classList.toggle('active', on);
      const nav = $(`nav-${key}`);
      nav.classList.toggle('active', on);
      if (on) nav.setAttribute('aria-current', 'page');
      else nav.removeAttribute('aria-current');
    }
    Promise.resolve(VIEWS[name]()).catch((e) => showError('app-error', errText(e)));
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Dashboard
  // ---------------------------------------------------------------------------------------------

  /** Count -> heat-0..heat-4 relative to the largest count in the table. */
  function heatClass(count, max) {
    if (!count || !max) return 'heat-0';
    return `heat-${Math.min(4, Math.max(1, Math.ceil((4 * count) / max)))}`;
  }

  async function loadDashboard() {
    showError('dashboard-error', '');
    let cov;
    try {
      cov = await getCoverage(true);
    } catch (e) {
      showError('dashboard-error', errText(e));
      return;
    }
    const cats = cov.categories || [];
    const rows = cov.sources || [];
    $('total-findings').textContent = String(cov.total ?? 0);
    $('total-sources').textContent = String(rows.length);
    renderCoverageTable(cats, rows);
    renderCoverageBars(cats, rows);
    renderUndeclared(cov.undeclared || []);
    renderRetention(cov.pastRetention || [], rows);
    renderHistory(cov.history || []);
  }

  function renderCoverageTable(cats, rows) {
    const table = $('coverage-table');
    const max = Math.max(0, ...rows.flatMap((r) => cats.map((c) => Number((r.counts || {})[c.id]) || 0)));
    table.tHead.replaceChildren(el('tr', null,
      el('th', null, 'Source'), el('th', null, 'Kind'),
      cats.map((c) => el('th', { class: 'num', dataset: { category: c.id } }, labelOf(c))),
      el('th', null, 'Last scan'), el('th', { class: 'num' }, 'Completeness'), el('th', { class: 'num' }, 'Errors')));
    const body = table.tBodies[0];
    body.replaceChildren();
    if (!rows.length) {
      body.append(el('tr', null, el('td', { colspan: cats.length + 5, class: 'empty' }, 'No source has been scanned yet.')));
      return;
    }
    for (const r of rows) {
      body.append(el('tr', { dataset: { source: r.source } },
        el('td', { class: 'wrap' }, r.source),
        el('td', null, r.kind || '—'),
        cats.map((c) => {
          const n = Number((r.counts || {})[c.id]) || 0;
          return el('td', { class: `num heat ${heatClass(n, max)}`, dataset: { category: c.id } }, String(n));
        }),
        el('td', null, fmtTime(r.lastScan)),
        el('td', { class: 'num' }, fmtPct(r.completeness)),
        el('td', { class: `num${r.errors ? ' has-errors' : ''}` }, String(r.errors ?? 0))));
    }
  }

  /** One horizontal stacked bar per source, segment widths proportional to category counts. */
  function renderCoverageBars(cats, rows) {
    const box = $('coverage-bars');
    box.replaceChildren();
    const totals = rows.map((r) => cats.reduce((s, c) => s + (Number((r.counts || {})[c.id]) || 0), 0));
    const max = Math.max(0, ...totals);
    if (!max) return;
    rows.forEach((r, i) => {
      const bar = el('div', { class: 'stack' });
      bar.style.width = `${Math.max(1, (100 * totals[i]) / max)}%`;
      for (const c of cats) {
        const n = Number((r.counts || {})[c.id]) || 0;
        if (!n) continue;
        const seg = el('span', { class: `seg seg-${String(c.id).replace(/[^a-z0-9_-]/gi, '')}`, title: `${labelOf(c)}: ${n}` });
        seg.style.width = `${(100 * n) / totals[i]}%`;
        bar.append(seg);
      }
      box.append(el('div', { class: 'stack-row' },
        el('span', { class: 'stack-label', title: r.source }, r.source),
        el('div', { class: 'stack-track' }, bar),
        el('span', { class: 'stack-total' }, fmtNum(totals[i]))));
    });
    box.append(el('div', { class: 'legend' }, cats.map((c) =>
      el('span', { class: 'legend-item' }, el('span', { class: `swatch seg-${String(c.id).replace(/[^a-z0-9_-]/gi, '')}` }), labelOf(c)))));
  }

  function renderUndeclared(list) {
    const ul = $('undeclared');
    ul.replaceChildren();
    if (!list.length) {
      ul.append(el('li', { class: 'muted' }, 'none'));
      return;
    }
    for (const u of list) {
      ul.append(el('li', { dataset: { type: u.type } },
        el('span', { class: 'type' }, u.type),
        u.category ? [' ', badge(u.category)] : null,
        el('span', { class: 'count' }, fmtNum(u.count))));
    }
  }

  /** Items not modified within their source's retention period (files and logs; sources without a period are not judged). */
  function renderRetention(list, rows) {
    const ul = $('retention');
    ul.replaceChildren();
    const judged = rows.filter((r) => r.retention);
    if (!list.length) {
      ul.append(el('li', { class: 'muted' }, judged.length
        ? `none (${judged.length} source(s) with a retention period checked)`
        : 'no source has a retention period configured'));
      return;
    }
    for (const p of list) {
      ul.append(el('li', { class: 'stacked', dataset: { source: p.source } },
        el('span', { class: 'type' }, p.source),
        el('span', {}, `${fmtNum(p.items)} item(s), ${fmtNum(p.findings)} finding(s) not modified within ${p.retention}`
          + (p.oldest ? ` (oldest ${String(p.oldest).slice(0, 10)})` : ''))));
    }
  }

  const PALETTE = ['#2563eb', '#9333ea', '#16a34a', '#ea580c', '#0891b2', '#db2777', '#65a30d', '#475569', '#ca8a04', '#dc2626'];

  /** Findings over time: x = seconds since epoch, one series per source (gaps where no point). */
  function renderHistory(history) {
    const box = $('history-chart');
    if (state.chart) {
      try { state.chart.destroy(); } catch (e) { /* ignore */ }
      state.chart = null;
    }
    box.replaceChildren();
    const note = (text) => box.append(el('p', { class: 'muted chart-note' }, text));
    if (typeof window.uPlot !== 'function') {
      note('The chart library could not be loaded.');
      return;
    }
    const points = history
      .map((h) => ({ t: Math.floor(new Date(h.time).getTime() / 1000), source: h.source, n: Number(h.findings) || 0 }))
      .filter((p) => Number.isFinite(p.t));
    if (!points.length) {
      note('No scan history yet.');
      return;
    }
    const sources = [...new Set(points.map((p) => p.source))];
    const xs = [...new Set(points.map((p) => p.t))].sort((a, b) => a - b);
    const index = new Map(xs.map((t, i) => [t, i]));
    const series = sources.map(() => xs.map(() => null));
    for (const p of points) series[sources.indexOf(p.source)][index.get(p.t)] = p.n;
    try {
      state.chart = new window.uPlot({
        width: Math.max(300, box.clientWidth || 600),
        height: 260,
        // one scan only: widen the axis to a day around it instead of uPlot's multi-year default
        scales: { x: xs.length === 1 ? { time: true, auto: false, range: [xs[0] - 43200, xs[0] + 43200] } : { time: true } },
        series: [{ label: 'time' }, ...sources.map((s, i) => ({
          label: String(s), stroke: PALETTE[i % PALETTE.length], width: 2, spanGaps: true, points: { show: true, size: 5 },
        }))],
        axes: [{}, { label: 'findings', size: 60 }],
      }, [xs, ...series], box);
    } catch (e) {
      box.replaceChildren();
      note(`The chart cannot be drawn (${errText(e)}).`);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 2. Subject search and reports
  // ---------------------------------------------------------------------------------------------

  const ID_TYPES = ['email', 'phone', 'iban', 'ip', 'mac', 'cookie', 'login', 'name', 'place', 'national_id', 'value'];

  /** The form's identifiers: {email: [...], ...}, several values per input split on , or newline. */
  function collectQuery() {
    const identifiers = {};
    for (const t of ID_TYPES) {
      const vals = $(`q-${t}`).value.split(/[,\n\r]+/).map((v) => v.trim()).filter(Boolean);
      if (vals.length) identifiers[t] = vals;
    }
    if (!Object.keys(identifiers).length) throw new Error('Enter at least one identifier.');
    return { identifiers, expand: $('q-expand').checked };
  }

  /** The subject query from the form, or null after showing why it cannot be built. */
  function queryOrShowError() {
    try {
      return collectQuery();
    } catch (e) {
      showError('search-error', errText(e));
      return null;
    }
  }

  async function runSearch(ev) {
    ev.preventDefault();
    showError('search-error', '');
    const out = $('search-results');
    const query = queryOrShowError();
    if (!query) return;
    const btn = $('search-submit');
    btn.disabled = true;
    $('search-count').textContent = 'Searching…';
    try {
      const res = await api('POST', '/api/subjects/search', query);
      renderSearchResults(res.locations || []);
    } catch (e) {
      out.replaceChildren();
      $('search-count').textContent = '';
      showError('search-error', errText(e));
    } finally {
      btn.disabled = false;
    }
  }

  function renderSearchResults(locations) {
    const out = $('search-results');
    out.replaceChildren();
    $('search-count').textContent = `${locations.length} location(s)`;
    if (!locations.length) {
      out.append(el('p', { class: 'muted' }, 'Nothing found for these identifiers.'));
      return;
    }
    const groups = new Map();
    for (const l of locations) {
      const key = l.source || '(unknown source)';
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(l);
    }
    for (const [source, list] of groups) {
      out.append(el('section', { class: 'result-group', dataset: { source } },
        el('h3', null, el('span', { class: 'wrap' }, source), el('span', { class: 'count' }, ` ${list.length} location(s)`)),
        list.map(locationCard)));
    }
  }

  function locationCard(l) {
    // expanded: found through a correlated identifier; linked: a row referencing the subject's row
    const expanded = l.match === 'expanded' || l.match === 'linked';
    return el('div', { class: `location${expanded ? ' expanded' : ''}` },
      el('div', { class: 'loc-main' },
        el('span', { class: 'container wrap' }, l.container || '—'),
        el('span', { class: 'locator' }, locatorText(l.locator))),
      el('div', { class: 'loc-meta' },
        badge(l.category),
        el('span', { class: 'type' }, l.type || '—'),
        el('code', { class: 'masked' }, l.masked || ''),
        l.strength ? el('span', { class: `strength strength-${l.strength === 'strong' ? 'strong' : 'weak'}` }, l.strength) : null,
        expanded ? el('span', { class: 'match-tag' }, l.match) : null,
        l.pastRetention ? el('span', { class: 'match-tag past-retention' }, 'past retention') : null),
      expanded && l.via ? el('div', { class: 'via' }, `via ${l.via}`) : null,
      l.why ? el('div', { class: 'why muted' }, l.why) : null);
  }

  /** POST /api/subjects/report and hand the response to the browser as a file download. */
  async function downloadReport(kind) {
    showError('search-error', '');
    const query = queryOrShowError();
    if (!query) return;
    const format = $('report-format').value === 'html' ? 'html' : 'json';
    const btn = $(`download-${kind}`);
    btn.disabled = true;
    try {
      const res = await api('POST', '/api/subjects/report', { ...query, kind, format }, { raw: true });
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: `inzage-${kind}-report.${format}`, class: 'hidden-link' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) {
      showError('search-error', errText(e));
    } finally {
      btn.disabled = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 3. Scans: sources, starting runs, live progress, run history
  // ---------------------------------------------------------------------------------------------

  const FINISHED = new Set(['completed', 'failed', 'interrupted']);

  async function loadScans() {
    showError('scans-error', '');
    const [src, runs] = await Promise.allSettled([loadSources(), loadRuns()]);
    const failed = [src, runs].find((r) => r.status === 'rejected');
    if (failed) showError('scans-error', errText(failed.reason));
    // Pick up a run that is queued or running now, unless one is followed already.
    if (src.status === 'fulfilled' && (!state.follow || state.follow.done)) {
      const active = (src.value || []).find((s) => s.active);
      if (active) followRun(active.active);
    }
  }

  async function loadSources() {
    const res = await api('GET', '/api/sources');
    const sources = res.sources || [];
    const body = $('sources-table').tBodies[0];
    body.replaceChildren();
    if (!sources.length) {
      body.append(el('tr', null, el('td', { colspan: isAdmin() ? 7 : 6, class: 'empty' }, 'No sources are configured.')));
    }
    for (const s of sources) {
      const last = s.lastRun;
      body.append(el('tr', { dataset: { source: s.name } },
        el('td', null, s.name),
        el('td', { class: 'wrap mono' }, s.uri || '—'),
        el('td', null, s.kind || '—'),
        el('td', { class: 'mono' }, s.schedule || 'manual'),
        el('td', null, fmtTime(s.nextRun)),
        el('td', null, s.active ? el('span', { class: 'state state-running' }, 'in progress') : null, s.active ? ' ' : null,
          last ? [stateTag(last.state), ' ', fmtPct(last.completeness), el('div', { class: 'muted small' }, fmtTime(last.finishedAt || last.startedAt))] : (s.active ? null : '—')),
        isAdmin() ? el('td', null, el('button', {
          type: 'button', class: 'start-scan', dataset: { source: s.name }, onclick: () => startScan(s.name),
        }, 'Scan now')) : null));
    }
    return sources;
  }

  async function loadRuns() {
    const res = await api('GET', '/api/scans');
    const runs = res.scans || [];
    const body = $('runs-table').tBodies[0];
    body.replaceChildren();
    if (!runs.length) body.append(el('tr', null, el('td', { colspan: 10, class: 'empty' }, 'No scans yet.')));
    for (const r of runs) {
      const p = r.progress || {};
      const errors = p.errors ?? (r.errors ? r.errors.length : 0);
      body.append(el('tr', {
        dataset: { run: r.id }, tabindex: '0', class: 'clickable',
        onclick: () => showRunErrors(r),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showRunErrors(r); } },
      },
      el('td', { class: 'mono' }, r.id),
      el('td', { class: 'wrap' }, r.source),
      el('td', null, r.trigger || '—'),
      el('td', null, stateTag(r.state)),
      el('td', null, fmtTime(r.startedAt || r.queuedAt)),
      el('td', null, fmtTime(r.finishedAt)),
      el('td', { class: 'num' }, fmtNum(p.itemsDone)),
      el('td', { class: 'num' }, fmtNum(p.findings)),
      el('td', { class: `num${errors ? ' has-errors' : ''}` }, fmtNum(errors)),
      el('td', { class: 'num' }, fmtPct(r.completeness))));
    }
    return runs;
  }

  /** Shows a run's failed items (fetched fresh, since the list may be older than the run). */
  async function showRunErrors(listed) {
    let run = listed;
    try {
      run = await api('GET', `/api/scans/${encodeURIComponent(listed.id)}`);
    } catch (e) { /* keep the listed copy */ }
    for (const tr of $('runs-table').tBodies[0].rows) tr.classList.toggle('selected', tr.dataset.run === listed.id);
    const box = $('run-errors');
    const errors = run.errors || [];
    box.replaceChildren(el('div', null,
      el('h3', null, 'Errors of run ', el('span', { class: 'mono' }, run.id), ' — ', el('span', { class: 'wrap' }, run.source)),
      run.error ? el('p', { class: 'error' }, run.error) : null,
      errors.length
        ? el('table', { class: 'data-table compact' },
          el('thead', null, el('tr', null, el('th', null, 'Item'), el('th', null, 'Reason'))),
          el('tbody', null, errors.map((x) => el('tr', null, el('td', { class: 'wrap mono' }, x.item), el('td', null, x.reason)))))
        : el('p', { class: 'muted' }, run.error ? 'No item errors.' : 'No errors: every item was read.'),
      columnsTable(run),
      incrementalTable(run),
      movedNote(run)));
    box.hidden = false;
  }

  /**
   * What a file or log run did not read again: files found at a new path (moved) and logs found at a new path
   * (rotated) that kept their findings, and logs read on from where they stopped.
   */
  function movedNote(run) {
    const s = run.summary || {};
    if (!s.moved && !s.renamed && !s.appended) return null;
    const lines = [];
    if (s.moved) {
      lines.push(`${fmtNum(s.moved.files)} file(s) found at a new path (moved or renamed) kept their ${fmtNum(s.moved.findings)} `
        + 'finding(s) without being read again');
    }
    if (s.renamed) {
      lines.push(`${fmtNum(s.renamed.logs)} log(s) found at a new path (rotated) kept their ${fmtNum(s.renamed.findings)} `
        + 'finding(s) without being read again');
    }
    if (s.appended) {
      lines.push(`${fmtNum(s.appended.logs)} log(s) read on from where the last scan stopped: ${fmtNum(s.appended.bytes)} new byte(s)`);
    }
    return el('div', { id: 'run-moved' }, el('h3', null, 'Not read again'),
      el('ul', null, lines.map((l) => el('li', null, l))));
  }

  /** A database run: the tables read from their change marks, only their rows changed since the last scan. */
  function incrementalTable(run) {
    const inc = run.summary && run.summary.incremental;
    if (!inc) return null;
    return el('div', { id: 'run-incremental' },
      el('h3', null, `Read incrementally: ${fmtNum(inc.tables)} table(s), ${fmtNum(inc.changedRows)} changed row(s) read, `
        + `${fmtNum(inc.deletedRows)} deleted row(s) dropped`),
      el('table', { class: 'data-table compact' },
        el('thead', null, el('tr', null, ['Table', 'Changed rows', 'Deleted rows', 'Change marks'].map((h) => el('th', null, h)))),
        el('tbody', null, Object.entries(inc.byTable || {}).map(([table, t]) => el('tr', { dataset: { table } },
          el('td', { class: 'wrap mono' }, table), el('td', { class: 'num' }, fmtNum(t.changedRows)),
          el('td', { class: 'num' }, fmtNum(t.deletedRows)), el('td', null, t.marks))))));
  }

  /** A database run: which columns hold personal data, as classified from their values. */
  function columnsTable(run) {
    const cols = run.summary && run.summary.columns;
    if (!cols || !cols.read) return null;
    const list = cols.classified || [];
    return el('div', { id: 'run-columns' },
      el('h3', null, `Personal columns: ${fmtNum(list.length)} of ${fmtNum(cols.read)}`),
      list.length
        ? el('table', { class: 'data-table compact' },
          el('thead', null, el('tr', null, ['Table', 'Column', 'Type', 'Category', 'Share', 'Values'].map((h) => el('th', null, h)))),
          el('tbody', null, list.map((c) => el('tr', { dataset: { column: `${c.table}.${c.column}` } },
            el('td', { class: 'wrap mono' }, c.table), el('td', { class: 'wrap mono' }, c.column), el('td', null, c.type),
            el('td', null, badge(c.category)), el('td', { class: 'num' }, `${Math.round((c.share || 0) * 100)} %`),
            el('td', { class: 'num' }, fmtNum(c.values))))))
        : el('p', { class: 'muted' }, 'No column holds personal data.'));
  }

  /** POST /api/scans {source}; on 409 a run is already queued or running: follow that one. */
  async function startScan(source) {
    showError('scans-error', '');
    let id;
    try {
      id = (await api('POST', '/api/scans', { source })).id;
    } catch (e) {
      if (e.status === 409 && e.body && e.body.id) id = e.body.id;
      else {
        showError('scans-error', errText(e));
        return;
      }
    }
    if (id) {
      followRun(id);
      loadRuns().catch(() => {});
    }
  }

  async function adhocScan(ev) {
    ev.preventDefault();
    const uri = $('adhoc-uri').value.trim();
    if (!uri) return;
    await startScan(uri);
  }

  function stopFollowing() {
    const f = state.follow;
    if (!f) return;
    if (f.es) f.es.close();
    if (f.timer) clearInterval(f.timer);
    state.follow = null;
  }

  /** Follows a run through SSE, falling back to polling GET /api/scans/{id} every second. */
  function followRun(id) {
    stopFollowing();
    const f = { id, es: null, timer: null, lastState: null, done: false };
    state.follow = f;
    $('scan-progress').hidden = false;
    $('scan-progress-title').textContent = `Scan ${id}`;
    $('scan-state').textContent = '…';
    $('scan-state').className = 'state';
    showError('scan-progress-error', '');
    $('scan-progress-bar').value = 0;
    $('scan-progress-text').textContent = 'Connecting…';
    const path = `/api/scans/${encodeURIComponent(id)}`;

    const poll = () => {
      if (f.timer || f.done || state.follow !== f) return;
      const tick = async () => {
        try {
          updateProgress(f, await api('GET', path));
        } catch (e) {
          if (state.follow !== f) return;
          $('scan-progress-text').textContent = `Cannot read the run: ${errText(e)}`;
          if (e.status === 404 || e.status === 403) stopFollowing();
        }
      };
      f.timer = setInterval(tick, 1000);
      tick();
    };

    if (typeof window.EventSource !== 'function') {
      poll();
      return;
    }
    try {
      f.es = new EventSource(`${path}/events`);
    } catch (e) {
      poll();
      return;
    }
    f.es.onmessage = (ev) => {
      try {
        updateProgress(f, JSON.parse(ev.data));
      } catch (e) { /* a malformed event: wait for the next one */ }
    };
    f.es.onerror = () => {
      if (f.es) f.es.close();
      f.es = null;
      if (!f.done && state.follow === f) poll();
    };
  }

  /** Renders one Run snapshot in the progress panel; on the end refreshes tables and coverage. */
  function updateProgress(f, run) {
    if (state.follow !== f || f.done || !run) return;
    const p = run.progress || {};
    const st = run.state || 'queued';
    const finished = FINISHED.has(st);
    $('scan-progress-title').textContent = `Scan ${run.id || f.id} — ${run.source || ''}`;
    const stEl = $('scan-state');
    stEl.textContent = st;
    stEl.className = `state state-${st.replace(/[^a-z]/g, '')}`;
    const bar = $('scan-progress-bar');
    let pct = p.percent == null ? null : Math.max(0, Math.min(100, Number(p.percent)));
    if (st === 'completed') pct = 100;
    if (pct == null && st === 'running') bar.removeAttribute('value'); // indeterminate while counting
    else bar.value = pct ?? 0;

    const pctText = pct == null ? '… %' : `${pct >= 100 ? 100 : Math.floor(pct)} %`;
    const seen = p.walkDone ? fmtNum(p.itemsSeen) : `${fmtNum(p.itemsSeen)}+`;
    const parts = [`${fmtNum(p.itemsDone ?? 0)}/${seen} items`, `${fmtNum(p.findings ?? 0)} findings`, `${fmtNum(p.errors ?? 0)} errors`];
    if (!finished && p.ratePerSecond != null) parts.push(`${Number(p.ratePerSecond).toFixed(1)} items/s`);
    const eta = finished ? null : fmtDuration(p.etaSeconds);
    if (eta) parts.push(`ETA ${eta}`);
    if (finished && run.completeness != null) parts.push(`completeness ${fmtPct(run.completeness)}`);
    $('scan-progress-text').textContent = st === 'queued' ? 'queued — waiting for a free scanner' : `${pctText} — ${parts.join(', ')}`;
    showError('scan-progress-error', run.error || '');

    if (st !== f.lastState) {
      f.lastState = st;
      if (!finished) loadRuns().catch(() => {});
    }
    if (finished) {
      f.done = true;
      if (f.es) f.es.close();
      if (f.timer) clearInterval(f.timer);
      f.es = null;
      f.timer = null;
      // Refresh the tables and the coverage/history (the dashboard redraws if it is on screen).
      const dashboard = $('view-dashboard').classList.contains('active');
      Promise.allSettled([loadSources(), loadRuns(), dashboard ? loadDashboard() : getCoverage(true)]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Findings explorer
  // ---------------------------------------------------------------------------------------------

  const PAGE_SIZE = 50;

  /** Refills a <select> keeping "all" first and the current choice when it still exists. */
  function fillSelect(select, options) {
    const keep = select.value;
    select.replaceChildren(el('option', { value: '' }, 'all'),
      ...options.map(([value, label]) => el('option', { value }, label)));
    select.value = options.some(([v]) => v === keep) ? keep : '';
  }

  async function loadFindingsView() {
    try {
      const cov = await getCoverage(false);
      fillSelect($('f-source'), (cov.sources || []).map((s) => [s.source, s.source]));
      fillSelect($('f-category'), (cov.categories || []).map((c) => [c.id, labelOf(c)]));
    } catch (e) {
      showError('findings-error', errText(e));
    }
    if (!state.findingsFilter) state.findingsFilter = readFindingsFilter();
    await loadFindings(state.findingsPage);
  }

  function readFindingsFilter() {
    const f = {};
    const source = $('f-source').value;
    const category = $('f-category').value;
    const type = $('f-type').value.trim();
    const min = $('f-min-confidence').value.trim();
    if (source) f.source = source;
    if (category) f.category = category;
    if (type) f.type = type;
    if (min !== '') f.minConfidence = min;
    return f;
  }

  async function loadFindings(page) {
    showError('findings-error', '');
    const params = new URLSearchParams({ ...(state.findingsFilter || {}), page: String(page), size: String(PAGE_SIZE) });
    let res;
    try {
      res = await api('GET', `/api/findings?${params}`);
    } catch (e) {
      showError('findings-error', errText(e));
      return;
    }
    const total = Number(res.total) || 0;
    const size = Number(res.size) || PAGE_SIZE;
    const pages = Math.max(1, Math.ceil(total / size));
    state.findingsPage = Number(res.page ?? page) || 0;
    const body = $('findings-table').tBodies[0];
    body.replaceChildren();
    const list = res.findings || [];
    if (!list.length) body.append(el('tr', null, el('td', { colspan: 7, class: 'empty' }, 'No findings match.')));
    for (const f of list) {
      body.append(el('tr', null,
        el('td', { class: 'wrap' }, f.source),
        el('td', { class: 'wrap' }, f.container),
        el('td', null, locatorText(f.locator)),
        el('td', null, f.type),
        el('td', null, badge(f.category)),
        el('td', { class: 'num' }, f.confidence == null ? '—' : Number(f.confidence).toFixed(2)),
        el('td', null, el('code', { class: 'masked' }, f.masked || ''))));
    }
    $('findings-page').textContent = `page ${state.findingsPage + 1} of ${pages} (${total} findings)`;
    $('findings-prev').disabled = state.findingsPage <= 0;
    $('findings-next').disabled = state.findingsPage + 1 >= pages;
  }

  // ---------------------------------------------------------------------------------------------
  // 5. Audit trail (admin)
  // ---------------------------------------------------------------------------------------------

  async function loadAudit() {
    const banner = $('audit-integrity');
    const body = $('audit-table').tBodies[0];
    let res;
    try {
      res = await api('GET', '/api/audit');
    } catch (e) {
      banner.className = 'banner bad';
      banner.textContent = `The audit trail cannot be read: ${errText(e)}`;
      body.replaceChildren();
      return;
    }
    const entries = res.entries || [];
    if (res.intact) {
      banner.className = 'banner ok';
      banner.textContent = `Hash chain intact — ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`;
    } else {
      banner.className = 'banner bad';
      banner.textContent = `Integrity problem: ${res.problem || 'the hash chain does not verify'}`;
    }
    body.replaceChildren();
    if (!entries.length) body.append(el('tr', null, el('td', { colspan: 6, class: 'empty' }, 'No entries yet.')));
    for (const e of entries) {
      const types = Array.isArray(e.identifierTypes) ? e.identifierTypes.join(', ') : (e.identifierTypes || '');
      body.append(el('tr', null,
        el('td', { class: 'num' }, e.seq ?? ''),
        el('td', null, fmtTime(e.time)),
        el('td', null, e.who ?? ''),
        el('td', null, e.action ?? ''),
        el('td', null, types || '—'),
        el('td', { class: 'num' }, e.results ?? '')));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Start-up
  // ---------------------------------------------------------------------------------------------

  function wire() {
    $('search-form').addEventListener('submit', runSearch);
    $('download-access').addEventListener('click', () => downloadReport('access'));
    $('download-erasure').addEventListener('click', () => downloadReport('erasure'));
    $('adhoc-form').addEventListener('submit', adhocScan);
    $('findings-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      state.findingsFilter = readFindingsFilter();
      loadFindings(0);
    });
    $('findings-prev').addEventListener('click', () => loadFindings(Math.max(0, state.findingsPage - 1)));
    $('findings-next').addEventListener('click', () => loadFindings(state.findingsPage + 1));
    window.addEventListener('hashchange', route);
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        const box = $('history-chart');
        if (state.chart && box.clientWidth) state.chart.setSize({ width: Math.max(300, box.clientWidth), height: 260 });
      }, 150);
    });
  }

  async function init() {
    wire();
    try {
      state.me = await api('GET', '/api/me');
    } catch (e) {
      if (e.status !== 401) showError('app-error', `Cannot load the session: ${errText(e)}`);
      return;
    }
    $('me-user').textContent = state.me.user || '';
    $('me-role').textContent = state.me.role || '';
    $('logout-csrf').value = state.me.csrf || '';
    for (const node of document.querySelectorAll('.admin-only')) node.hidden = !isAdmin();
    document.body.classList.toggle('is-admin', isAdmin());
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
