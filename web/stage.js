// stage.js runs inside the stage frame: it streams the WebAssembly module,
// reports progress to the page, and starts it. Ebiten appends its canvas to
// this frame's body, so the canvas owns the whole frame and its mouse
// coordinates stay right whatever the page's layout. The page talks to the
// module through window.loopscopeModule, which the module defines.
"use strict";
(function () {
  const host = window.parent !== window ? window.parent : null;
  const tell = (name, ...args) => {
    try {
      if (host && typeof host[name] === "function") host[name](...args);
    } catch (e) {
      console.warn("loopscope: " + name + ": " + e);
    }
  };

  // Keys pressed while the canvas has focus belong to the page's shortcuts.
  window.addEventListener("keydown", (e) => tell("loopscopeKey", e), true);

  // The module calls this once window.loopscopeModule is ready.
  window.loopscopeReady = () => tell("loopscopeModuleReady", window.loopscopeModule);

  // The stage draws a rune its own font lacks with the browser's fonts
  // (wasm/stage/fallback.go): s at size px, fitted and centred in adv px
  // from x, its baseline base px down a w×h canvas. It returns the coverage
  // (alpha times the brightest channel, so a colour emoji keeps its
  // features in the text's colour), or null when the browser draws s as it
  // draws a rune no font has (the last private-use one) or cannot draw off
  // screen.
  const glyphFonts = 'px ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", monospace';
  let glyphCtx = null;
  window.loopscopeGlyph = (s, size, x, adv, w, h, base) => {
    try {
      glyphCtx = glyphCtx || new OffscreenCanvas(1, 1).getContext("2d", { willReadFrequently: true });
      const paint = (s) => {
        const c = glyphCtx;
        c.canvas.width = w; // which clears it and resets the context
        c.canvas.height = h;
        c.font = size + glyphFonts;
        c.fillStyle = "#fff";
        const bw = c.measureText(s).width, k = Math.min(1, adv / bw);
        c.setTransform(k, 0, 0, k, x + (adv - bw * k) / 2, base);
        c.fillText(s, 0, 0);
        const d = c.getImageData(0, 0, w, h).data, cov = new Uint8Array(w * h);
        for (let i = 0; i < cov.length; i++) cov[i] = d[4 * i + 3] * Math.max(d[4 * i], d[4 * i + 1], d[4 * i + 2]) / 255;
        return cov;
      };
      const cov = paint(s), none = paint("\u{10FFFD}");
      return cov.some((v, i) => v !== none[i]) ? cov : null;
    } catch (e) {
      return null;
    }
  };

  async function fetchModule(url, total) {
    const resp = await fetch(url);
    if (!resp.ok) throw new Error("GET " + url + ": " + resp.status + " " + resp.statusText);
    const type = (resp.headers.get("Content-Type") || "").split(";")[0].trim();
    if (!resp.body || typeof ReadableStream === "undefined") return { resp, type };
    let got = 0;
    const reader = resp.body.getReader();
    const counted = new ReadableStream({
      async pull(ctrl) {
        const { done, value } = await reader.read();
        if (done) {
          tell("loopscopeProgress", total || got, total || got);
          ctrl.close();
          return;
        }
        got += value.byteLength;
        tell("loopscopeProgress", got, total);
        ctrl.enqueue(value);
      },
      cancel(reason) { reader.cancel(reason); },
    });
    return { resp: new Response(counted, { headers: { "Content-Type": "application/wasm" } }), type };
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    const total = Number(params.get("size")) || 0;
    const url = "main.wasm" + (params.get("v") ? "?v=" + encodeURIComponent(params.get("v")) : "");
    const go = new Go();
    const { resp } = await fetchModule(url, total);
    let inst;
    if (WebAssembly.instantiateStreaming) {
      try {
        inst = (await WebAssembly.instantiateStreaming(resp, go.importObject)).instance;
      } catch (e) {
        // A body already consumed cannot be retried: fetch again, plainly.
        console.warn("loopscope: streaming compile failed, retrying without streaming: " + e);
        const again = await fetch(url);
        inst = (await WebAssembly.instantiate(await again.arrayBuffer(), go.importObject)).instance;
      }
    } else {
      inst = (await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject)).instance;
    }
    tell("loopscopeLoaded");
    go.run(inst).then(
      () => tell("loopscopeFatal", "fatal.stopped", ""),
      (e) => tell("loopscopeFatal", "fatal.crashed", String(e)),
    );
  }

  start().catch((e) => tell("loopscopeFatal", "fatal.load", String(e && e.message ? e.message : e)));
})();
