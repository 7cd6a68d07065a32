// Part 1 of the script of a `gantry report --html` page (layout: docs/analysis.md, "The HTML
// page"): the data and view state, elements, scales, the tooltip and the figure frame. The three
// parts are joined in order inside one function when the page is written (html_page.cpp), so
// they share one scope. Plain DOM and SVG, no library: the page must open offline and stay
// light. Text from the data is only ever set as text, never parsed as HTML.

  const data = JSON.parse(document.getElementById('gantry-data').textContent);
  const storageKey = 'gantry-report:' + data.title;
  const state = Object.assign(
    { hidden: [], showRuns: false, selectedRun: null, sampleRun: null, sampleIndex: null },
    readState());

  function readState() {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) || '{}');
    } catch (error) {
      return {};  // storage may be off for file: pages; the page works without it
    }
  }
  function saveState() {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch (error) { /* as above */ }
  }

  // While `--watch` rewrites the file, reload it, keeping the place the reader was at.
  if (data.watch > 0) {
    const scroll = Number(readState().scroll || 0);
    window.addEventListener('load', () => window.scrollTo(0, scroll));
    setTimeout(() => {
      state.scroll = window.scrollY;
      saveState();
      location.reload();
    }, data.watch * 1000);
  }
  if (data.waiting) return;

  const SVG = 'http://www.w3.org/2000/svg';
  const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2',
    '#17becf', '#bcbd22', '#7f7f7f'];
  const WIDTH = 760, HEIGHT = 300;
  const MARGIN = { left: 64, right: 16, top: 12, bottom: 40 };
  const runsById = new Map(data.runs.map((run) => [run.id, run]));
  const tooltip = document.getElementById('tooltip');

  const colour = (group) => PALETTE[group % PALETTE.length];
  const visible = (group) => !state.hidden.includes(group);
  const groupName = (group) => data.groups[group].name;

  // ---- Elements -------------------------------------------------------------------------------
  function svgElement(tag, attributes, parent) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (parent) parent.appendChild(node);
    return node;
  }
  function element(tag, attributes, text, parent) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function format(value) {
    if (value === null || value === undefined) return '-';
    if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value);
    return String(Number(value.toPrecision(4)));
  }
  function stepLabel(columns, c) {
    if (columns.exact) return 'step ' + columns.steps[c];
    return columns.first[c] === columns.last[c] ? 'step ' + columns.first[c]
      : 'steps ' + columns.first[c] + '–' + columns.last[c];
  }
  function columnStep(columns, c) {
    return columns.exact ? columns.steps[c] : (columns.first[c] + columns.last[c]) / 2;
  }
  function runLine(run) {
    const r = runsById.get(run);
    if (!r) return 'run #' + run;
    return 'run #' + r.id + ' · seed ' + r.seed + ' · ' + groupName(r.group);
  }

  // ---- Scales ---------------------------------------------------------------------------------
  function extent(values, fallback) {
    let low = Infinity, high = -Infinity;
    for (const v of values) {
      if (v === null || !isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
    if (low > high) return fallback || [0, 1];
    if (low === high) return [low - (Math.abs(low) || 1) * 0.05, high + (Math.abs(high) || 1) * 0.05];
    return [low, high];
  }
  // A range widened by 6% on each side, so that no point sits on an axis.
  function padded([low, high]) {
    const margin = (high - low) * 0.06;
    return [low - margin, high + margin];
  }
  function ticks(low, high, count) {
    const raw = (high - low) / count;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
    const values = [];
    for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) {
      values.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return values;
  }
  function scale(domain, range) {
    const [d0, d1] = domain, [r0, r1] = range;
    const map = (v) => r0 + (v - d0) / (d1 - d0 || 1) * (r1 - r0);
    map.domain = domain;
    return map;
  }

  // ---- Tooltip and hover ----------------------------------------------------------------------
  function showTooltip(event, text) {
    tooltip.textContent = text;
    tooltip.hidden = false;
    const x = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
    tooltip.style.left = x + window.scrollX + 'px';
    tooltip.style.top = event.clientY + 14 + window.scrollY + 'px';
  }
  function hideTooltip() { tooltip.hidden = true; }

  // Hovering a chart shows the nearest drawn point of a visible series, within reach.
  function enableHover(chart) {
    const marker = svgElement('circle', { r: 4, class: 'marker', visibility: 'hidden' }, chart.svg);
    chart.svg.addEventListener('mousemove', (event) => {
      const box = chart.svg.getBoundingClientRect();
      const x = (event.clientX - box.left) * WIDTH / box.width;
      const y = (event.clientY - box.top) * chart.height / box.height;
      let best = null, bestDistance = 24 * 24;
      for (const hit of chart.hits) {
        const d = (hit.x - x) * (hit.x - x) + (hit.y - y) * (hit.y - y);
        if (d < bestDistance) { best = hit; bestDistance = d; }
      }
      if (!best) { marker.setAttribute('visibility', 'hidden'); hideTooltip(); return; }
      marker.setAttribute('cx', best.x);
      marker.setAttribute('cy', best.y);
      marker.setAttribute('visibility', 'visible');
      showTooltip(event, best.text());
    });
    chart.svg.addEventListener('mouseleave', () => {
      marker.setAttribute('visibility', 'hidden');
      hideTooltip();
    });
  }

  // ---- Figure frame ---------------------------------------------------------------------------
  function legend(parent, groups) {
    const box = element('div', { class: 'legend' }, null, parent);
    for (const g of groups) {
      const entry = element('button', { type: 'button', class: 'legend-entry', 'data-group': g },
        null, box);
      if (!visible(g)) entry.classList.add('off');
      element('span', { class: 'swatch', style: 'background:' + colour(g) }, null, entry);
      entry.appendChild(document.createTextNode(groupName(g)));
      entry.title = 'show or hide this group in every figure';
      entry.addEventListener('click', () => {
        state.hidden = visible(g) ? state.hidden.concat([g]) : state.hidden.filter((h) => h !== g);
        saveState();
        render();
      });
    }
  }

  // A titled figure with axes; returns what its series are drawn with.
  function figure(parent, options) {
    const box = element('figure', { class: 'chart', id: options.id }, null, parent);
    element('figcaption', { class: 'title' }, options.title, box);
    if (options.groups) legend(box, options.groups);
    const height = options.height || HEIGHT;
    const svg = svgElement('svg', { viewBox: '0 0 ' + WIDTH + ' ' + height, class: 'plot' }, box);
    const x = options.categories
      ? null : scale(options.x, [MARGIN.left, WIDTH - MARGIN.right]);
    const y = scale(options.y, [height - MARGIN.bottom, MARGIN.top]);
    const chart = { box, svg, x, y, height, hits: [], layer: null };
    drawAxes(chart, options);
    chart.layer = svgElement('g', { class: 'series-layer', 'clip-path': 'url(#' + clipArea(svg, height) + ')' }, svg);
    if (options.note) element('p', { class: 'figure-note' }, options.note, box);
    return chart;
  }

  function drawAxes(chart, options) {
    const axes = svgElement('g', { class: 'axes' }, chart.svg);
    const bottom = chart.height - MARGIN.bottom;
    for (const v of ticks(options.y[0], options.y[1], 5)) {
      const py = chart.y(v);
      svgElement('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: py, y2: py,
        class: 'grid' }, axes);
      svgElement('text', { x: MARGIN.left - 6, y: py + 4, 'text-anchor': 'end' }, axes)
        .textContent = format(v);
    }
    if (chart.x) {
      for (const v of ticks(options.x[0], options.x[1], 6)) {
        const px = chart.x(v);
        svgElement('line', { x1: px, x2: px, y1: bottom, y2: bottom + 5, class: 'tick' }, axes);
        svgElement('text', { x: px, y: bottom + 18, 'text-anchor': 'middle' }, axes)
          .textContent = format(v);
      }
    }
    svgElement('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: bottom, y2: bottom,
      class: 'axis' }, axes);
    svgElement('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: bottom,
      class: 'axis' }, axes);
    if (options.xLabel) {
      svgElement('text', { x: (MARGIN.left + WIDTH - MARGIN.right) / 2, y: chart.height - 4,
        'text-anchor': 'middle', class: 'label' }, axes).textContent = options.xLabel;
    }
    if (options.yLabel) {
      svgElement('text', { x: 14, y: (MARGIN.top + bottom) / 2, 'text-anchor': 'middle',
        class: 'label', transform: 'rotate(-90 14 ' + (MARGIN.top + bottom) / 2 + ')' }, axes)
        .textContent = options.yLabel;
    }
  }

  // A clip path of the plotting area, so that nothing drawn strays over the axes; its id.
  let clips = 0;
  function clipArea(svg, height) {
    const id = 'clip-' + (++clips);
    const clip = svgElement('clipPath', { id }, svgElement('defs', null, svg));
    svgElement('rect', { x: MARGIN.left, y: MARGIN.top - 4, width: WIDTH - MARGIN.left - MARGIN.right + 4,
      height: height - MARGIN.top - MARGIN.bottom + 8 }, clip);
    return id;
  }

  // A path through points [x, y] (pixels), a new piece after each gap (null).
  function pathOf(points) {
    let d = '', pen = false;
    for (const p of points) {
      if (p === null) { pen = false; continue; }
      d += (pen ? 'L' : 'M') + p[0].toFixed(1) + ' ' + p[1].toFixed(1);
      pen = true;
    }
    return d;
  }
  // The area between two lines of [x, low, high] pixels, one polygon per unbroken piece.
  function bandPath(points) {
    let d = '', piece = [];
    const close = () => {
      if (piece.length > 1) {
        d += 'M' + piece.map((p) => p[0].toFixed(1) + ' ' + p[1].toFixed(1)).join('L') + 'L' +
          piece.slice().reverse().map((p) => p[0].toFixed(1) + ' ' + p[2].toFixed(1)).join('L') +
          'Z';
      }
      piece = [];
    };
    for (const p of points) { if (p === null) close(); else piece.push(p); }
    close();
    return d;
  }

  // A run's curve in columns: through each column's low and high (one point when exact).
  function runPoints(chart, columns, run) {
    const points = [];
    const high = run.high || run.low;
    for (let c = 0; c < run.low.length; ++c) {
      if (run.low[c] === null) { points.push(null); continue; }
      const px = chart.x(columnStep(columns, c));
      points.push([px, chart.y(run.low[c])]);
      if (high[c] !== run.low[c]) points.push([px, chart.y(high[c])]);
    }
    return points;
  }
  function drawRun(chart, group, columns, run, metric) {
    const selected = state.selectedRun === run.run;
    if (!state.showRuns && !selected) return;
    const points = runPoints(chart, columns, run);
    svgElement('path', { d: pathOf(points), class: 'series run-line' + (selected ? ' selected' : ''),
      stroke: colour(group), 'data-run': run.run, 'data-group': group }, chart.layer);
    const high = run.high || run.low;
    for (let c = 0; c < run.low.length; ++c) {
      if (run.low[c] === null) continue;
      const value = high[c] === run.low[c] ? format(run.low[c])
        : format(run.low[c]) + ' to ' + format(high[c]);
      chart.hits.push({ x: chart.x(columnStep(columns, c)), y: chart.y(high[c]),
        text: () => runLine(run.run) + '\n' + stepLabel(columns, c) + ': ' + metric + ' = ' + value });
    }
  }

