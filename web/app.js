// app.js drives the page: the scene picker, the editor, the console, the
// notes and the transport. The simulation and the drawing run in the
// WebAssembly module inside the stage frame; this script calls it through
// the frame's window.loopscopeModule and redraws the HTML side whenever the
// current event changes. window.loopscope is the page's scripting API.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("loopscope-data").textContent);
  const scenes = data.scenes || [];
  const SPEEDS = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];
  const MIN_SPEED = 0.1, MAX_SPEED = 10;
  const FILENAME = "scene.py";

  const el = {
    scene: $("scene"), play: $("play"), back: $("back"), fwd: $("fwd"),
    toStart: $("to-start"), toEnd: $("to-end"), speed: $("speed"),
    slower: $("slower"), faster: $("faster"), run: $("run"), lang: $("lang"),
    code: $("code"), gutter: $("gutter"), marks: $("marks"), edited: $("edited"),
    errorBar: $("error-bar"), console: $("console"), notes: $("notes"),
    notesConcept: $("notes-concept"), timeline: $("timeline"),
    position: $("position"), frame: $("stage"), loading: $("loading"),
    loadingText: $("loading-text"), progress: $("progress"), progressFill: $("progress-fill"),
  };

  let mod = null;           // the module's API, once it is ready
  let fatal = null;         // why the module is gone, if it is
  let sceneId = null;       // the scene on screen (its built-in id)
  let playingSource = "";   // the source the module is playing
  let runInfo = null;       // the last successful run: {exitCode, stderr}
  let lastError = null;     // the last failed run: {line, col, msg, text}
  let pending = null;       // what to do once the module is ready
  let lastEvent = -2, lastEvents = -1, dirty = true;
  let litConcept = "";      // the notes section lit
  let notesShown = "";      // what the notes region holds: "plain" (markdown as text), "html", "error"
  const notesCache = new Map(); // scene id + "/" + lang -> {html} or {error}, from the module
  let eventConcept = "";    // the current event's concept
  let lang = pickLanguage();
  const timings = { moduleLoaded: null, moduleReady: null, firstFrame: null }; // ms since navigation

  function pickLanguage() {
    try {
      const saved = localStorage.getItem("loopscope.lang");
      if (saved === "en" || saved === "ko") return saved;
    } catch (e) { /* storage may be off */ }
    const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    for (const l of langs) {
      const p = String(l).toLowerCase().slice(0, 2);
      if (p === "ko" || p === "en") return p;
    }
    return "en";
  }

  const sceneById = (id) => scenes.find((s) => s.id === id) || null;
  const clampSpeed = (x) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
  const fmtSpeed = (x) => String(Math.round(x * 100) / 100);

  // ---- scene picker and notes ----

  function fillScenes() {
    el.scene.textContent = "";
    for (const s of scenes) {
      const o = document.createElement("option");
      o.value = s.id;
      o.textContent = s.id.slice(0, 2) + " · " + (s.titles[lang] || s.titles.en);
      el.scene.append(o);
    }
    if (sceneId) el.scene.value = sceneId;
  }

  // renderNotes asks the module for the HTML of a scene's notes in the
  // current language, once per scene and language. The module renders the
  // markdown with goldmark (raw HTML in it is dropped); an error, or a
  // module that throws, comes back as {error}.
  function renderNotes(s) {
    const key = s.id + "/" + lang;
    let r = notesCache.get(key);
    if (r) return r;
    try {
      const out = mod.notes(s.notes[lang] || s.notes.en || "");
      if (out && typeof out.html === "string") r = { html: out.html };
      else r = { error: String((out && out.error) || "the simulator returned no notes") };
    } catch (e) {
      r = { error: String(e && e.message ? e.message : e) };
    }
    notesCache.set(key, r);
    return r;
  }

  // showNotes fills the notes region for the scene and language on screen:
  // the module's HTML when it is ready; until then (or if it never loads),
  // the markdown itself as plain text; a rendering error as a message above
  // that text.
  function showNotes() {
    const s = sceneById(sceneId);
    el.notes.lang = lang;
    const r = !s ? null : notesCache.get(s.id + "/" + lang) || (mod && !fatal ? renderNotes(s) : null);
    if (!s) {
      el.notes.textContent = "";
      notesShown = "";
    } else if (r && r.html !== undefined) {
      el.notes.innerHTML = r.html; // the module's output only: never the page data
      notesShown = "html";
    } else {
      el.notes.textContent = "";
      if (r) {
        const msg = document.createElement("p");
        msg.className = "notes-error";
        msg.setAttribute("role", "alert");
        msg.textContent = "These notes could not be rendered (" + r.error + "). Here they are as written:";
        el.notes.append(msg);
      }
      const src = document.createElement("div");
      src.className = "notes-source";
      src.textContent = s.notes[lang] || s.notes.en || "";
      el.notes.append(src);
      notesShown = r ? "error" : "plain";
    }
    el.notes.dataset.shown = notesShown;
    litConcept = "";
    dirty = true;
  }

  function setLang(l) {
    lang = l === "ko" ? "ko" : "en";
    try { localStorage.setItem("loopscope.lang", lang); } catch (e) { /* ignore */ }
    for (const span of el.lang.querySelectorAll("span")) span.classList.toggle("on", span.dataset.lang === lang);
    el.lang.title = lang === "ko" ? "Notes in Korean (click for English)" : "Notes in English (click for Korean)";
    fillScenes();
    showNotes();
  }

  function light(concept) {
    if (!concept || concept === litConcept) return;
    const sec = el.notes.querySelector('[data-section="' + CSS.escape(concept) + '"]');
    if (!sec) return; // keep the last section lit: this scene's notes do not cover it
    for (const old of el.notes.querySelectorAll(".note-section.lit")) old.classList.remove("lit");
    sec.classList.add("lit");
    litConcept = concept;
    el.notesConcept.textContent = concept;
    showLit(matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth");
  }

  // showLit scrolls the notes so the lit section is in view, if it is not.
  function showLit(behavior) {
    const sec = el.notes.querySelector(".note-section.lit");
    if (!sec) return;
    const top = sec.offsetTop - el.notes.offsetTop - 8;
    if (top < el.notes.scrollTop || top + Math.min(sec.offsetHeight, el.notes.clientHeight) > el.notes.scrollTop + el.notes.clientHeight) {
      el.notes.scrollTo({ top: Math.max(0, top), behavior });
    }
  }

  // ---- the editor ----

  let gutterLines = 0;
  function updateGutter() {
    const n = el.code.value.split("\n").length;
    if (n !== gutterLines) {
      const frag = document.createDocumentFragment();
      for (let i = 1; i <= n; i++) {
        const d = document.createElement("div");
        d.textContent = i;
        frag.append(d);
      }
      el.gutter.textContent = "";
      el.gutter.append(frag);
      gutterLines = n;
    }
    for (const d of el.gutter.querySelectorAll(".err")) d.classList.remove("err");
    if (lastError && lastError.line > 0 && el.gutter.children[lastError.line - 1]) {
      el.gutter.children[lastError.line - 1].classList.add("err");
    }
    syncScroll();
  }

  function syncScroll() {
    el.gutter.scrollTop = el.code.scrollTop;
    const inner = el.marks.firstElementChild;
    if (inner) inner.style.transform = "translateY(" + -el.code.scrollTop + "px)";
  }

  const lineHeight = () => parseFloat(getComputedStyle(el.code).lineHeight) || 20;
  const padTop = () => parseFloat(getComputedStyle(el.code).paddingTop) || 6;

  // renderMarks marks the line of every live task in its colour, and the
  // error's line, if the editor still shows the source they belong to.
  function renderMarks(taskLines) {
    const inner = document.createElement("div");
    inner.style.position = "absolute";
    inner.style.inset = "0";
    const lh = lineHeight(), top = padTop();
    const byLine = new Map();
    if (el.code.value === playingSource) {
      for (const t of taskLines || []) {
        if (t.line <= 0) continue;
        if (!byLine.has(t.line)) byLine.set(t.line, []);
        byLine.get(t.line).push(t);
      }
    }
    for (const [line, tasks] of byLine) {
      const m = document.createElement("div");
      m.className = "mark";
      m.style.top = top + (line - 1) * lh + "px";
      m.style.setProperty("--c", "var(--t" + (tasks[0].color % 8) + ")");
      inner.append(m);
      const tags = document.createElement("div");
      tags.className = "tags";
      tags.style.top = m.style.top;
      for (const t of tasks.slice(0, 3)) {
        const tag = document.createElement("span");
        tag.className = "tag";
        tag.style.setProperty("--c", "var(--t" + (t.color % 8) + ")");
        tag.textContent = t.name;
        tags.append(tag);
      }
      if (tasks.length > 3) {
        const more = document.createElement("span");
        more.className = "tag";
        more.style.setProperty("--c", "#8a97b2");
        more.textContent = "+" + (tasks.length - 3);
        tags.append(more);
      }
      inner.append(tags);
    }
    if (lastError && lastError.line > 0) {
      const m = document.createElement("div");
      m.className = "mark err";
      m.style.top = top + (lastError.line - 1) * lh + "px";
      inner.append(m);
    }
    el.marks.textContent = "";
    el.marks.append(inner);
    syncScroll();
  }

  // followTask scrolls the editor, unless the learner is in it, so the
  // line of the first live task is in view.
  function followTask(taskLines) {
    if (document.activeElement === el.code || el.code.value !== playingSource) return;
    const t = (taskLines || []).find((t) => t.line > 0);
    if (!t) return;
    const lh = lineHeight(), top = padTop() + (t.line - 1) * lh;
    const view = el.code.clientHeight;
    if (top < el.code.scrollTop || top + lh > el.code.scrollTop + view) {
      el.code.scrollTop = Math.max(0, top - view / 3);
      syncScroll();
    }
  }

  function setEdited() {
    const s = sceneById(sceneId);
    el.edited.hidden = !s || el.code.value === s.source;
  }

  // ---- running scenes ----

  function showError(err) {
    lastError = err;
    el.errorBar.hidden = !err;
    el.errorBar.textContent = err ? err.text : "";
    updateGutter();
    dirty = true;
  }

  // run hands source to the module. On success the new run replaces the
  // one on screen; on failure the old one stays and the error is shown.
  function run(source, opts) {
    opts = opts || {};
    if (!mod) {
      pending = () => run(source, opts);
      return { ok: false, pending: true, error: fatal ? { text: fatal } : null };
    }
    let r;
    try {
      r = mod.run(source, FILENAME);
    } catch (e) {
      const msg = String(e && e.message ? e.message : e);
      r = { ok: false, error: { kind: "internal", line: 0, col: 0, msg, text: msg } };
    }
    if (!r.ok) {
      showError(r.error);
      return r;
    }
    playingSource = source;
    runInfo = { exitCode: r.exitCode, stderr: r.stderr || "" };
    showError(null);
    if (opts.speed) mod.setSpeed(opts.speed);
    if (opts.play) mod.play();
    lastEvent = -2;
    dirty = true;
    return r;
  }

  function load(id) {
    const s = sceneById(id);
    if (!s) return { ok: false, error: { text: "no scene " + id } };
    sceneId = s.id;
    el.scene.value = s.id;
    el.code.value = s.source;
    el.code.scrollTop = 0;
    setEdited();
    showNotes();
    el.notes.scrollTop = 0;
    el.notesConcept.textContent = "";
    try { history.replaceState(null, "", "#" + s.id); } catch (e) { /* file: URLs */ }
    const r = run(s.source, { speed: s.speed });
    if (!r.ok && !r.pending) {
      // The engine refused a built-in scene: show it, with an empty stage.
      playingSource = "";
    }
    updateGutter();
    render();
    return r;
  }

  function runEdited() {
    const r = run(el.code.value, { play: true });
    setEdited();
    render();
    return r;
  }

  // ---- the transport ----

  const act = {
    play() { if (mod) { mod.play(); dirty = true; } },
    pause() { if (mod) { mod.pause(); dirty = true; } },
    toggle() { if (mod) { if (mod.state().playing) mod.pause(); else mod.play(); dirty = true; } },
    step(n) { if (mod) { mod.step(n === undefined ? 1 : Math.trunc(n)); dirty = true; } },
    seek(i) { if (mod) { mod.seek(Math.trunc(i)); dirty = true; } },
    toEnd() { if (mod) { mod.seek(mod.state().events - 1); dirty = true; } },
    setSpeed(x) {
      x = Number(x);
      if (!isFinite(x) || x <= 0) return;
      if (mod) mod.setSpeed(clampSpeed(x));
      if (document.activeElement !== el.speed) el.speed.value = fmtSpeed(clampSpeed(x));
      dirty = true;
    },
    faster() {
      const cur = mod ? mod.state().speed : 1;
      act.setSpeed(SPEEDS.find((s) => s > cur + 1e-9) || MAX_SPEED);
    },
    slower() {
      const cur = mod ? mod.state().speed : 1;
      act.setSpeed([...SPEEDS].reverse().find((s) => s < cur - 1e-9) || MIN_SPEED);
    },
  };

  // Every action redraws the page's side at once.
  for (const name of Object.keys(act)) {
    const f = act[name];
    act[name] = (...args) => {
      try {
        f(...args);
      } catch (e) {
        showError({ kind: "internal", line: 0, col: 0, msg: String(e.message || e), text: String(e.message || e) });
      }
      render();
    };
  }

  function onKey(e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      e.preventDefault();
      runEdited();
      return;
    }
    if (e.target === el.code || e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case " ": case "Spacebar": act.toggle(); break;
      case "ArrowRight": act.step(1); break;
      case "ArrowLeft": act.step(-1); break;
      case "Home": act.seek(0); break;
      case "End": act.toEnd(); break;
      case "+": case "=": act.faster(); break;
      case "-": case "_": act.slower(); break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
  }

  // ---- redrawing the HTML side ----

  function consoleText(d, s) {
    el.console.textContent = "";
    if (d && d.output) el.console.append(document.createTextNode(d.output));
    const atEnd = s && s.events > 0 && s.event === s.events - 1;
    if (atEnd && runInfo && runInfo.exitCode !== 0 && runInfo.stderr) {
      const span = document.createElement("span");
      span.className = "err";
      span.textContent = runInfo.stderr;
      el.console.append(span);
    } else if (d && d.err) {
      const span = document.createElement("span");
      span.className = "err";
      span.textContent = d.err + "\n";
      el.console.append(span);
    }
    if (lastError) {
      const span = document.createElement("span");
      span.className = "err";
      span.textContent = (el.console.textContent ? "\n" : "") + lastError.text + "\n";
      el.console.append(span);
      if (playingSource) {
        const note = document.createElement("span");
        note.className = "note";
        note.textContent = "(the stage keeps the previous run until the edited scene runs)\n";
        el.console.append(note);
      }
    }
    el.console.scrollTop = el.console.scrollHeight;
  }

  function tick() {
    requestAnimationFrame(tick);
    render();
  }

  // render brings the HTML side up to date with the module: every frame,
  // and at once after an action, so the page never lags a click.
  function render() {
    if (!mod) return;
    let s;
    try {
      s = mod.state();
    } catch (e) {
      die("The simulator stopped answering: " + e);
      return;
    }
    const playing = !!s.playing;
    if (el.play.dataset.playing !== String(playing)) {
      el.play.dataset.playing = String(playing);
      el.play.setAttribute("aria-label", playing ? "Pause" : "Play");
      el.play.title = playing ? "Pause (Space)" : "Play (Space)";
      el.play.querySelector("use").setAttribute("href", playing ? "#i-pause" : "#i-play");
    }
    const max = Math.max(0, s.events - 1);
    if (el.timeline.max !== String(max)) el.timeline.max = String(max);
    if (el.timeline.value !== String(s.event)) el.timeline.value = String(s.event);
    el.timeline.disabled = s.events === 0;
    if (document.activeElement !== el.speed && el.speed.value !== fmtSpeed(s.speed)) el.speed.value = fmtSpeed(s.speed);
    const pos = s.events ? "event " + (s.event + 1) + " / " + s.events + " · " + s.time.toFixed(3) + " s" : "no events";
    if (el.position.textContent !== pos) el.position.textContent = pos;
    if (s.crash) die(s.crash);
    if (timings.firstFrame === null && s.frames > 0) timings.firstFrame = performance.now();
    if (!dirty && s.event === lastEvent && s.events === lastEvents) return;
    dirty = false;
    lastEvent = s.event;
    lastEvents = s.events;
    let d;
    try {
      d = mod.detail();
    } catch (e) {
      die("The simulator failed: " + (e.message || e));
      return;
    }
    consoleText(d, s);
    renderMarks(d.taskLines);
    followTask(d.taskLines);
    eventConcept = d.concept || "";
    light(eventConcept);
  }

  function die(msg) {
    if (fatal) return;
    fatal = msg;
    el.loading.classList.remove("done");
    el.loading.classList.add("failed");
    el.loadingText.textContent = msg + "\nReload the page to start again.";
    el.progress.hidden = true;
  }

  // ---- the module's side ----

  window.loopscopeProgress = (got, total) => {
    const pct = total > 0 ? Math.min(100, (100 * got) / total) : 0;
    el.progressFill.style.width = pct.toFixed(1) + "%";
    el.progress.setAttribute("aria-valuenow", pct.toFixed(0));
    el.loadingText.textContent = "Loading the simulator… " + (got / 1e6).toFixed(1) + (total ? " / " + (total / 1e6).toFixed(1) : "") + " MB";
  };
  window.loopscopeLoaded = () => {
    timings.moduleLoaded = performance.now();
    el.loadingText.textContent = "Starting the simulator…";
  };
  window.loopscopeFatal = (msg) => die(msg);
  window.loopscopeKey = onKey;
  // guard wraps the module's functions: a Go panic comes back as
  // {panic: message} and is thrown here as an Error.
  function guard(m) {
    const g = {};
    for (const name of Object.keys(m)) {
      g[name] = (...args) => {
        const r = m[name](...args);
        if (r && typeof r === "object" && typeof r.panic === "string") throw new Error(r.panic);
        return r;
      };
    }
    return g;
  }

  window.loopscopeModuleReady = (m) => {
    mod = guard(m);
    timings.moduleReady = performance.now();
    el.loading.classList.add("done");
    // The notes shown as plain text until now: render them.
    if (notesShown === "plain") {
      showNotes();
      el.notes.scrollTop = 0;
    }
    const p = pending;
    pending = null;
    if (p) p();
    dirty = true;
  };

  // ---- a new pixel ratio ----

  // Ebiten reads the device pixel ratio once, when the module starts, and
  // sizes its canvas by it for good. When the ratio changes (browser zoom,
  // a window moved to another screen) the stage would be scaled and
  // blurred, so the stage frame is started again at the new ratio, playing
  // the same source from the same event at the same speed.
  let restarts = 0;
  function watchPixelRatio() {
    const q = matchMedia("(resolution: " + devicePixelRatio + "dppx)");
    q.addEventListener("change", () => {
      watchPixelRatio();
      restartStage();
    }, { once: true });
  }
  function restartStage() {
    if (!mod || fatal) return; // still loading: it starts at the new ratio
    const st = mod.state();
    const source = playingSource, err = lastError;
    mod = null;
    restarts++;
    el.loading.classList.remove("done");
    el.loadingText.textContent = "Redrawing the stage for the new pixel ratio…";
    pending = () => {
      if (source) {
        run(source, { speed: st.speed });
        mod.seek(st.event);
        if (st.playing) mod.play();
      }
      if (err) showError(err);
    };
    el.frame.contentWindow.location.reload();
  }
  watchPixelRatio();

  // ---- wiring ----

  el.scene.addEventListener("change", () => load(el.scene.value));
  el.play.addEventListener("click", () => act.toggle());
  el.back.addEventListener("click", () => act.step(-1));
  el.fwd.addEventListener("click", () => act.step(1));
  el.toStart.addEventListener("click", () => act.seek(0));
  el.toEnd.addEventListener("click", () => act.toEnd());
  el.faster.addEventListener("click", () => act.faster());
  el.slower.addEventListener("click", () => act.slower());
  el.speed.addEventListener("change", () => {
    const x = parseFloat(el.speed.value);
    if (isFinite(x) && x > 0) act.setSpeed(x);
    el.speed.value = fmtSpeed(mod ? mod.state().speed : clampSpeed(x) || 1);
  });
  el.speed.addEventListener("keydown", (e) => { if (e.key === "Enter") el.speed.blur(); });
  el.run.addEventListener("click", () => runEdited());
  el.lang.addEventListener("click", () => setLang(lang === "en" ? "ko" : "en"));
  el.timeline.addEventListener("input", () => act.seek(Number(el.timeline.value)));
  el.code.addEventListener("input", () => { updateGutter(); setEdited(); renderMarks([]); dirty = true; });
  el.code.addEventListener("scroll", syncScroll);
  el.code.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
      // Indent with four spaces, as Python wants; Escape then Tab leaves the editor.
      if (el.code.dataset.escaped === "1") { el.code.dataset.escaped = ""; return; }
      e.preventDefault();
      document.execCommand("insertText", false, "    ");
    } else if (e.key === "Escape") {
      el.code.dataset.escaped = "1";
    } else {
      el.code.dataset.escaped = "";
    }
  });
  document.addEventListener("keydown", onKey);
  // A new layout reflows the notes: bring the lit section back into view.
  new ResizeObserver(() => showLit("auto")).observe(el.notes);
  addEventListener("hashchange", () => {
    const id = location.hash.slice(1);
    if (id !== sceneId && sceneById(id)) load(id);
  });

  window.loopscope = {
    state() {
      const s = mod ? mod.state() : null;
      const err = lastError ? lastError.text : fatal || (s && s.crash) || null;
      return {
        ready: !!mod, scene: sceneId, edited: !el.edited.hidden, restarts,
        event: s ? s.event : 0, events: s ? s.events : 0, playing: s ? !!s.playing : false,
        speed: s ? s.speed : Number(el.speed.value), time: s ? s.time : 0,
        concept: eventConcept, lit: litConcept, error: err, lang, notes: notesShown, frames: s ? s.frames : 0, ticks: s ? s.ticks : 0,
      };
    },
    play: () => act.play(),
    pause: () => act.pause(),
    step: (n) => act.step(n),
    seek: (i) => act.seek(i),
    setSpeed: (x) => act.setSpeed(x),
    setLang: (l) => setLang(l),
    load: (id) => load(id),
    run: (source) => { el.code.value = String(source); updateGutter(); return runEdited(); },
    timings: () => Object.assign({}, timings),
    scenes: () => scenes.map((s) => ({ id: s.id, title: s.titles[lang] || s.titles.en })),
  };

  setLang(lang);
  const first = sceneById(location.hash.slice(1)) || scenes[0];
  if (first) load(first.id);
  el.frame.src = "stage.html?v=" + encodeURIComponent(data.build.hash.slice(0, 16)) + "&size=" + data.build.wasmSize;
  requestAnimationFrame(tick);
})();
