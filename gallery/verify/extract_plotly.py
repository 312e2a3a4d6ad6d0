"""A Plotly figure's Scene, read off plotly.js's own computed result.

Plotly draws in the browser: plotly.js bins histograms, computes box statistics,
autoranges axes, picks default colours and sizes bubbles. The figure Python ships holds
only the raw data, so the Scene is read from what plotly.js computed, in headless
Chromium: ``gd._fullData`` (defaults applied), ``gd.calcdata`` (bins, quartiles, marker
radii, per-point colours), ``gd._fullLayout`` (autoranges, category orders, domains) and,
for text, legends, treemaps and flows (Sankey, parallel categories: laid out in the
browser), the SVG it drew.

Usage::

    from gallery.verify.extract_plotly import close, extract
    scene = extract(figure)  # a plotly go.Figure (or its dict)
    close()                  # stops the browser (also done at exit)

The browser starts on the first call and is reused, in a thread of its own, so
``extract`` may be called from any thread and leaves the caller's asyncio alone.
"""

from __future__ import annotations

import atexit
import os
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from gallery.chromium import ARGS, CHROMIUM
from gallery.verify.scene import (
    Area,
    Axis,
    Box,
    Control,
    LegendEntry,
    Line,
    Panel,
    Point,
    Rect,
    Scene,
    Text,
    Tile,
    Wedge,
)

MISSING_CHROMIUM = ("Plotly's statistics are computed by plotly.js: verify needs Chromium "
                    "(apt-get install chromium); {path} is missing")
# A figure whose layout gives no size is drawn at plotly.js's own default size (the
# layout.width/height defaults), not at whatever the browser window happens to be.
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
        "<body style='margin:0'><div id='graph' style='width:700px;height:450px'></div>"
        "</body></html>")
LOCAL_SCHEMES = ("about:", "data:", "blob:")

# Installed once per page, after plotly.js: window.__plotlyScene(specJson) draws the
# figure, reads it and purges it. Everything it returns is plain JSON in the Scene's
# shape (field names as in scene.py; `panel` indexes `panels`).
READER_JS = r"""
(() => {
const NUMERIC = (v) => typeof v === 'number' && isFinite(v);
const isArray = (v) => Array.isArray(v) || ArrayBuffer.isView(v);

// --- colours: the canvas parses every CSS colour plotly.js accepts ---------------------
const paint = document.createElement('canvas').getContext('2d');
function rgba(color) {
  if (color === null || color === undefined || color === '' || isArray(color)) return null;
  // An invalid colour leaves fillStyle unchanged: two different sentinels tell.
  paint.fillStyle = '#010203'; paint.fillStyle = String(color); const a = paint.fillStyle;
  paint.fillStyle = '#040506'; paint.fillStyle = String(color); const b = paint.fillStyle;
  if (a !== b) return null;
  if (a[0] === '#') {
    return [parseInt(a.slice(1, 3), 16), parseInt(a.slice(3, 5), 16),
            parseInt(a.slice(5, 7), 16), 1];
  }
  const m = a.match(/rgba?\(([^)]*)\)/);
  if (!m) return null;
  const p = m[1].split(',').map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
const hex2 = (v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
const hex = (c) => c ? '#' + hex2(c[0]) + hex2(c[1]) + hex2(c[2]) : '#000000';

// plotly.js maps numbers to colours by linear RGB interpolation between the scale's stops.
function scaleOf(fl, container, letter) {
  const axis = container.coloraxis ? fl[container.coloraxis] : null;
  const src = axis || container;
  const lo = axis ? (src.cmin ?? src._cmin) : (src[letter + 'min'] ?? src['_' + letter + 'min']);
  const hi = axis ? (src.cmax ?? src._cmax) : (src[letter + 'max'] ?? src['_' + letter + 'max']);
  return {stops: src.colorscale || [], lo, hi, reverse: !!src.reversescale};
}
function scaleColor(value, scale) {
  const stops = scale.stops;
  if (!NUMERIC(value) || !stops.length) return null;
  let f = scale.hi === scale.lo ? 0.5 : (value - scale.lo) / (scale.hi - scale.lo);
  f = Math.max(0, Math.min(1, f));
  if (scale.reverse) f = 1 - f;
  let i = 0;
  while (i < stops.length - 2 && f > stops[i + 1][0]) i++;
  const [f0, c0] = stops[i], [f1, c1] = stops[Math.min(i + 1, stops.length - 1)];
  const a = rgba(c0), b = rgba(c1);
  if (!a || !b) return null;
  const t = f1 > f0 ? (f - f0) / (f1 - f0) : 0;
  return a.map((v, k) => v + (b[k] - v) * t);
}
// The colour of one marker or bar: plotly.js's own colorscale result (mcc), a per-point
// colour (mc), or the trace's single colour.
function markColor(ctx, marker, d) {
  if (d && d.mcc) return rgba(d.mcc);
  if (d && d.mc !== undefined) {
    return NUMERIC(d.mc) ? scaleColor(d.mc, scaleOf(ctx.fl, marker, 'c')) : rgba(d.mc);
  }
  return rgba(marker.color);
}

// --- axes and coordinates --------------------------------------------------------------
const axisOf = (fl, id) => fl[id.charAt(0) + 'axis' + id.slice(1)];
const isCat = (ax) => !!ax && (ax.type === 'category' || ax.type === 'multicategory');
function label(ax, index) {
  const c = (ax._categories || [])[Math.round(index)];
  if (c === undefined || c === null) return null;
  return Array.isArray(c) ? String(c[0]) : String(c);  // multicategory: the outer group
}
// Calc space is data space for linear and log axes, ms for dates, an index for categories.
function coord(ax, v) {
  if (!NUMERIC(v)) return null;
  return isCat(ax) ? label(ax, v) : v;
}
const named = (t) => t.name ? `"${t.name}"` : `number ${t.index}`;
const strip = (text) => String(text ?? '').replace(/<[^>]*>/g, '').trim();
function titleOf(fl, ax, letter) {
  const text = ax.title && ax.title.text;
  const placeholder = fl._dfltTitle && fl._dfltTitle[letter];
  return text && text !== placeholder ? strip(text) : '';
}
function describeAxis(fl, ax, letter) {
  const title = titleOf(fl, ax, letter);
  if (isCat(ax)) {
    const labels = [];
    for (let i = 0; i < (ax._categories || []).length; i++) {
      const l = label(ax, i);
      if (l !== labels[labels.length - 1]) labels.push(l);
    }
    if (ax.range && ax.range[0] > ax.range[1]) labels.reverse();
    return {low: null, high: null, categories: labels, title};
  }
  const ends = (ax.range || []).map((r) => ax.r2c ? ax.r2c(r) : Number(r)).filter(NUMERIC);
  if (ends.length < 2) return {low: null, high: null, categories: [], title};
  return {low: Math.min(...ends), high: Math.max(...ends), categories: [], title};
}

// A facet's title is an annotation over its subplot (px: "island=Biscoe"), or to its
// right and turned 90 degrees (px facet rows); the nearest one on each side counts.
function facetTitle(fl, xd, yd) {
  let above = null, right = null;
  for (const a of fl.annotations || []) {
    if (a.visible === false || a.xref !== 'paper' || a.yref !== 'paper' || !a.text) continue;
    const turned = Math.abs(Math.abs(a.textangle || 0) - 90) < 1;
    const eps = 1e-6;
    if (!turned && a.x >= xd[0] - eps && a.x <= xd[1] + eps && a.y >= yd[1] - 0.01) {
      if (!above || a.y < above.y) above = a;
    } else if (turned && a.y >= yd[0] - eps && a.y <= yd[1] + eps && a.x >= xd[1] - 0.01) {
      if (!right || a.x < right.x) right = a;
    }
  }
  return [above, right].filter(Boolean).map((a) => strip(a.text)).join(', ');
}

// A polar subplot's panel: x holds the angular axis' tick labels as drawn (a radar's
// spoke names), y the radial axis' range (its data values at the centre and the rim).
const polarOf = (fl, t) => t.subplot && String(t.subplot).startsWith('polar') &&
  fl[t.subplot] && fl[t.subplot]._subplot;
function describePolar(fl, trace) {
  const sp = polarOf(fl, trace), ra = sp.radialAxis, s = fl._size, d = fl[trace.subplot].domain;
  const frame = fl._polarlayer.node().querySelector(`:scope > g.${trace.subplot}`);
  const ticks = frame ? [...frame.querySelectorAll('.angular-axis .angularaxistick text')] : [];
  const ends = (ra.range || []).map((r) => ra.r2l(r)).filter(NUMERIC);
  return {title: '',
          x: {low: null, high: null, categories: ticks.map((n) => strip(n.textContent)),
              title: ''},
          y: {low: ends.length ? Math.min(...ends) : null,
              high: ends.length ? Math.max(...ends) : null, categories: [],
              title: strip(ra.title && ra.title.text)},
          left: s.l + d.x[0] * s.w, top: s.t + (1 - d.y[1]) * s.h};
}

function describePanel(fl, trace) {
  if (polarOf(fl, trace)) return describePolar(fl, trace);
  if (trace.xaxis && trace.yaxis) {
    const xa = axisOf(fl, trace.xaxis), ya = axisOf(fl, trace.yaxis);
    if (!xa || !ya) return null;
    return {title: facetTitle(fl, xa.domain, ya.domain), x: describeAxis(fl, xa, 'x'),
            y: describeAxis(fl, ya, 'y'), left: xa._offset || 0, top: ya._offset || 0};
  }
  const scene = trace.scene && fl[trace.scene];
  if (!scene) return null;
  const s = fl._size, d = scene.domain;
  return {title: '', x: describeAxis(fl, scene.xaxis, 'x'), y: describeAxis(fl, scene.yaxis, 'y'),
          left: s.l + d.x[0] * s.w, top: s.t + (1 - d.y[1]) * s.h};
}
const panelKey = (t) => t.xaxis && t.yaxis ? t.xaxis + t.yaxis
  : (t.scene || (String(t.subplot || '').startsWith('polar') ? t.subplot : null));

// --- marks, one reader per trace type ---------------------------------------------------
function splitLines(ctx, pts, color, alpha, panel, connect) {
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      ctx.out.lines.push({xs: run.map((p) => p[0]), ys: run.map((p) => p[1]),
                          zs: run[0].length > 2 ? run.map((p) => p[2]) : [],
                          color: hex(color), alpha: alpha * (color ? color[3] : 1), panel});
    }
    run = [];
  };
  for (const p of pts) {
    if (p.some((v) => v === null)) { if (!connect) flush(); } else run.push(p);
  }
  flush();
}

function pushFill(ctx, trace, vis, panel, outline) {
  if (!trace.fill || trace.fill === 'none') return;
  const c = rgba(trace.fillcolor);
  // plotly.js leaves `opacity` unset on scatter traces without markers: read as 1.
  const op = vis * (trace.opacity ?? 1);
  ctx.out.areas.push(Object.assign({color: hex(c), alpha: op * (c ? c[3] : 1),
                                    panel}, outline || {}));
}

// A band of a stackgroup: plotly.js stacks a group's traces in trace order, each point's
// calcdata value being the running total (normalised by groupnorm, gaps filled by
// stackgaps). The band runs from the total of the group's previous trace at each
// position (0 under the first) up to its own: the outline is its top edge, then its
// bottom edge backwards.
function stackOutline(ctx, trace, cd) {
  if (!trace.stackgroup) return null;
  const horizontal = trace.orientation === 'h';
  const pos = horizontal ? 'y' : 'x', val = horizontal ? 'x' : 'y';
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const pa = horizontal ? ya : xa, va = horizontal ? xa : ya;
  const below = new Map(), data = ctx.gd._fullData;
  for (let i = data.indexOf(trace) - 1; i >= 0; i--) {
    const t = data[i];
    if (t.visible !== true || t.type !== 'scatter' || t.stackgroup !== trace.stackgroup ||
        t.xaxis !== trace.xaxis || t.yaxis !== trace.yaxis) continue;
    for (const d of ctx.gd.calcdata[i] || []) {
      if (NUMERIC(d[pos]) && NUMERIC(d[val])) below.set(d[pos], d[val]);
    }
    break;
  }
  const kept = cd.filter((d) => NUMERIC(d[pos]) && NUMERIC(d[val]));
  const ps = kept.map((d) => coord(pa, d[pos]));
  const tops = kept.map((d) => coord(va, d[val]));
  const bottoms = kept.map((d) => coord(va, below.get(d[pos]) ?? 0));
  const p = ps.concat(ps.slice().reverse()), v = tops.concat(bottoms.reverse());
  return horizontal ? {xs: v, ys: p} : {xs: p, ys: v};
}

function readScatter(ctx, trace, cd, vis) {
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const panel = ctx.panelOf(trace), mode = trace.mode || '', m = trace.marker || {};
  const op = vis * (trace.opacity ?? 1);
  if (mode.includes('markers')) {
    for (const d of cd) {
      const x = coord(xa, d.x), y = coord(ya, d.y);
      if (x === null || y === null) continue;
      const c = markColor(ctx, m, d);
      const mo = d.mo !== undefined ? d.mo : m.opacity;
      const size = NUMERIC(d.mrc) ? 2 * d.mrc : (NUMERIC(m.size) ? m.size : null);
      ctx.out.points.push({x, y, color: hex(c), alpha: op * mo * (c ? c[3] : 1), size, panel});
    }
  }
  if (mode.includes('lines')) {
    splitLines(ctx, cd.map((d) => [coord(xa, d.x), coord(ya, d.y)]), rgba(trace.line.color),
               op, panel, trace.connectgaps);
  }
  pushFill(ctx, trace, vis, panel, stackOutline(ctx, trace, cd));
}

// A polar scatter in the radar frame: x rightwards, y upwards, the centre at (0, 0). As
// plotly.js draws it, angularAxis.c2g turns a theta (radians, or a category's index: its
// place among the categories, evenly round the circle) into the drawn angle, rotation and
// direction applied, counted anticlockwise from 3 o'clock; radialAxis.c2g turns r into
// r - radialaxis.range[0] (plus the hole, if any). So (g cos, g sin) is (r - r0) times
// (sin t, cos t) for t clockwise from 12 o'clock. A fill "toself" is the polygon of the
// points, closed back to the first.
function readScatterPolar(ctx, trace, cd, vis) {
  const sp = polarOf(ctx.fl, trace);
  if (!sp) { ctx.notes.push(`polar trace ${named(trace)} has no polar subplot`); return; }
  const ra = sp.radialAxis, aa = sp.angularAxis, panel = ctx.panelOf(trace);
  const mode = trace.mode || '', m = trace.marker || {}, op = vis * (trace.opacity ?? 1);
  const pts = cd.map((d) => {
    if (!NUMERIC(d.r) || !NUMERIC(d.theta)) return [null, null];
    const g = ra.c2g(d.r), angle = aa.c2g(d.theta);
    return NUMERIC(g) && NUMERIC(angle) ? [g * Math.cos(angle), g * Math.sin(angle)]
                                         : [null, null];
  });
  if (mode.includes('markers')) {
    cd.forEach((d, i) => {
      const [x, y] = pts[i];
      if (x === null) return;
      const c = markColor(ctx, m, d), mo = d.mo !== undefined ? d.mo : m.opacity;
      const size = NUMERIC(d.mrc) ? 2 * d.mrc : (NUMERIC(m.size) ? m.size : null);
      ctx.out.points.push({x, y, color: hex(c), alpha: op * mo * (c ? c[3] : 1), size, panel});
    });
  }
  if (mode.includes('lines')) {
    splitLines(ctx, pts, rgba(trace.line.color), op, panel, trace.connectgaps);
  }
  if (trace.fill === 'tonext') {
    ctx.notes.push(`the fill of polar trace ${named(trace)} (tonext) is read without outline`);
  }
  const kept = pts.filter((p) => p[0] !== null);
  pushFill(ctx, trace, vis, panel, trace.fill === 'toself'
    ? {xs: kept.map((p) => p[0]), ys: kept.map((p) => p[1])} : null);
}

// WebGL scatter keeps no per-point calcdata: positions are in cd[0].t and the colours and
// sizes plotly.js computed are the options it handed to regl.
function glColor(options, i, key) {
  let c;
  const many = options[key + 's'], one = options[key];
  if (many) c = many[i] || many[0];
  else if (one && one.length > 4) c = one.slice(4 * i, 4 * i + 4);
  else c = one;
  if (!c || typeof c === 'string') return c ? rgba(c) : null;
  const bytes = c instanceof Uint8Array || Math.max(c[0], c[1], c[2], c[3]) > 1;
  return bytes ? [c[0], c[1], c[2], c[3] / 255] : [c[0] * 255, c[1] * 255, c[2] * 255, c[3]];
}
function readScatterGl(ctx, trace, cd, vis) {
  const t = cd[0] && cd[0].t;
  const plot = ctx.fl._plots[trace.xaxis + trace.yaxis];
  const scene = plot && plot._scene;
  if (!t || !t.x || !scene) { ctx.notes.push(`WebGL trace ${named(trace)} had no data`); return; }
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const panel = ctx.panelOf(trace), mode = trace.mode || '';
  const mo = scene.markerOptions && scene.markerOptions[t.index];
  if (mode.includes('markers') && mo) {
    for (let i = 0; i < t.x.length; i++) {
      const x = coord(xa, t.x[i]), y = coord(ya, t.y[i]);
      if (x === null || y === null) continue;
      let c = glColor(mo, i, 'color');
      if (c && c[3] === 0) c = glColor(mo, i, 'borderColor') || c;  // an open symbol
      const size = mo.sizes ? mo.sizes[i] : mo.size;  // regl's size: the diameter in px
      // regl's opacity is already trace opacity times marker opacity.
      ctx.out.points.push({x, y, color: hex(c), alpha: vis * mo.opacity * (c ? c[3] : 1),
                           size: NUMERIC(size) ? size : null, panel});
    }
  }
  if (mode.includes('lines')) {
    const pts = Array.from(t.x, (v, i) => [coord(xa, v), coord(ya, t.y[i])]);
    splitLines(ctx, pts, rgba(trace.line.color), vis * trace.opacity, panel, trace.connectgaps);
  }
  pushFill(ctx, trace, vis, panel);
}

// gl3d sizes a marker as 4 * marker.size, a bubble as bubbleSize(4 * v) (plotly.js's
// makeBubbleSizeFn); dividing by 4 puts both on marker.size's scale.
function bubble3d(m, v) {
  if (!NUMERIC(v)) return null;
  const ref = m.sizeref || 1, s = 4 * v / 2;
  const r = m.sizemode === 'area' ? Math.sqrt(s / ref) : s / ref;
  return r > 0 ? Math.max(r, m.sizemin || 0) / 4 : 0;
}
function coord3(ax, v) {
  if (v === null || v === undefined) return null;
  if (isCat(ax)) return String(v);
  const c = ax.d2c ? ax.d2c(v) : Number(v);
  return NUMERIC(c) ? c : null;
}
function readScatter3d(ctx, trace, cd, vis) {
  const scene = ctx.fl[trace.scene], panel = ctx.panelOf(trace), m = trace.marker || {};
  const n = trace._length || 0, mode = trace.mode || '', op = vis * trace.opacity;
  const pts = [];
  for (let i = 0; i < n; i++) {
    pts.push([coord3(scene.xaxis, trace.x[i]), coord3(scene.yaxis, trace.y[i]),
              coord3(scene.zaxis, trace.z[i])]);
  }
  if (mode.includes('markers')) {
    const scale = scaleOf(ctx.fl, m, 'c');
    pts.forEach(([x, y, z], i) => {
      if (x === null || y === null || z === null) return;
      const raw = isArray(m.color) ? m.color[i] : m.color;
      const c = NUMERIC(raw) ? scaleColor(raw, scale) : rgba(raw);
      const size = isArray(m.size) ? bubble3d(m, m.size[i]) : m.size;
      ctx.out.points.push({x, y, z, color: hex(c), alpha: op * m.opacity * (c ? c[3] : 1),
                           size: NUMERIC(size) ? size : null, panel});
    });
  }
  if (mode.includes('lines')) {
    splitLines(ctx, pts, rgba(trace.line.color), op, panel, trace.connectgaps);
  }
}

// A histogram's bins are as wide as its bin size (shared by its bingroup); a bar's drawn
// edges (p0, p1) would leave out the bar gap.
function binSize(ctx, trace) {
  if (trace.type !== 'histogram') return null;
  const letter = trace.orientation === 'h' ? 'y' : 'x';
  const group = trace['_' + letter + 'bingroup'];
  const peers = ctx.gd._fullData.filter((t) => t === trace ||
    (group && t.type === 'histogram' && t['_' + letter + 'bingroup'] === group));
  for (const t of peers) {
    const bins = t[letter + 'bins'];
    if (bins && NUMERIC(bins.size)) return bins.size;
  }
  return null;
}
function readBars(ctx, trace, cd, vis) {
  const horizontal = trace.orientation === 'h';
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const pa = horizontal ? ya : xa, sa = horizontal ? xa : ya;
  const size = binSize(ctx, trace), panel = ctx.panelOf(trace), m = trace.marker || {};
  if (trace.type === 'histogram' && size === null && !isCat(pa)) {
    ctx.notes.push(`histogram ${named(trace)} has bins of varying width (dates): its ` +
                   'edges are the drawn bars\' edges');
  }
  for (const d of cd) {
    if (!NUMERIC(d.s) || (trace.type === 'histogram' && d.s === 0)) continue;
    let p0, p1, order = 0;
    if (isCat(pa)) {
      p0 = p1 = label(pa, d.p);
      order = (d.p0 + d.p1) / 2 - d.p;  // the offset of a dodged bar inside its group
    } else if (size !== null) {
      p0 = d.p - size / 2; p1 = d.p + size / 2;
    } else {
      p0 = coord(pa, d.p0); p1 = coord(pa, d.p1);
    }
    const base = NUMERIC(d.b) ? d.b : 0;
    const v0 = coord(sa, base), v1 = coord(sa, base + d.s);
    const c = markColor(ctx, m, d);
    const mo = d.mo !== undefined ? d.mo : (m.opacity ?? 1);
    const rect = horizontal ? {x0: v0, x1: v1, y0: p0, y1: p1} : {x0: p0, x1: p1, y0: v0, y1: v1};
    ctx.out.rects.push(Object.assign(rect, {color: hex(c), order, panel, value: null,
      alpha: vis * trace.opacity * mo * (c ? c[3] : 1)}));
  }
}

function readBoxes(ctx, trace, cd, vis) {
  if (!vis) {
    ctx.notes.push(`box trace ${named(trace)} is hidden: its boxes are left out`);
    return;
  }
  const horizontal = trace.orientation === 'h';
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const pa = horizontal ? ya : xa, va = horizontal ? xa : ya;
  const panel = ctx.panelOf(trace), m = trace.marker || {};
  const fill = rgba(trace.fillcolor), edge = rgba(trace.line.color);
  const color = hex(fill && fill[3] > 0 ? fill : edge);
  // px.strip draws box traces with invisible boxes: only their points are seen.
  const drawsBox = (fill && fill[3] > 0) || (edge && edge[3] > 0 && trace.line.width > 0);
  const marker = rgba(m.color), shows = trace.boxpoints;
  for (const d of cd) {
    const at = isCat(pa) ? label(pa, d.pos) : String(coord(pa, d.pos));
    const v = (x) => coord(va, x);
    const outside = (d.pts || []).filter((p) => p.v < d.lf || p.v > d.uf).map((p) => v(p.v));
    if (drawsBox) {
      ctx.out.boxes.push({category: at, q1: v(d.q1), median: v(d.med), q3: v(d.q3),
                          low: v(d.lf), high: v(d.uf), color,
                          outliers: shows ? outside.sort((a, b) => a - b) : [], panel});
    }
    const drawn = shows === 'all' ? (d.pts || []).map((p) => v(p.v)) : (shows ? outside : []);
    const pos = coord(pa, d.pos);
    for (const value of drawn) {
      ctx.out.points.push({x: horizontal ? value : pos, y: horizontal ? pos : value,
                           color: hex(marker), panel, size: NUMERIC(m.size) ? m.size : null,
                           alpha: trace.opacity * (m.opacity ?? 1) * (marker ? marker[3] : 1)});
    }
  }
}

// A violin is plotly.js's own kernel density (d.density: {t: value, v: density} over
// the span its spanmode gives, from its bandwidth), mirrored about the position: an Area
// whose outline runs up one side and down the other. At the widest point the violin is
// t.bdPos wide on each side (d.posDensityScale is the largest density, scalemode
// applied). On a category axis a position is a number too: the category's place among
// the axis' categories as drawn (Panel's, bottom up or left to right) plus the drawn
// width in the same units, so a one-sided violin (a ridge) has a numeric baseline. A
// violin with a transparent fill is its outline only: a Line.
function catPlace(ax, v) {
  const n = (ax._categories || []).length;
  return ax.type === 'category' && ax.range && ax.range[0] > ax.range[1] ? n - 1 - v : v;
}
function readViolins(ctx, trace, cd, vis) {
  const horizontal = trace.orientation === 'h';
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const pa = horizontal ? ya : xa, va = horizontal ? xa : ya;
  const panel = ctx.panelOf(trace), m = trace.marker || {};
  const fill = rgba(trace.fillcolor), edge = rgba(trace.line.color);
  const c = fill && fill[3] > 0 ? fill : edge;
  const alpha = vis * trace.opacity * (c ? c[3] : 1);
  for (const d of cd) {
    const density = d.density || [], t = d.t || cd[0].t || {};
    if (density.length < 2) continue;
    const vs = density.map((k) => coord(va, k.t));
    let ps = [];
    if (NUMERIC(d.posDensityScale) && d.posDensityScale > 0) {
      const center = d.pos + (t.bPos || 0);
      const place = isCat(pa) ? (v) => catPlace(pa, v) : (v) => coord(pa, v);
      const side = (sign) => density.map((k) => place(center + sign * t.bdPos * k.v /
                                                      d.posDensityScale));
      const up = trace.side === 'negative' ? side(0) : side(1);
      const down = trace.side === 'positive' ? side(0) : side(-1);
      ps = up.concat(down.reverse());
    }
    const vals = vs.concat(vs.slice().reverse());
    const outline = horizontal ? {xs: vals, ys: ps} : {xs: ps, ys: vals};
    if (!ps.length) outline[horizontal ? 'ys' : 'xs'] = [];
    if (c !== fill && ps.length) {  // a transparent fill: only the outline is drawn
      ctx.out.lines.push(Object.assign({color: hex(c), alpha, panel, zs: []}, outline));
    } else {
      ctx.out.areas.push(Object.assign({color: hex(c), alpha, panel}, outline));
    }
    // Its points, at their position (jitter left out): all, or those past the fences.
    const shows = trace.points;
    const pts = (d.pts || []).filter((q) => shows === 'all' ||
                                       (shows && (q.v < d.lf || q.v > d.uf)));
    const at = coord(pa, d.pos), marker = rgba(m.color);
    for (const q of pts) {
      const value = coord(va, q.v);
      ctx.out.points.push({x: horizontal ? value : at, y: horizontal ? at : value,
                           color: hex(marker), panel, size: NUMERIC(m.size) ? m.size : null,
                           alpha: vis * trace.opacity * (m.opacity ?? 1) *
                             (marker ? marker[3] : 1)});
    }
  }
  if (trace.box && trace.box.visible) {
    ctx.notes.push(`the box inside violin ${named(trace)} is not read`);
  }
}

// A pie's slices where plotly.js put them: d.startangle and d.stopangle are radians
// clockwise from 12 o'clock (rotation included) whichever the direction; sort, hidden
// slices and colours (marker.colors, piecolorway) are already applied.
function readPie(ctx, trace, cd, vis) {
  const panel = ctx.panelOf(trace), turn = 2 * Math.PI;
  for (const d of cd) {
    if (d.hidden || !NUMERIC(d.startangle) || !NUMERIC(d.stopangle)) continue;
    let start = Math.min(d.startangle, d.stopangle) / turn;
    const size = Math.abs(d.stopangle - d.startangle) / turn;
    start -= Math.floor(start + 1e-9);
    const c = rgba(d.color);
    ctx.out.wedges.push({start, end: start + size, color: hex(c), panel,
                         alpha: vis * trace.opacity * (c ? c[3] : 1)});
  }
}

// A treemap is laid out by plotly.js in the browser (squarified, padded, headers on its
// blocks), so it is read off the SVG it drew: one Rect per drawn slice (the root, each
// block, each tile: a block is drawn under its tiles) and one Text per slice label, both
// in SVG pixels from the top left of the figure (y down). A slice's alpha is its fill's
// opacity times the opacities above it (a transparent root reads as 0).
function readTreemap(ctx, trace, cd, vis) {
  const gd = ctx.gd, origin = gd.getBoundingClientRect(), panel = ctx.panelOf(trace);
  const group = [...gd.querySelectorAll('g.trace')].find((g) => {
    const d = g.__data__, first = Array.isArray(d) ? d[0] : null;
    return d === cd || (first && first.trace && first.trace.uid === trace.uid);
  });
  if (!group) { ctx.notes.push(`treemap ${named(trace)} drew no slices`); return; }
  const box = (node) => {
    const r = node.getBoundingClientRect();
    return [r.left - origin.left, r.right - origin.left, r.top - origin.top,
            r.bottom - origin.top];
  };
  for (const slice of group.querySelectorAll('g.slice')) {
    if (slice.closest('g.pathbar')) continue;  // the breadcrumbs above, not a slice
    const path = slice.querySelector('path.surface');
    if (!path || !path.getAttribute('d')) continue;  // a slice of no size is not drawn
    const [x0, x1, y0, y1] = box(path);
    if (!(x1 > x0 && y1 > y0)) continue;
    const c = rgba(path.style.fill);
    let alpha = vis * Number(getComputedStyle(path).fillOpacity) * (c ? c[3] : 1);
    for (let n = path; n && n !== gd; n = n.parentElement) {
      alpha *= Math.min(1, Number(getComputedStyle(n).opacity));
    }
    ctx.out.rects.push({x0, x1, y0, y1, color: hex(c), alpha, order: 0, panel, value: null});
    if (!vis) continue;  // a hidden trace's labels are not seen
    const text = slice.querySelector('g.slicetext text');
    const lines = text ? [...text.querySelectorAll('tspan.line')].map((t) => t.textContent) : [];
    const said = (lines.length ? lines.join('\n') : (text ? text.textContent : '')).trim();
    if (!said || !text.getClientRects().length || getComputedStyle(text).display === 'none') {
      continue;
    }
    const [tx0, tx1, ty0, ty1] = box(text);
    ctx.out.texts.push({x: (tx0 + tx1) / 2, y: (ty0 + ty1) / 2, text: said, panel});
  }
}

// Flows, laid out by plotly.js in the browser, are read off the SVG it drew, like
// treemaps: in SVG pixels from the top left of the figure (y down), every element mapped
// through its groups' transforms (getScreenCTM). Nodes are Rects, links Areas whose
// outline is sampled every 2 px along the drawn path (both ends included), labels Texts.
function flowFrame(ctx, trace, selector) {
  const gd = ctx.gd, origin = gd.getBoundingClientRect();
  const group = [...gd.querySelectorAll(selector)].find((g) => g.__data__ &&
                                                         g.__data__.trace === trace);
  const at = (node, x, y) => {
    const m = node.getScreenCTM();
    return [m.a * x + m.c * y + m.e - origin.left, m.b * x + m.d * y + m.f - origin.top];
  };
  // A fill as seen: its colour, its fill-opacity times the opacities above it.
  const seen = (node, paint) => {
    const style = getComputedStyle(node), c = rgba(style[paint]);
    let alpha = Number(style[paint === 'fill' ? 'fillOpacity' : 'strokeOpacity']) *
      (c ? c[3] : 0);
    for (let n = node; n && n !== gd; n = n.parentElement) {
      alpha *= Math.min(1, Number(getComputedStyle(n).opacity));
    }
    return {color: hex(c), alpha};
  };
  const rect = (node) => {
    const b = node.getBBox(), [x0, y0] = at(node, b.x, b.y);
    const [x1, y1] = at(node, b.x + b.width, b.y + b.height);
    return {x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: Math.min(y0, y1),
            y1: Math.max(y0, y1)};
  };
  const outline = (node) => {
    const length = node.getTotalLength(), steps = Math.max(1, Math.ceil(length / 2));
    const xs = [], ys = [];
    for (let i = 0; i <= steps; i++) {
      const p = node.getPointAtLength(length * i / steps), [x, y] = at(node, p.x, p.y);
      xs.push(x); ys.push(y);
    }
    return {xs, ys};
  };
  const text = (node) => {
    const said = strip(node.textContent);
    if (!said || !node.getClientRects().length || getComputedStyle(node).display === 'none') {
      return null;
    }
    const r = node.getBoundingClientRect();
    return {x: (r.left + r.right) / 2 - origin.left, y: (r.top + r.bottom) / 2 - origin.top,
            text: said};
  };
  return {group, seen, rect, outline, text, panel: ctx.panelOf(trace)};
}

// A Sankey: each node a rect (g.sankey-node), each link a filled path between two nodes.
function readSankey(ctx, trace, cd, vis) {
  const f = flowFrame(ctx, trace, 'g.sankey');
  if (!f.group) { ctx.notes.push(`sankey ${named(trace)} drew no nodes`); return; }
  for (const node of f.group.querySelectorAll('.sankey-node rect.node-rect')) {
    const paint = f.seen(node, 'fill');
    ctx.out.rects.push(Object.assign(f.rect(node), paint, {alpha: vis * paint.alpha, order: 0,
                                                           panel: f.panel, value: null}));
  }
  for (const link of f.group.querySelectorAll('path.sankey-link')) {
    if (!link.getAttribute('d')) continue;
    const paint = f.seen(link, 'fill');
    ctx.out.areas.push(Object.assign(f.outline(link), paint, {alpha: vis * paint.alpha,
                                                              panel: f.panel}));
  }
  if (!vis) return;
  for (const label of f.group.querySelectorAll('.sankey-node text.node-label')) {
    const t = f.text(label);
    if (t) ctx.out.texts.push(Object.assign(t, {panel: f.panel}));
  }
}

// The part of an outline between x = lo and x = hi, in order, its crossings added.
function clipOutline(xs, ys, lo, hi) {
  const out = {xs: [], ys: []};
  for (let k = 0; k < xs.length; k++) {
    for (const edge of k ? [lo, hi] : []) {
      const a = xs[k - 1] - edge, b = xs[k] - edge;
      if (a * b < 0) {
        out.xs.push(edge); out.ys.push(ys[k - 1] + a / (a - b) * (ys[k] - ys[k - 1]));
      }
    }
    if (xs[k] >= lo && xs[k] <= hi) { out.xs.push(xs[k]); out.ys.push(ys[k]); }
  }
  return out;
}
// Parallel categories: each category a box (rect.catrect, drawn by its outline and filled
// by bands of the colours passing through it: the bands are part of it, not read), each
// dimension a column of them. A ribbon is one path through every dimension, hidden by
// the bands where it crosses a column: what is seen of it is one Area per gap between
// neighbouring columns, its outline cut at the columns' edges.
function readParcats(ctx, trace, cd, vis) {
  const f = flowFrame(ctx, trace, 'g.parcats');
  if (!f.group) { ctx.notes.push(`parcats ${named(trace)} drew no categories`); return; }
  const columns = new Map();
  for (const box of f.group.querySelectorAll('g.dimension rect.catrect')) {
    const fill = f.seen(box, 'fill'), paint = fill.alpha > 0 ? fill : f.seen(box, 'stroke');
    const r = f.rect(box), dim = box.closest('g.dimension');
    ctx.out.rects.push(Object.assign(r, paint, {alpha: vis * paint.alpha, order: 0,
                                                panel: f.panel, value: null}));
    const span = columns.get(dim) || [Infinity, -Infinity];
    columns.set(dim, [Math.min(span[0], r.x0), Math.max(span[1], r.x1)]);
  }
  const spans = [...columns.values()].sort((a, b) => a[0] - b[0]);
  for (const ribbon of f.group.querySelectorAll('g.paths path.path')) {
    if (!ribbon.getAttribute('d')) continue;
    const paint = f.seen(ribbon, 'fill'), {xs, ys} = f.outline(ribbon);
    for (let i = 0; i + 1 < spans.length; i++) {
      const part = clipOutline(xs, ys, spans[i][1], spans[i + 1][0]);
      if (part.xs.length < 4) continue;
      ctx.out.areas.push(Object.assign(part, paint, {alpha: vis * paint.alpha,
                                                     panel: f.panel}));
    }
  }
  if (!vis) return;
  for (const label of f.group.querySelectorAll('g.dimension text.catlabel, ' +
                                                 'g.dimension text.dimlabel')) {
    const t = f.text(label);
    if (t) ctx.out.texts.push(Object.assign(t, {panel: f.panel}));
  }
}

// A choropleth is projected by plotly.js in the browser: one Area per location it drew
// (path.choroplethlocation; a location the GeoJSON lacks gets an empty path), in the
// colour it painted, its fill-opacity times the opacities above it. No outline is read.
function readChoropleth(ctx, trace, cd, vis) {
  const gd = ctx.gd, panel = ctx.panelOf(trace);
  const group = [...gd.querySelectorAll('g.trace.choropleth')].find((g) => g.__data__ === cd);
  if (!group) { ctx.notes.push(`choropleth ${named(trace)} drew no locations`); return; }
  for (const path of group.querySelectorAll('path.choroplethlocation')) {
    if (!path.getAttribute('d') || !path.getClientRects().length) continue;
    const style = getComputedStyle(path), c = rgba(style.fill);
    let alpha = vis * Number(style.fillOpacity) * (c ? c[3] : 0);
    for (let n = path; n && n !== gd; n = n.parentElement) {
      alpha *= Math.min(1, Number(getComputedStyle(n).opacity));
    }
    ctx.out.areas.push({color: hex(c), alpha, panel});
  }
}

// One Rect per z cell; cd[0].x and .y are the cells' edges in calc space.
function cellEdges(ax, edges, j) {
  if (isCat(ax)) { const l = label(ax, (edges[j] + edges[j + 1]) / 2); return [l, l]; }
  return [coord(ax, edges[j]), coord(ax, edges[j + 1])];
}
function readHeatmap(ctx, trace, cd, vis) {
  const c0 = cd[0];
  if (!c0 || !c0.z) return;
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const scale = scaleOf(ctx.fl, trace, 'z'), panel = ctx.panelOf(trace);
  for (let i = 0; i < c0.z.length; i++) {
    for (let j = 0; j < (c0.z[i] || []).length; j++) {
      const value = c0.z[i][j];
      if (!NUMERIC(value) || j + 1 >= c0.x.length || i + 1 >= c0.y.length) continue;
      const [x0, x1] = cellEdges(xa, c0.x, j), [y0, y1] = cellEdges(ya, c0.y, i);
      const c = scaleColor(value, scale);
      ctx.out.rects.push({x0, x1, y0, y1, color: hex(c), order: 0, panel, value,
                          alpha: vis * trace.opacity * (c ? c[3] : 1)});
    }
  }
}

// A 2D histogram: plotly.js bins the rows (calcdata z, between the edges cd[0].x and .y)
// and paints them as one image, through the colour scale; a bin the scale leaves
// transparent (an empty one, as the example asks) is not drawn. Each bin's colour is the
// image's pixel at the middle of the bin's visible part: a Tile if it is not transparent.
async function imagePixels(node) {
  const image = new Image();
  image.src = node.getAttribute('href') || node.getAttribute('xlink:href');
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth; canvas.height = image.naturalHeight;
  const paint2d = canvas.getContext('2d');
  paint2d.drawImage(image, 0, 0);
  const data = paint2d.getImageData(0, 0, canvas.width, canvas.height).data;
  const box = ['x', 'y', 'width', 'height'].map((k) => Number(node.getAttribute(k)));
  const sx = canvas.width / box[2], sy = canvas.height / box[3];
  return (px, py) => {  // px, py: pixels in the subplot
    const i = Math.floor((px - box[0]) * sx), j = Math.floor((py - box[1]) * sy);
    if (i < 0 || j < 0 || i >= canvas.width || j >= canvas.height) return null;
    const k = 4 * (j * canvas.width + i);
    return [data[k], data[k + 1], data[k + 2], data[k + 3] / 255];
  };
}
const middle = (ax, e0, e1) => {  // the pixel in the middle of [e0, e1] left visible
  const [a, b] = [ax.c2p(e0), ax.c2p(e1)].map((p) => Math.max(0, Math.min(ax._length, p)));
  return Math.abs(b - a) < 1 ? null : (a + b) / 2;
};
async function readTiles(ctx, trace, cd, vis) {
  const c0 = cd[0], node = c0 && c0.node3 && c0.node3.select('image').node();
  if (!c0 || !c0.z || !node) return;  // off screen: no image drawn
  const pixel = await imagePixels(node);
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const panel = ctx.panelOf(trace);
  if (trace.zsmooth) ctx.notes.push(`2D histogram ${named(trace)} is smoothed: bins blend`);
  for (let i = 0; i < c0.z.length; i++) {
    for (let j = 0; j < (c0.z[i] || []).length; j++) {
      const count = c0.z[i][j];
      if (!NUMERIC(count) || j + 1 >= c0.x.length || i + 1 >= c0.y.length) continue;
      const px = middle(xa, c0.x[j], c0.x[j + 1]), py = middle(ya, c0.y[i], c0.y[i + 1]);
      const c = px === null || py === null ? null : pixel(px, py);
      if (!c || c[3] === 0) continue;  // not drawn
      ctx.out.tiles.push({x: coord(xa, (c0.x[j] + c0.x[j + 1]) / 2),
                          y: coord(ya, (c0.y[i] + c0.y[i + 1]) / 2), count, color: hex(c),
                          alpha: vis * trace.opacity * c[3], panel});
    }
  }
}

// A scatter-plot matrix draws dimension i against dimension j in the subplot of i's x
// axis and j's y axis (trace._diag[i] = [x axis, y axis], null where that half is off).
// Its first two dimensions are read as the first view and its next two as the second
// (the linked kind's x/y and x2/y2); the other pairs it draws are panels after those.
function splomPairs(ctx, trace) {
  const pairs = [], diag = trace._diag || [];
  for (let i = 0; i < diag.length; i++) {
    for (let j = 0; j < diag.length; j++) {
      const xa = diag[i] && diag[i][0], ya = diag[j] && diag[j][1];
      const shown = i === j ? trace.diagonal.visible : (i < j ? trace.showlowerhalf
                                                              : trace.showupperhalf);
      if (!xa || !ya || !shown || !ctx.fl._plots[xa + ya]) continue;
      if (trace.dimensions[i].visible === false || trace.dimensions[j].visible === false) continue;
      pairs.push({i, j, xaxis: xa, yaxis: ya, view: i % 2 === 0 && j === i + 1 ? i / 2 : null});
    }
  }
  return pairs;
}
function readSplom(ctx, trace, cd, vis) {
  const m = trace.marker || {}, scale = scaleOf(ctx.fl, m, 'c');
  for (const pair of splomPairs(ctx, trace)) {
    const xa = axisOf(ctx.fl, pair.xaxis), ya = axisOf(ctx.fl, pair.yaxis);
    const xs = trace.dimensions[pair.i].values, ys = trace.dimensions[pair.j].values;
    const panel = ctx.panelOf(pair);
    for (let k = 0; k < Math.min(xs.length, ys.length); k++) {
      const x = coord(xa, xa.d2c(xs[k])), y = coord(ya, ya.d2c(ys[k]));
      if (x === null || y === null) continue;
      const raw = isArray(m.color) ? m.color[k] : m.color;
      const c = NUMERIC(raw) ? scaleColor(raw, scale) : rgba(raw);
      const mo = isArray(m.opacity) ? m.opacity[k] : m.opacity;
      const size = isArray(m.size) ? m.size[k] : m.size;
      ctx.out.points.push({x, y, color: hex(c), alpha: vis * trace.opacity * mo * (c ? c[3] : 1),
                           size: NUMERIC(size) ? size : null, panel});
    }
  }
}

// Parallel coordinates draw with WebGL, one polyline per row: a Line whose xs are the
// visible dimensions' labels, left to right, and whose ys are the row's values as
// fractions of each axis (its `range`, by default the values' extent: 0 at the bottom, 1
// at the top). Its colour is line.color, numbers mapped through the line's colorscale.
function readParcoords(ctx, trace, cd, vis) {
  const dims = (trace.dimensions || []).filter((d) => d.visible !== false && isArray(d.values));
  const n = Math.min(trace._length ?? Infinity, ...dims.map((d) => d.values.length));
  if (!dims.length || !NUMERIC(n)) return;
  const spans = dims.map((d) => {
    const vals = Array.from(d.values).slice(0, n).filter(NUMERIC);
    const r = isArray(d.range) && d.range.every(NUMERIC) ? d.range
      : [Math.min(...vals), Math.max(...vals)];
    return [r[0], r[1] - r[0]];
  });
  const line = trace.line || {}, scale = scaleOf(ctx.fl, line, 'c'), panel = ctx.panelOf(trace);
  const xs = dims.map((d, i) => strip(d.label) || `dimension ${i}`);
  for (let k = 0; k < n; k++) {
    const ys = dims.map((d, i) => {
      const v = d.values[k];
      if (!NUMERIC(v)) return null;
      return spans[i][1] ? (v - spans[i][0]) / spans[i][1] : 0.5;  // a flat axis: its middle
    });
    if (ys.some((v) => v === null)) continue;
    const raw = isArray(line.color) ? line.color[k] : line.color;
    const c = NUMERIC(raw) ? scaleColor(raw, scale) : rgba(raw);
    ctx.out.lines.push({xs, ys, zs: [], color: hex(c), alpha: vis * (c ? c[3] : 1), panel});
  }
}

const READERS = {scatter: readScatter, scattergl: readScatterGl, scatter3d: readScatter3d,
                 bar: readBars, histogram: readBars, box: readBoxes, heatmap: readHeatmap,
                 histogram2d: readTiles, splom: readSplom, violin: readViolins, pie: readPie,
                 parcoords: readParcoords, scatterpolar: readScatterPolar,
                 treemap: readTreemap, sankey: readSankey, parcats: readParcats,
                 choropleth: readChoropleth};

// --- what a reader can do: hover, controls, a linked selection --------------------------
// The fields a hover label names: each line of the hovertemplate "name: value" or
// "name=value" (px), a %{xaxis.title.text} placeholder read as that axis's title. A trace
// with no template (plotly.js's default label) or no hover names no column.
function hoverNames(ctx, trace) {
  if (trace.hoverinfo === 'skip' || trace.hoverinfo === 'none' || !trace.hovertemplate) {
    return [];
  }
  const names = [];
  const template = isArray(trace.hovertemplate) ? trace.hovertemplate[0] : trace.hovertemplate;
  const body = String(template).replace(/<extra>.*?<\/extra>/g, '');
  for (const line of body.split(/<br\s*\/?>/i)) {
    const match = strip(line).match(/^(.+?)\s*[:=]\s*\S/);
    if (!match) continue;
    const name = match[1].replace(/%\{([xyz])axis\.title\.text\}/g, (all, letter) => {
      const ax = trace.xaxis ? axisOf(ctx.fl, trace[letter + 'axis']) : null;
      return ax ? titleOf(ctx.fl, ax, letter) : all;
    });
    names.push(name.trim());
  }
  return names;
}
function readTooltip(ctx, indices) {
  let common = null;
  for (const i of indices) {
    const trace = ctx.gd._fullData[i];
    const marked = trace.type === 'splom' || (trace.mode || '').includes('markers');
    if (!marked) continue;
    const names = hoverNames(ctx, trace);
    common = common === null ? names : common.filter((n) => names.includes(n));
  }
  return common || [];
}
// A button that plays an animation animates to every frame (frame names null); the
// pause button (frame names [null]) is part of it, not an option.
const playing = (b) => b.method === 'animate' && (b.args || [])[0] === null;
const pausing = (b) => b.method === 'animate' && isArray((b.args || [])[0]) &&
  b.args[0].length === 1 && b.args[0][0] === null;
function readControls(ctx) {
  const controls = [];
  for (const menu of ctx.fl.updatemenus || []) {
    if (menu.visible === false) continue;
    const buttons = (menu.buttons || []).filter((b) => b.visible !== false);
    if (buttons.some(playing)) controls.push({kind: 'play', options: []});
    const options = buttons.filter((b) => !playing(b) && !pausing(b) && b.method !== 'skip');
    if (options.length) {
      controls.push({kind: 'select', options: options.map((b) => strip(b.label))});
    }
  }
  for (const slider of ctx.fl.sliders || []) {
    if (slider.visible === false) continue;
    const steps = (slider.steps || []).filter((s) => s.visible !== false);
    controls.push({kind: 'slider', options: steps.map((s) => strip(s.label ?? s.value))});
  }
  if (['select', 'lasso'].includes(ctx.fl.dragmode)) controls.push({kind: 'brush', options: []});
  return controls;
}
// A selection is linked when one trace draws the rows in both views and plotly.js fades
// its unselected points: a scatter-plot matrix, whose selection spans its panels.
function readLinked(ctx, indices) {
  return indices.some((i) => {
    const trace = ctx.gd._fullData[i];
    if (trace.type !== 'splom') return false;
    const views = new Set(splomPairs(ctx, trace).map((p) => p.view).filter((v) => v !== null));
    const faded = ((trace.unselected || {}).marker || {}).opacity;
    return views.has(0) && views.has(1) && NUMERIC(faded) && faded < 1;
  });
}
// The traces a dropdown or slider shows and hides: one hidden at the start is an option
// not chosen yet, not a mark drawn invisibly.
function chosenByControl(fl) {
  const visibility = (b) => (b.args || []).some((a) => a && typeof a === 'object' &&
                                                 !isArray(a) && 'visible' in a);
  return (fl.updatemenus || []).some((menu) => (menu.buttons || []).some(visibility)) ||
    (fl.sliders || []).some((s) => (s.steps || []).some(visibility));
}

// --- text drawn in the plot area --------------------------------------------------------
const traceOf = (node) => {
  const g = node.closest('g.trace, g.hm');
  const d = g && g.__data__;
  const first = Array.isArray(d) ? d[0] : d;
  return (Array.isArray(first) ? first[0] : first)?.trace;
};
function textAt(ctx, node) {
  const trace = traceOf(node);
  if (!trace || trace.visible !== true || !trace.xaxis) return null;
  const xa = axisOf(ctx.fl, trace.xaxis), ya = axisOf(ctx.fl, trace.yaxis);
  const d = node.__data__ || node.parentNode.__data__;
  if (node.closest('g.heatmap-label')) {  // position in px inside the subplot
    return {x: coord(xa, xa.p2c(d.x)), y: coord(ya, ya.p2c(d.y)), trace};
  }
  if (trace.type === 'bar' || trace.type === 'histogram') {
    const horizontal = trace.orientation === 'h', top = (d.b || 0) + d.s;
    const at = isCat(horizontal ? ya : xa) ? d.p : (d.p0 + d.p1) / 2;
    return horizontal ? {x: coord(xa, top), y: coord(ya, at), trace}
                      : {x: coord(xa, at), y: coord(ya, top), trace};
  }
  return {x: coord(xa, d.x), y: coord(ya, d.y), trace};
}
function readTexts(ctx) {
  const nodes = ctx.gd.querySelectorAll('g.heatmap-label text, text.bartext, g.textpoint text');
  for (const node of nodes) {
    const text = node.textContent;
    let at = null;
    try { at = text ? textAt(ctx, node) : null; } catch (e) { at = null; }
    if (!at) { if (text) ctx.notes.push(`the text "${text}" could not be placed`); continue; }
    if (at.x === null || at.y === null) continue;
    ctx.out.texts.push({x: at.x, y: at.y, text, panel: ctx.panelOf(at.trace)});
  }
}

// --- legend, in drawn order (traceorder, legendrank and groups are plotly.js's doing) ----
function legendColor(node, trace) {
  const paths = [...node.querySelectorAll('.legendpoints path')];
  const styled = (prop) => paths.map((p) => rgba(p.style[prop])).find((c) => c && c[3] > 0);
  const c = styled('fill') || styled('stroke');
  if (c) return hex(c);
  const m = trace.marker || {}, line = trace.line || {};
  return hex(rgba(isArray(m.color) ? null : m.color) || rgba(line.color));
}
function readLegend(ctx) {
  const entries = [];
  for (const node of ctx.gd.querySelectorAll('.legend .traces')) {
    const item = node.__data__ && node.__data__[0];
    const trace = item && item.trace;
    if (!trace) continue;
    const text = node.querySelector('.legendtext');
    // The symbol as drawn: plotly.js caps legend markers at 16 px (itemsizing "trace")
    // or draws them all alike ("constant").
    const symbol = node.querySelector('.legendpoints path.scatterpts');
    const size = symbol ? symbol.getBBox().width : null;
    entries.push({label: strip(text ? text.textContent : trace.name),
                  color: legendColor(node, trace), size});
  }
  // Marker sizes matter only in a legend of sizes: entries that differ in size.
  const sizes = new Set(entries.map((e) => e.size).filter((s) => s !== null));
  if (sizes.size < 2) entries.forEach((e) => { e.size = null; });
  ctx.out.legend = entries;
}

// --- the figure -------------------------------------------------------------------------
function context(gd, out) {
  const keys = {};
  const ctx = {gd, out, fl: gd._fullLayout, notes: out.notes};
  ctx.panelOf = (trace) => {
    const key = panelKey(trace);
    if (key === null) return 0;
    if (!(key in keys)) {
      const panel = describePanel(ctx.fl, trace);
      if (!panel) return 0;
      keys[key] = out.panels.length;
      out.panels.push(panel);
    }
    return keys[key];
  };
  ctx.orderPanels = () => {
    const order = out.panels.map((p, i) => i).sort((a, b) =>
      (out.panels[a].top - out.panels[b].top) || (out.panels[a].left - out.panels[b].left));
    out.panels = order.map((i) => out.panels[i]);
    for (const key in keys) keys[key] = order.indexOf(keys[key]);
  };
  return ctx;
}
async function readTraces(ctx, indices, vis) {
  for (const i of indices) {
    const trace = ctx.gd._fullData[i], reader = READERS[trace.type];
    if (['error_x', 'error_y', 'error_z'].some((e) => trace[e] && trace[e].visible)) {
      ctx.notes.push(`the error bars of trace ${named(trace)} are not read`);
    }
    if (!reader) {
      ctx.notes.push(`${trace.type} trace ${named(trace)} is not read: its marks are left out`);
      continue;
    }
    await reader(ctx, trace, ctx.gd.calcdata[i] || [], vis);
  }
}
async function read(gd) {
  const fl = gd._fullLayout;
  const out = {width: fl.width, height: fl.height, panels: [], points: [], rects: [],
               lines: [], areas: [], wedges: [], tiles: [], texts: [], boxes: [], legend: [],
               notes: [],
               // a colour bar: a trace's own scale, or a shared colour axis, shown
               colorbar: gd._fullData.some((t) => t.visible === true && t.showscale === true)
                 || Object.keys(fl).some((k) => k.startsWith('coloraxis') && fl[k].showscale)};
  const ctx = context(gd, out);
  gd._fullData.forEach((t) => ctx.panelOf(t));  // every subplot with traces, hidden or not
  ctx.orderPanels();
  // A scatter-plot matrix's views come first, in the order of its dimensions
  gd._fullData.filter((t) => t.type === 'splom').forEach((t) => {
    splomPairs(ctx, t).filter((p) => p.view !== null).forEach((p) => ctx.panelOf(p));
    splomPairs(ctx, t).forEach((p) => ctx.panelOf(p));
  });
  const all = gd._fullData.map((t, i) => i);
  let hidden = all.filter((i) => gd._fullData[i].visible !== true);
  const shown = all.filter((i) => !hidden.includes(i));
  if (chosenByControl(fl)) hidden = [];
  await readTraces(ctx, shown, 1);
  readTexts(ctx);
  readLegend(ctx);
  out.tooltip = readTooltip(ctx, shown);
  out.controls = readControls(ctx);
  out.linked = readLinked(ctx, shown);
  if ((fl.shapes || []).length) out.notes.push('layout shapes are not read');
  if (hidden.length) {
    // plotly.js computes nothing for a hidden trace: draw it to learn its marks, which
    // the reader does not see (alpha 0).
    await Plotly.restyle(gd, {visible: true}, hidden);
    ctx.fl = gd._fullLayout;
    await readTraces(ctx, hidden, 0);
  }
  return out;
}

// plotly.js fetches its own world outlines (topojson, from a CDN) for every geo trace
// with a locationmode, which a choropleth always has, even one drawing its own GeoJSON
// with every base layer off: an empty topology, inlined, is what it gets here (the "#"
// turns the file name plotly.js appends into a fragment). A map that needs plotly.js's
// outlines (base layers, ISO-3 or country-name locations) cannot be drawn offline.
const EMPTY_TOPOLOGY = 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#';
const NO_OUTLINES = ' (plotly.js\'s own map outlines come from a CDN: offline, a map draws ' +
  'only the GeoJSON it is given, with its base layers off)';

window.__plotlyScene = async (specJson) => {
  const spec = JSON.parse(specJson);
  const gd = document.getElementById('graph');
  try {
    await Plotly.newPlot(gd, spec.data || [], spec.layout || {},
                         {displayModeBar: false, topojsonURL: EMPTY_TOPOLOGY});
    return await read(gd);
  } catch (error) {
    const maps = ((gd._fullLayout || {})._subplots || {}).geo || [];
    throw maps.length ? new Error(String(error.message || error) + NO_OUTLINES) : error;
  } finally {
    Plotly.purge(gd);
  }
};
})();
"""

_STATE: dict[str, Any] = {}


def _local_only(route: Any) -> None:
    """Nothing leaves the machine: plotly.js is inlined, anything else it asks for is not
    part of the figure (MathJax, map tiles)."""
    if route.request.url.startswith(LOCAL_SCHEMES):
        route.continue_()
    else:
        route.abort()


def _start_browser() -> dict[str, Any]:
    """Runs in the browser's own thread."""
    import plotly.offline
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.route("**/*", _local_only)
        page.set_content(PAGE)
        page.add_script_tag(content=plotly.offline.get_plotlyjs())
        page.add_script_tag(content=READER_JS)
    except Exception:
        playwright.stop()
        raise
    return {"playwright": playwright, "browser": browser, "page": page}


class _OwnThread:
    """One daemon thread that runs what it is given, in order. Not a ThreadPoolExecutor:
    those are shut down before atexit handlers run, and the browser is closed at exit."""

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        threading.Thread(target=self._serve, name="plotly-scene", daemon=True).start()

    def _serve(self) -> None:
        while True:
            job, future = self._jobs.get()
            if job is None:
                return
            try:
                future.set_result(job())
            except BaseException as error:  # noqa: BLE001 - handed to the caller
                future.set_exception(error)

    def run(self, job: Callable[[], Any]) -> Any:
        future: Future = Future()
        self._jobs.put((job, future))
        return future.result()

    def stop(self) -> None:
        self._jobs.put((None, None))


def _browser_thread() -> _OwnThread:
    """The one thread that owns the browser. Playwright's sync API keeps an asyncio loop
    running in the thread that started it for as long as it lives: in the caller's thread
    that would break every later asyncio user there (Streamlit's AppTest, another
    Playwright session), so the browser gets a thread of its own."""
    if _STATE.get("pid") != os.getpid():  # a forked child has the dict but not the thread
        _STATE.clear()
    if not _STATE:
        if not os.path.exists(CHROMIUM):
            raise RuntimeError(MISSING_CHROMIUM.format(path=CHROMIUM))
        thread = _OwnThread()
        try:
            _STATE.update(thread.run(_start_browser), thread=thread, pid=os.getpid())
        except Exception:
            thread.stop()
            raise
        atexit.unregister(close)
        atexit.register(close)
    return _STATE["thread"]


def close() -> None:
    """Stop the browser, if one was started; the next ``extract`` starts a new one."""
    state = dict(_STATE)
    _STATE.clear()
    if not state or state.get("pid") != os.getpid():
        return

    def stop() -> None:
        for step in (state["browser"].close, state["playwright"].stop):
            try:
                step()
            except Exception:  # noqa: BLE001 - a browser that is already gone is closed
                pass

    state["thread"].run(stop)
    state["thread"].stop()


def _coordinate(value: Any) -> Any:
    """JSON has one number type: coordinates come back as floats, as scene.py says."""
    return float(value) if type(value) is int else value


def _numbers(record: dict) -> dict:
    return {key: value if key == "panel" else _coordinate(value) for key, value in record.items()}


def _axis(raw: dict) -> Axis:
    return Axis(_coordinate(raw["low"]), _coordinate(raw["high"]), tuple(raw["categories"]),
                raw["title"])


def _panel(raw: dict) -> Panel:
    return Panel(raw["title"], _axis(raw["x"]), _axis(raw["y"]), float(raw["left"]),
                 float(raw["top"]))


def _line(raw: dict) -> Line:
    return Line(tuple(map(_coordinate, raw["xs"])), tuple(map(_coordinate, raw["ys"])),
                raw["color"], raw["alpha"], raw["panel"], tuple(float(z) for z in raw["zs"]))


def _area(raw: dict) -> Area:
    outline = {key: tuple(map(_coordinate, raw.get(key) or ())) for key in ("xs", "ys")}
    return Area(**{**_numbers(raw), **outline})


def _box(raw: dict) -> Box:
    return Box(**{**_numbers(raw), "outliers": tuple(float(v) for v in raw["outliers"])})


def _scene(raw: dict) -> Scene:
    return Scene(
        panels=tuple(_panel(p) for p in raw["panels"]) or (Panel(),),
        points=tuple(Point(**_numbers(p)) for p in raw["points"]),
        rects=tuple(Rect(**_numbers(r)) for r in raw["rects"]),
        lines=tuple(_line(line) for line in raw["lines"]),
        areas=tuple(_area(a) for a in raw["areas"]),
        wedges=tuple(Wedge(**_numbers(w)) for w in raw.get("wedges", ())),
        tiles=tuple(Tile(**_numbers(t)) for t in raw.get("tiles", ())),
        texts=tuple(Text(**_numbers(t)) for t in raw["texts"]),
        boxes=tuple(_box(b) for b in raw["boxes"]),
        legend=tuple(LegendEntry(e["label"], e["color"], _coordinate(e["size"]))
                     for e in raw["legend"]),
        colorbar=bool(raw.get("colorbar")),
        width=float(raw["width"] or 0),
        height=float(raw["height"] or 0),
        notes=tuple(dict.fromkeys(raw["notes"])),
        tooltip=tuple(raw.get("tooltip", ())),
        controls=tuple(Control(c["kind"], tuple(c["options"])) for c in raw.get("controls", ())),
        linked=bool(raw.get("linked")),
    )


def extract(figure: Any) -> Scene:
    """The Scene plotly.js draws for ``figure`` (a ``plotly.graph_objects.Figure`` or its
    dict): marks in data coordinates with the colours, sizes, bins and quartiles plotly.js
    computed. Raises RuntimeError when Chromium is missing or plotly.js cannot draw it."""
    import plotly.io

    spec = plotly.io.to_json(figure, validate=False)
    try:
        raw = _browser_thread().run(lambda: _read_scene(spec))
    except RuntimeError:
        if _STATE.get("crashed"):
            close()
        raise
    return _scene(raw)


def _read_scene(spec: str) -> dict:
    """Runs in the browser's own thread."""
    from playwright.sync_api import Error as PlaywrightError

    page = _STATE["page"]
    try:
        return page.evaluate("spec => window.__plotlyScene(spec)", spec)
    except PlaywrightError as error:
        if page.is_closed():  # a crashed page: the next call starts afresh
            _STATE["crashed"] = True
        raise RuntimeError(f"plotly.js could not draw the figure: {error.message}") from None
