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
