// Part 3 of the page's script (see report_base.js): the runs table, the controls, and drawing
// the page.
  // ---- Runs table -----------------------------------------------------------------------------
  const table = { sortColumn: 0, ascending: true, filter: '', status: '' };

  function runsTable() {
    const parent = document.getElementById('runs-table');
    parent.textContent = '';
    const tools = element('div', { class: 'table-tools' }, null, parent);
    const filter = element('input', { type: 'search', placeholder: 'filter runs', 'aria-label': 'filter runs',
      value: table.filter }, null, tools);
    const status = element('select', { 'aria-label': 'status' }, null, tools);
    for (const s of ['', 'finished', 'failed', 'running']) {
      const option = element('option', { value: s }, s === '' ? 'every status' : s, status);
      if (s === table.status) option.selected = true;
    }
    const count = element('span', { class: 'count' }, null, tools);
    const columns = runColumns();
    const grid = element('table', { class: 'runs' }, null, parent);
    const head = element('tr', null, null, element('thead', null, null, grid));
    columns.forEach((column, i) => {
      const th = element('th', { 'data-column': i }, column.name, head);
      if (i === table.sortColumn) th.classList.add(table.ascending ? 'ascending' : 'descending');
      th.addEventListener('click', () => {
        table.ascending = table.sortColumn === i ? !table.ascending : true;
        table.sortColumn = i;
        runsTable();
      });
    });
    element('th', null, 'show', head);
    const body = element('tbody', null, null, grid);
    const key = columns[table.sortColumn].value;
    const rows = data.runs.filter((r) => (!table.status || r.status === table.status) &&
      (!table.filter || columns.some((c) => String(c.value(r) ?? '').toLowerCase().includes(table.filter.toLowerCase()))));
    rows.sort((a, b) => compare(key(a), key(b)) * (table.ascending ? 1 : -1) || a.id - b.id);
    for (const r of rows) {
      const tr = element('tr', { 'data-run': r.id, class: 'status-' + r.status }, null, body);
      if (r.id === state.selectedRun) tr.classList.add('selected');
      for (const column of columns) {
        const v = column.value(r);
        const td = element('td', column.number ? { class: 'num' } : null,
          typeof v === 'number' ? format(v) : v, tr);
        if (column.name === 'error' && v) td.title = v;
      }
      const links = element('td', null, null, tr);
      const curves = element('a', { href: '#figures' }, 'curves', links);
      curves.addEventListener('click', () => {
        state.selectedRun = state.selectedRun === r.id ? null : r.id; saveState(); render();
      });
      if (data.samples && data.samples.some((s) => s.run === r.id)) {
        links.appendChild(document.createTextNode(' '));
        const samples = element('a', { href: '#samples' }, 'samples', links);
        samples.addEventListener('click', () => {
          state.sampleRun = r.id; state.sampleIndex = null; saveState(); render();
        });
      }
    }
    count.textContent = rows.length + ' of ' + data.runs.length + ' runs';
    filter.addEventListener('input', () => {
      table.filter = filter.value; runsTable();
      const again = document.querySelector('#runs-table input[type=search]');
      again.focus(); again.setSelectionRange(again.value.length, again.value.length);
    });
    status.addEventListener('change', () => { table.status = status.value; runsTable(); });
  }
  // The table's columns: the sweep only when there are several, the error only when a run has one.
  function runColumns() {
    const sweeps = new Set(data.runs.map((r) => r.sweep));
    return [{ name: 'run', value: (r) => r.id, number: true }]
      .concat(sweeps.size > 1 ? [{ name: 'sweep', value: (r) => r.sweep }] : [])
      .concat([{ name: 'group', value: (r) => groupName(r.group) },
        { name: 'seed', value: (r) => r.seed, number: true },
        { name: 'status', value: (r) => r.status }])
      .concat(data.varied.map((k) => ({ name: k, value: (r) => r.params[k] })))
      .concat(data.metrics.map((m) => ({ name: m, value: (r) => r.values[m], number: true })))
      .concat([{ name: 'wall s', value: (r) => r.wall, number: true }])
      .concat(data.runs.some((r) => r.error) ? [{ name: 'error', value: (r) => r.error || '' }] : []);
  }
  function compare(a, b) {
    const missing = (v) => v === undefined || v === null || v === '';
    if (missing(a) || missing(b)) return missing(a) - missing(b);
    const x = Number(a), y = Number(b);
    if (isFinite(x) && isFinite(y)) return x - y;
    return String(a).localeCompare(String(b));
  }

  // ---- Page -----------------------------------------------------------------------------------
  function section(parent, id, title) {
    const box = element('section', { id, class: 'figure-group' }, null, parent);
    element('h2', null, title, box);
    return box;
  }

  function controls() {
    const box = document.getElementById('controls');
    box.textContent = '';
    const label = element('label', null, null, box);
    const toggle = element('input', { type: 'checkbox', id: 'show-runs' }, null, label);
    toggle.checked = state.showRuns;
    label.appendChild(document.createTextNode(' show individual runs'));
    toggle.addEventListener('change', () => { state.showRuns = toggle.checked; saveState(); render(); });
    if (state.selectedRun !== null) {
      const clear = element('button', { type: 'button' }, 'run #' + state.selectedRun + ' highlighted: clear', box);
      clear.addEventListener('click', () => { state.selectedRun = null; saveState(); render(); });
    }
  }

  function notices() {
    const box = document.getElementById('notices');
    box.textContent = '';
    const sweeps = [...new Set(data.runs.map((r) => r.sweep))];
    element('p', { class: 'sweeps' }, (sweeps.length === 1 ? 'Sweep ' : 'Sweeps ') +
      sweeps.join(', ') + ': ' + data.runs.length + (data.runs.length === 1 ? ' run' : ' runs') +
      ' in ' + data.groups.length + (data.groups.length === 1 ? ' group' : ' groups') + '.', box);
    const reduced = (data.curves || []).some((c) => c.groups.some((g) => !g.columns.exact)) ||
      (data.accuracy && data.accuracy.groups.some((g) => !g.columns.exact));
    if (reduced) {
      element('p', { class: 'notice' }, 'Some curves are longer than a screen is wide: they are ' +
        'drawn in columns of several steps that keep each column\'s lowest and highest value.', box);
    }
    for (const note of data.notes || []) element('p', { class: 'notice' }, note, box);
  }

  function contents() {
    const nav = document.getElementById('contents');
    nav.textContent = '';
    for (const target of document.querySelectorAll('main section > h2, main section > h3')) {
      if (target.closest('#report') && target.tagName === 'H3') continue;
      const id = target.parentElement.id;
      if (!id) continue;
      element('a', { href: '#' + id }, id === 'report' ? 'Report' : target.textContent, nav);
    }
  }

  function render() {
    hideTooltip();
    controls();
    const figures = document.getElementById('figures');
    figures.textContent = '';
    if (data.curves && data.curves.length) {
      const box = section(figures, 'curves', 'Curves across seeds');
      for (const curve of data.curves) if (curve.groups.length) curveFigure(box, curve);
    }
    if (data.metrics.length) {
      const box = section(figures, 'finals', 'Final values');
      for (const metric of data.metrics) finalFigure(box, metric);
    }
    if ((data.accuracy && data.accuracy.groups.length) || (data.survival && data.survival.groups.length)) {
      const box = section(figures, 'overpowering', 'Discriminator overpowering');
      accuracyFigure(box);
      survivalFigure(box);
    }
    if (data.samples && data.samples.length) samplesFigure(section(figures, 'samples-section', 'Samples'));
    const parallel = section(figures, 'parallel-section', 'Settings against ' + data.compare);
    parallelFigure(parallel);
    if (!parallel.querySelector('figure')) parallel.remove();
    runsTable();
    contents();
  }

  notices();
  render();
  // Milliseconds from the start of navigation until the figures were drawn (bench/page.sh).
  document.documentElement.dataset.drawnMs = performance.now().toFixed(0);
