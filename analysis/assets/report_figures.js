// Part 2 of the page's script (see report_base.js): the figures, each drawn from the data as
// SVG: curves across seeds, final values, D's accuracy, the survival of overpowering onset,
// samples and parallel coordinates.
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

