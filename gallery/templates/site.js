// The gallery's only script: draws the inline charts with each library's own embedding
// API, wires the filter chips and the copy buttons. No network, no fetch (file:// blocks it).
(function () {
  "use strict";

  // Every chart fills its card's width and keeps its own proportions, each library
  // sizing itself in its own way: Bokeh's sizing_mode, Plotly's autosize in a box of the
  // figure's proportions, and Vega's SVG scaled through its viewBox.
  function scaleWidth(model) {
    if (model && model.attributes) {
      model.attributes.sizing_mode = "scale_width";
      (model.attributes.children || []).forEach((child) => scaleWidth(child.length ? child[0] : child));
    }
  }

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

  // One entry per output family, as in gallery/site/embed.py. Each returns a promise.
  const EMBED = {
    bokeh: (el, item) => {
      scaleWidth(item.doc.roots[0]);
      return window.Bokeh.embed.embed_item(item, el.id);
    },
    plotly: (el, fig) => {
      const layout = Object.assign({}, fig.layout || {}, { autosize: true });
      delete layout.width;
      delete layout.height;
      return window.Plotly.newPlot(el, fig.data, layout, { responsive: true, displaylogo: false });
    },
    vega: (el, spec) => window.vegaEmbed(el, fitted(el, spec), { renderer: "svg", actions: false })
      .then(() => vegaFits(el)),
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
