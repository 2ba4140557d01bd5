// The matrix page's behaviour: search, release picker, keyboard navigation, endpoint detail.
// Plain browser JavaScript, inlined into index.html; no network, no dependencies.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('matrix-data').textContent);
  const table = document.getElementById('matrix');
  const search = document.getElementById('search');
  const release = document.getElementById('release');
  const status = document.getElementById('status');
  const detail = document.getElementById('detail');
  const rows = Array.from(table.querySelectorAll('tr[data-endpoint]'));
  const LABELS = {
    added: ['+', 'added'], present: ['\u2713', 'available'], deprecated: ['D', 'deprecated'],
    removed: ['\u00d7', 'removed'], absent: ['', 'absent'],
  };

  // Same rule as src/matrix/cells.ts listCellStates.
  function cellStates(element) {
    const n = data.versions.length;
    const states = new Array(n).fill('absent');
    for (const [from, to] of element.present) {
      for (let i = from; i <= to; i++) {
        states[i] = i === from ? 'added' : element.deprecated >= 0 && i >= element.deprecated ? 'deprecated' : 'present';
      }
      if (to + 1 < n) states[to + 1] = 'removed';
    }
    if (element.deprecated >= 0 && states[element.deprecated] === 'added') states[element.deprecated] = 'deprecated';
    return states;
  }

  function isAvailable(state) {
    return state === 'added' || state === 'present' || state === 'deprecated';
  }

  // ---- search --------------------------------------------------------------------------
  function applyFilter() {
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const e = data.endpoints[Number(row.dataset.endpoint)];
      let hits = [];
      let match = q === '' || (e.method + ' ' + e.path).toLowerCase().includes(q) || (e.operationId || '').toLowerCase().includes(q);
      if (q !== '') {
        for (const list of [e.parameters, e.body, e.response]) {
          for (const el of list) if (el.name.toLowerCase().includes(q)) hits.push(el.name);
        }
        if (hits.length > 0) match = true;
      }
      row.hidden = !match;
      row.querySelector('.hits').textContent = q !== '' && hits.length > 0 ? 'matches: ' + hits.slice(0, 4).join(', ') + (hits.length > 4 ? ' +' + (hits.length - 4) : '') : '';
      if (match) shown++;
    }
    for (const body of table.tBodies) {
      body.hidden = !Array.from(body.rows).some((r) => r.dataset.endpoint !== undefined && !r.hidden);
    }
    updateStatus(shown);
  }

  // ---- release picker ------------------------------------------------------------------
  const pickedStyle = document.createElement('style');
  document.head.appendChild(pickedStyle);
  function applyRelease() {
    const api = release.value;
    const column = data.versions.findIndex((v) => v.version === api);
    pickedStyle.textContent = column >= 0 ? '[data-col="' + column + '"]{box-shadow: inset 0 0 0 2px var(--pick);}' : '';
    for (const row of rows) {
      row.classList.remove('supported', 'unsupported');
      if (column < 0) continue;
      const state = row.cells[column + 1].className.replace('s-', '');
      row.classList.add(isAvailable(state) ? 'supported' : 'unsupported');
    }
    updateStatus(rows.filter((r) => !r.hidden).length);
  }

  function updateStatus(shown) {
    const api = release.value;
    let text = shown + ' of ' + rows.length + ' endpoints shown';
    if (api) {
      const supported = rows.filter((r) => !r.hidden && r.classList.contains('supported')).length;
      const name = release.options[release.selectedIndex].textContent;
      text += '; ' + name + ' supports ' + supported + ' of them';
      
    }
    status.textContent = text;
  }

  // ---- keyboard navigation (roving tabindex over the grid) -------------------------------
  function cellsOf(row) {
    return [row.querySelector('th.ep .open')].concat(Array.from(row.querySelectorAll('td')));
  }
  let current = null;
  function focusCell(el) {
    if (current) current.tabIndex = -1;
    current = el;
    el.tabIndex = 0;
    el.focus();
  }
  if (rows.length > 0) cellsOf(rows[0])[0].tabIndex = 0;
  table.addEventListener('keydown', (event) => {
    const el = event.target;
    const row = el.closest('tr[data-endpoint]');
    if (!row) return;
    const visible = rows.filter((r) => !r.hidden && !r.parentElement.hidden);
    const r = visible.indexOf(row);
    const c = cellsOf(row).indexOf(el);
    let next = null;
    if (event.key === 'ArrowRight') next = cellsOf(row)[Math.min(c + 1, data.versions.length)];
    else if (event.key === 'ArrowLeft') next = cellsOf(row)[Math.max(c - 1, 0)];
    else if (event.key === 'ArrowDown' && r + 1 < visible.length) next = cellsOf(visible[r + 1])[c];
    else if (event.key === 'ArrowUp' && r > 0) next = cellsOf(visible[r - 1])[c];
    else if (event.key === 'Home') next = cellsOf(row)[0];
    else if (event.key === 'End') next = cellsOf(row)[data.versions.length];
    else if (event.key === 'Enter' && el.tagName === 'TD') { openDetail(Number(row.dataset.endpoint)); event.preventDefault(); return; }
    if (next) { focusCell(next); event.preventDefault(); }
  });
  table.addEventListener('focusin', (event) => {
    if (event.target.matches('td, .open')) { if (current && current !== event.target) current.tabIndex = -1; current = event.target; current.tabIndex = 0; }
  });
  table.addEventListener('click', (event) => {
    const button = event.target.closest('.open');
    if (button) openDetail(Number(button.dataset.endpoint));
  });

  // ---- endpoint detail -----------------------------------------------------------------
  function esc(text) {
    return String(text).replace(/[&<>"']/g, (ch) => '&#' + ch.charCodeAt(0) + ';');
  }
  function timelineTable(caption, elements) {
    if (elements.length === 0) return '';
    const head = data.versions.map((v) => '<th scope="col">' + esc(v.version) + '</th>').join('');
    const body = elements.map((el) => {
      const cells = cellStates(el).map((s, i) => '<td class="s-' + s + '" title="API ' + data.versions[i].version + ': ' + LABELS[s][1] + '">' + LABELS[s][0] + '</td>').join('');
      return '<tr><th scope="row">' + esc(el.name) + (el.in ? ' <small>(' + el.in + ')</small>' : '') + '</th>' + cells + '</tr>';
    }).join('');
    return '<h3>' + esc(caption) + '</h3><table><caption>' + esc(caption) + ' by API version</caption><thead><tr><th scope="col">Name</th>' + head + '</tr></thead><tbody>' + body + '</tbody></table>';
  }
  function openDetail(index) {
    const e = data.endpoints[index];
    document.getElementById('detail-title').textContent = e.method + ' ' + e.path + (e.operationId ? ' (' + e.operationId + ')' : '');
    document.getElementById('detail-body').innerHTML =
      timelineTable('Endpoint', [Object.assign({}, e, { name: e.method + ' ' + e.path })]) +
      timelineTable('Parameters', e.parameters) +
      timelineTable('Request body fields', e.body) +
      timelineTable('Response fields', e.response);
    detail.hidden = false;
    detail.dataset.endpoint = String(index);
    detail.focus();
  }
  function closeDetail() {
    detail.hidden = true;
    if (current) current.focus();
  }
  document.getElementById('detail-close').addEventListener('click', closeDetail);
  detail.addEventListener('keydown', (event) => { if (event.key === 'Escape') closeDetail(); });

  search.addEventListener('input', applyFilter);
  release.addEventListener('change', applyRelease);
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get('q')) { search.value = params.get('q'); }
  applyFilter();
  document.documentElement.dataset.ready = 'true';
})();
