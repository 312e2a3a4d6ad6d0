// The gallery's only script: draws the inline charts with each library's own embedding
// API, wires the filter chips and the copy buttons. No network, no fetch (file:// blocks it).
(function () {
  "use strict";
  const EMPTY_TOPOLOGY = 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#';

  // Every chart fills its card's width and keeps its own proportions, each library
  // sizing itself in its own way: Bokeh's sizing_mode, Plotly's autosize in a box of the
  // figure's proportions, and Vega's SVG scaled through its viewBox.
  function vegaFits(el) {
    const svg = el.querySelector("svg");
    if (svg && !svg.getAttribute("viewBox")) {
      svg.setAttribute("viewBox", `0 0 ${svg.getAttribute("width")} ${svg.getAttribute("height")}`);
    }
  }

  // A single view (or layer) is laid out again at the card's width, at the chart's own
  // proportions, with Vega-Lite's "fit" autosize: text keeps its size. Facets and
  // concatenations cannot fit a width in Vega-Lite: their SVG is scaled instead.
  const COMPOSITE = ["facet", "hconcat", "vconcat", "concat", "repeat", "spec"];
  function fitted(el, spec) {
    const encoding = spec.encoding || {};
    const faceted = ["facet", "row", "column"].some((key) => key in encoding);
    if (faceted || COMPOSITE.some((key) => key in spec) || !el.clientWidth) return spec;
    const aspect = parseFloat(getComputedStyle(el).getPropertyValue("--aspect")) || 1.5;
    const width = el.clientWidth;
    return Object.assign({}, spec, {
      width: width, height: Math.round(width / aspect),
      autosize: { type: "fit", contains: "padding" },
    });
  }

  // Vega maps the pointer to a view without the SVG's scaling, so a rectangle dragged on
  // a scaled concatenation would select rows away from the marks under it. Views side by
  // side that carry a selection are drawn again narrower, so the whole fits the card.
  function narrowed(spec, drawnWidth, width) {
    const views = spec.hconcat;
    const selects = views && (spec.params || views.some((view) => view.params));
    if (!selects || !width || drawnWidth <= width) return null;
    const plots = views.reduce((sum, view) => sum + (view.width || 0), 0);
    const share = plots && (width - (drawnWidth - plots)) / plots;
    if (!(share > 0.2)) return null;
    return Object.assign({}, spec, { hconcat: views.map((view) => Object.assign({}, view, {
      width: Math.floor(view.width * share),
      height: Math.floor((view.height || view.width) * share),
    })) });
  }

  function oneColumn(grid) {
    const plots = grid.attributes.children;
    plots.forEach((child, i) => { child[1] = i; child[2] = 0; });
    const sizes = plots.map((child) => [child[0].attributes.width || 600,
                                        child[0].attributes.height || 600]);
    const width = Math.max(...sizes.map((s) => s[0]));
    grid.attributes.width = width;
    // each plot scales to the column's width at its own proportions (a plot with a legend
    // beside it is wider, so shorter there); plus the toolbar, as TOOLBAR in
    // gallery/bokeh_fit.py
    grid.attributes.height = Math.round(
      sizes.reduce((sum, s) => sum + s[1] * width / s[0], 0)) + 30;
  }

  // A row of plots (linked views side by side) stacked one above the other, each at the
  // column's width and its own proportions.
  function stacked(row) {
    const plots = row.attributes.children;
    const sizes = plots.map((plot) => [plot.attributes.width || 600,
                                       plot.attributes.height || 600]);
    const width = Math.max(...sizes.map((s) => s[0]));
    row.name = "Column";
    row.attributes.width = width;
    row.attributes.height = Math.round(sizes.reduce((sum, s) => sum + s[1] * width / s[0], 0));
  }

  // One entry per output family, as in gallery/site/embed.py. Each returns a promise.
  const EMBED = {
    bokeh: (el, item) => {
      // Sized to scale with the card when it was serialized (gallery/bokeh_fit.py). Bokeh
      // scales plots, not their text: a grid of plots in a card narrower than its natural
      // width (a phone) would keep full-size axes and legends around tiny plots, so its
      // panels wrap one to a row there, as facets wrap to fit.
      const root = item.doc.roots[0];
      if (root.name === "GridPlot" && el.clientWidth && el.clientWidth < root.attributes.width) {
        oneColumn(root);
      } else if (root.name === "Row" && el.clientWidth
                 && el.clientWidth < 0.6 * root.attributes.width) {
        stacked(root);  // side by side, each view would be too small to read
      }
      return window.Bokeh.embed.embed_item(item, el.id);
    },
    plotly: (el, fig) => {
      const layout = Object.assign({}, fig.layout || {}, { autosize: true });
      delete layout.width;
      delete layout.height;
      // The frames too: an animation's play button and slider step through them.
      return window.Plotly.newPlot(el, {
        data: fig.data, layout: layout, frames: fig.frames || [],
        // plotly.js asks a CDN for its own world outlines for every map, even one drawn
        // from its own GeoJSON: an empty topology instead (the "#" hides the file name
        // plotly.js appends), so a page never leaves the machine
        config: { responsive: true, displaylogo: false, topojsonURL: EMPTY_TOPOLOGY },
      });
    },
    vega: (el, spec) => {
      const draw = (s) => window.vegaEmbed(el, s, { renderer: "svg", actions: false });
      return draw(fitted(el, spec)).then((result) => {
        const svg = el.querySelector("svg");
        const again = svg && narrowed(spec, parseFloat(svg.getAttribute("width")), el.clientWidth);
        if (!again) return result;
        result.finalize();
        el.textContent = "";
        return draw(again);
      }).then((result) => {
        el.__vegaView = result.view;  // the live view: its scenegraph, for the browser tests
        vegaFits(el);
      });
    },
  };

  function drawCharts() {
    document.querySelectorAll("[data-embed]").forEach((el) => {
      let drawing;
      try {
        const data = JSON.parse(document.getElementById(el.id + "-data").textContent);
        drawing = Promise.resolve(EMBED[el.dataset.embed](el, data));
      } catch (error) {
        drawing = Promise.reject(error);
      }
      // data-rendered tells readers (and the browser tests) the chart is done.
      drawing.then(
        () => { el.dataset.rendered = "ok"; },
        (error) => {
          el.dataset.rendered = "error";
          el.textContent = "This chart could not be drawn: " + error;
          console.error(el.id, error);
        });
    });
  }

  // A row or card is hidden when any group has its value switched off.
  function wireChips() {
    const chips = Array.from(document.querySelectorAll(".chip[data-filter]"));
    const items = Array.from(document.querySelectorAll("[data-filterable]"));
    const count = document.querySelector(".chip-count");
    function apply() {
      const off = chips.filter((c) => c.getAttribute("aria-pressed") === "false");
      let shown = 0;
      items.forEach((item) => {
        item.hidden = off.some((c) => item.getAttribute("data-" + c.dataset.filter) === c.dataset.value);
        shown += item.hidden ? 0 : 1;
      });
      if (count) count.textContent = shown + " of " + items.length + " shown";
    }
    chips.forEach((chip) => chip.addEventListener("click", () => {
      const pressed = chip.getAttribute("aria-pressed") !== "false";
      chip.setAttribute("aria-pressed", pressed ? "false" : "true");
      apply();
    }));
    if (chips.length) apply();
  }

  // navigator.clipboard needs a secure context; the textarea route works elsewhere.
  function copyFallback(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      if (!document.execCommand("copy")) throw new Error("copy refused");
    } finally {
      area.remove();
    }
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(() => copyFallback(text));
    }
    return new Promise((resolve) => { copyFallback(text); resolve(); });
  }

  function wireCopy() {
    document.querySelectorAll("[data-copy]").forEach((button) => {
      button.addEventListener("click", () => {
        // the code without its line numbers
        const code = button.closest(".code-block").querySelector("pre").cloneNode(true);
        code.querySelectorAll(".linenos").forEach((number) => number.remove());
        copyText(code.textContent).then(
          () => { button.textContent = "Copied"; },
          () => { button.textContent = "Select and copy"; });
        setTimeout(() => { button.textContent = "Copy code"; }, 2000);
      });
    });
  }

  function start() {
    wireChips();
    wireCopy();
    drawCharts();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
