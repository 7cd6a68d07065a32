// The figures of a `gantry report --html` page, drawn as SVG from the JSON the page carries
// (layout: docs/analysis.md, "The HTML page"). Plain DOM and SVG, no library: the page must open
// offline and stay light. Text from the data is only ever set as text, never parsed as HTML.
(function () {
  'use strict';

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

  // ---- Curves across seeds --------------------------------------------------------------------
  function curveFigure(parent, curve) {
    const shown = curve.groups.filter((entry) => visible(entry.group));
    const steps = [], values = [];
    for (const entry of shown) {
      const c = entry.columns;
      for (let i = 0; i < entry.low.length; ++i) steps.push(columnStep(c, i));
      values.push(...entry.low, ...entry.high);
      if (state.showRuns || state.selectedRun !== null) {
        for (const run of entry.runs) {
          if (state.showRuns || run.run === state.selectedRun) values.push(...run.low, ...(run.high || []));
        }
      }
    }
    const reduced = curve.groups.find((entry) => !entry.columns.exact);
    const band = curve.low_p === null ? 'mean ± sd'
      : 'band: quantiles ' + curve.low_p + ' to ' + curve.high_p;
    const chart = figure(parent, {
      id: 'curve-' + curve.metric, title: curve.metric + ' over steps: ' + curve.centre +
        ' across seeds per group (' + band + ')',
      groups: curve.groups.map((entry) => entry.group), x: extent(steps), y: extent(values),
      xLabel: 'step', yLabel: curve.metric,
      note: reduced ? 'Long curves are drawn in at most ' + reduced.columns.first.length +
        ' columns of steps: each run\'s line spans its lowest and highest value in a column, ' +
        'each band its extremes, each centre line the mean of its points there.' : null });
    chart.box.classList.add('curves');
    for (const entry of shown) {
      const c = entry.columns, g = entry.group;
      const bandPoints = entry.low.map((low, i) => (low === null || entry.high[i] === null ? null
        : [chart.x(columnStep(c, i)), chart.y(low), chart.y(entry.high[i])]));
      svgElement('path', { d: bandPath(bandPoints), class: 'band', fill: colour(g) }, chart.layer);
      for (const run of entry.runs) drawRun(chart, g, c, run, curve.metric);
      const centre = entry.centre.map((v, i) => (v === null ? null : [chart.x(columnStep(c, i)), chart.y(v)]));
      svgElement('path', { d: pathOf(centre), class: 'series group-line', stroke: colour(g),
        'data-group': g }, chart.layer);
      entry.centre.forEach((v, i) => {
        if (v === null) return;
        chart.hits.push({ x: centre[i][0], y: centre[i][1], text: () => groupName(g) + ' (' +
          entry.runs.length + ' runs)\n' + stepLabel(c, i) + ': ' + curve.centre + ' ' + format(v) +
          ', band ' + format(entry.low[i]) + ' to ' + format(entry.high[i]) });
      });
    }
    enableHover(chart);
  }

  // ---- Final values per group -----------------------------------------------------------------
  // Deterministic jitter in [-0.5, 0.5): the same run sits at the same place on every page.
  const jitter = (id) => (((id * 2654435761) >>> 0) % 1000) / 1000 - 0.5;

  function finalFigure(parent, metric) {
    const groups = data.groups.map((_, g) => g).filter(visible);
    const runs = data.runs.filter((r) => r.status === 'finished' && r.values[metric] !== undefined &&
      r.values[metric] !== null && visible(r.group));
    const high = data.higher_is_better.includes(metric);
    const chart = figure(parent, {
      id: 'final-' + metric, categories: true,
      title: metric + ' at the end of each run, per group (best = ' + (high ? 'highest' : 'lowest') +
        '); box: quartiles and median',
      groups: data.groups.map((_, g) => g), y: padded(extent(runs.map((r) => r.values[metric]))),
      yLabel: metric });
    const width = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, groups.length);
    const bottom = chart.height - MARGIN.bottom;
    groups.forEach((g, slot) => {
      const centre = MARGIN.left + width * (slot + 0.5);
      const half = Math.min(width * 0.3, 70);
      const stats = data.groups[g].stats[metric];
      if (stats) {
        const top = chart.y(stats.q3), base = chart.y(stats.q1);
        svgElement('rect', { x: centre - half, width: 2 * half, y: top,
          height: Math.max(1, base - top), class: 'box', stroke: colour(g) }, chart.layer);
        svgElement('line', { x1: centre - half, x2: centre + half,
          y1: chart.y(stats.median), y2: chart.y(stats.median), class: 'median', stroke: colour(g) },
        chart.layer);
      }
      const label = svgElement('text', { x: centre, y: bottom + 18, 'text-anchor': 'middle',
        class: 'category' }, chart.svg);
      label.textContent = groupName(g).length > 28 ? groupName(g).slice(0, 27) + '…' : groupName(g);
    });
    for (const r of runs) {
      const slot = groups.indexOf(r.group);
      const px = MARGIN.left + width * (slot + 0.5) + jitter(r.id) * Math.min(width * 0.5, 110);
      const py = chart.y(r.values[metric]);
      svgElement('circle', { cx: px, cy: py, r: r.id === state.selectedRun ? 5 : 3.2,
        class: 'series point', fill: colour(r.group), 'data-run': r.id, 'data-group': r.group },
      chart.layer);
      chart.hits.push({ x: px, y: py, text: () => runLine(r.id) + '\n' + metric + ' = ' +
        format(r.values[metric]) + '\n' + settingsText(r) });
    }
    enableHover(chart);
  }
  function settingsText(run) {
    return 'sweep ' + run.sweep + (Object.keys(run.params).length ? '; ' : '') +
      Object.entries(run.params).map(([k, v]) => k + '=' + v).join(' ');
  }

  // ---- Overpowering ---------------------------------------------------------------------------
  function accuracyFigure(parent) {
    const accuracy = data.accuracy;
    if (!accuracy || accuracy.groups.length === 0) return;
    const shown = accuracy.groups.filter((entry) => visible(entry.group));
    const steps = [];
    for (const entry of shown) {
      for (let i = 0; i < entry.runs[0].low.length; ++i) steps.push(columnStep(entry.columns, i));
    }
    const chart = figure(parent, {
      id: 'accuracy', title: 'D\'s balanced accuracy at each evaluation, every run; dashed: ' +
        'the threshold at which D dominates (' + accuracy.threshold + ')',
      groups: accuracy.groups.map((entry) => entry.group), x: extent(steps), y: [0, 1],
      xLabel: 'step', yLabel: 'balanced accuracy' });
    const y = chart.y(accuracy.threshold);
    svgElement('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y,
      class: 'threshold' }, chart.layer);
    const all = state.showRuns;
    state.showRuns = true;  // this figure is made of runs
    for (const entry of shown) {
      for (const run of entry.runs) drawRun(chart, entry.group, entry.columns, run, 'balanced accuracy');
    }
    state.showRuns = all;
    enableHover(chart);
  }

  function survivalFigure(parent) {
    const survival = data.survival;
    if (!survival || survival.groups.length === 0) return;
    const shown = survival.groups.filter((entry) => visible(entry.group));
    const end = Math.max(1, ...survival.groups.map((entry) => entry.end));
    const chart = figure(parent, {
      id: 'survival', title: 'Runs not yet overpowered by each step (Kaplan-Meier, ' +
        Math.round(survival.confidence * 100) + '% band); ticks: runs that ended without it',
      groups: survival.groups.map((entry) => entry.group), x: [0, end], y: [0, 1],
      xLabel: 'step', yLabel: 'share not overpowered' });
    for (const entry of shown) {
      const g = entry.group;
      const line = [[chart.x(0), chart.y(1)]], band = [];
      let level = 1, low = null, high = null, last = 0;
      for (const [t, s, lo, hi] of entry.steps) {
        line.push([chart.x(t), chart.y(level)], [chart.x(t), chart.y(s)]);
        // The band holds its value from one event to the next, like the curve.
        if (low !== null) band.push([chart.x(last), chart.y(low), chart.y(high)], [chart.x(t), chart.y(low), chart.y(high)], null);
        level = s; low = lo; high = hi; last = t;
        chart.hits.push({ x: chart.x(t), y: chart.y(s), text: () => groupName(g) + '\nstep ' + t +
          ': ' + format(s) + ' not yet overpowered' + (lo === null ? '' : ' [' + format(lo) + ', ' + format(hi) + ']') });
      }
      if (low !== null) band.push([chart.x(last), chart.y(low), chart.y(high)], [chart.x(entry.end), chart.y(low), chart.y(high)]);
      line.push([chart.x(entry.end), chart.y(level)]);
      svgElement('path', { d: bandPath(band), class: 'band', fill: colour(g) }, chart.layer);
      svgElement('path', { d: pathOf(line), class: 'series group-line', stroke: colour(g),
        'data-group': g }, chart.layer);
      for (const t of entry.censored) {
        const s = levelAt(entry.steps, t);
        svgElement('line', { x1: chart.x(t), x2: chart.x(t), y1: chart.y(s) - 5, y2: chart.y(s) + 5,
          class: 'censor', stroke: colour(g) }, chart.layer);
      }
    }
    enableHover(chart);
  }
  function levelAt(steps, t) {
    let level = 1;
    for (const [time, s] of steps) if (time <= t) level = s;
    return level;
  }

  // ---- Samples --------------------------------------------------------------------------------
  function samplesFigure(parent) {
    if (!data.samples || data.samples.length === 0) return;
    const ids = data.samples.map((s) => s.run);
    if (!ids.includes(state.sampleRun)) state.sampleRun = ids[0];
    const sample = data.samples[ids.indexOf(state.sampleRun)];
    const sets = sample.sets;
    const index = state.sampleIndex === null || state.sampleIndex >= sets.length
      ? sets.length - 1 : state.sampleIndex;
    const box = element('figure', { class: 'chart', id: 'samples' }, null, parent);
    element('figcaption', { class: 'title' }, 'What the generator drew at each evaluation' +
      (sample.kind === 'images' ? '' : ', over the held-out real rows (grey)'), box);
    const controls = element('div', { class: 'sample-controls' }, null, box);
    const choice = element('select', { 'aria-label': 'run' }, null, controls);
    for (const s of data.samples) {
      const option = element('option', { value: s.run }, runLine(s.run), choice);
      if (s.run === sample.run) option.selected = true;
    }
    choice.addEventListener('change', () => {
      state.sampleRun = Number(choice.value); state.sampleIndex = null; saveState(); render();
    });
    const slider = element('input', { type: 'range', min: 0, max: sets.length - 1, value: index,
      'aria-label': 'evaluation' }, null, controls);
    const label = element('span', { class: 'sample-label' }, sets[index].label, controls);
    const canvas = element('div', { class: 'sample-canvas' }, null, box);
    const draw = (i) => {
      label.textContent = sets[i].label + ' (' + (i + 1) + ' of ' + sets.length + ')';
      canvas.textContent = '';
      drawSampleSet(canvas, sample, sets[i]);
    };
    slider.addEventListener('input', () => {
      state.sampleIndex = Number(slider.value); saveState(); draw(state.sampleIndex);
    });
    draw(index);
  }

  function drawSampleSet(parent, sample, set) {
    if (sample.kind === 'images') {
      element('img', { src: set.uri, alt: 'generated images at ' + set.label, class: 'grid-image' },
        null, parent);
      return;
    }
    const svg = svgElement('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, class: 'plot' }, parent);
    if (sample.kind === 'points') {
      const xs = extent(sample.real.x), ys = extent(sample.real.y);
      const widen = (range, values) => {
        const span = range[1] - range[0];
        const [low, high] = extent(values, range);
        return [Math.max(Math.min(range[0], low), range[0] - span), Math.min(Math.max(range[1], high), range[1] + span)];
      };
      const chart = { svg, height: HEIGHT, x: scale(widen(xs, set.x), [MARGIN.left, WIDTH - MARGIN.right]),
        y: scale(widen(ys, set.y), [HEIGHT - MARGIN.bottom, MARGIN.top]) };
      drawAxes(chart, { x: chart.x.domain, y: chart.y.domain, xLabel: 'x', yLabel: 'y' });
      const clip = 'url(#' + clipArea(svg, HEIGHT) + ')';
      const dots = (x, y, cls) => {
        const g = svgElement('g', { class: cls, 'clip-path': clip }, svg);
        for (let i = 0; i < x.length; ++i) {
          if (x[i] === null || y[i] === null) continue;
          svgElement('circle', { cx: chart.x(x[i]).toFixed(1), cy: chart.y(y[i]).toFixed(1), r: 2 }, g);
        }
      };
      dots(sample.real.x, sample.real.y, 'real');
      dots(set.x, set.y, 'generated');
      return;
    }
    const width = sample.real.rows[0].length;
    const chart = { svg, height: HEIGHT, x: scale([0, width - 1], [MARGIN.left, WIDTH - MARGIN.right]),
      y: scale(extent([].concat(...sample.real.rows, ...set.rows)), [HEIGHT - MARGIN.bottom, MARGIN.top]) };
    drawAxes(chart, { x: chart.x.domain, y: chart.y.domain, xLabel: 'column', yLabel: 'value' });
    const lines = (rows, cls) => {
      for (const row of rows) {
        svgElement('path', { d: pathOf(row.map((v, i) => (v === null ? null : [chart.x(i), chart.y(v)]))),
          class: cls }, svg);
      }
    };
    lines(sample.real.rows, 'real-line');
    lines(set.rows, 'generated-line');
  }

  // ---- Parallel coordinates -------------------------------------------------------------------
  function parallelFigure(parent) {
    const keys = data.varied.filter((k) => !k.startsWith('experiment.'));
    if (keys.length < 2 && !(data.search && keys.length >= 1)) return;
    const metric = data.compare;
    const runs = data.runs.filter((r) => r.status === 'finished' && r.values[metric] !== undefined &&
      r.values[metric] !== null && visible(r.group));
    const axes = keys.map((key) => axisOf(key, runs.map((r) => r.params[key])));
    axes.push(axisOf(metric, runs.map((r) => r.values[metric])));
    const box = element('figure', { class: 'chart', id: 'parallel' }, null, parent);
    element('figcaption', { class: 'title' }, 'Parallel coordinates: each finished run\'s varied ' +
      'settings and its ' + metric, box);
    legend(box, data.groups.map((_, g) => g));
    const svg = svgElement('svg', { viewBox: '0 0 ' + WIDTH + ' ' + HEIGHT, class: 'plot' }, box);
    const chart = { svg, height: HEIGHT, hits: [] };
    const top = 28, bottom = HEIGHT - 24;
    // Room at both ends for an axis's name and its tick labels, written to its right.
    const left = 80, right = 120;
    const xOf = (i) => left + i * (WIDTH - left - right) / Math.max(1, axes.length - 1);
    const layer = svgElement('g', { class: 'series-layer' }, svg);
    for (const r of runs) {
      const values = keys.map((k) => r.params[k]).concat([r.values[metric]]);
      const points = values.map((v, i) => [xOf(i), bottom - axes[i].position(v) * (bottom - top)]);
      svgElement('path', { d: pathOf(points), class: 'series pc-line' + (r.id === state.selectedRun ? ' selected' : ''),
        stroke: colour(r.group), 'data-run': r.id, 'data-group': r.group }, layer);
      for (const p of points) {
        chart.hits.push({ x: p[0], y: p[1], text: () => runLine(r.id) + '\n' + settingsText(r) +
          '\n' + metric + ' = ' + format(r.values[metric]) });
      }
    }
    axes.forEach((axis, i) => {
      const g = svgElement('g', { class: 'axes' }, svg);
      svgElement('line', { x1: xOf(i), x2: xOf(i), y1: top, y2: bottom, class: 'axis' }, g);
      svgElement('text', { x: xOf(i), y: 14, 'text-anchor': 'middle', class: 'label' }, g).textContent = axis.name;
      for (const [text, at] of axis.labels) {
        svgElement('text', { x: xOf(i) + 4, y: bottom - at * (bottom - top) + 4, class: 'pc-tick' }, g)
          .textContent = text;
      }
    });
    enableHover(chart);
  }
  // An axis from 0 (bottom) to 1 (top): numeric when every value is a number, else categories.
  function axisOf(name, values) {
    const numbers = values.map(Number);
    if (values.every((v) => v !== '-' && v !== '' && isFinite(Number(v)))) {
      const [low, high] = extent(numbers);
      const position = (v) => (Number(v) - low) / (high - low || 1);
      return { name, position, labels: [[format(low), position(low)], [format(high), position(high)]] };
    }
    const categories = [...new Set(values.map(String))].sort();
    const position = (v) => (categories.length === 1 ? 0.5 : categories.indexOf(String(v)) / (categories.length - 1));
    return { name, position, labels: categories.map((c) => [c, position(c)]) };
  }

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
}());
