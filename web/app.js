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
  const EMBED = document.documentElement.classList.contains("embed"); // index.html?embed: see the embed section

  const el = {
    scene: $("scene"), play: $("play"), back: $("back"), fwd: $("fwd"),
    toStart: $("to-start"), toEnd: $("to-end"), speed: $("speed"),
    live: $("caption-live"), transcript: $("transcript"), transcriptOpen: $("transcript-open"), transcriptText: $("transcript-text"),
    transcriptRange: $("transcript-range"), transcriptCopy: $("transcript-copy"), transcriptCopied: $("transcript-copied"),
    transcriptClose: $("transcript-close"), transcriptEarlier: $("transcript-earlier"), transcriptLater: $("transcript-later"),
    slower: $("slower"), faster: $("faster"), run: $("run"), stop: $("stop"), lang: $("lang"),
    code: $("code"), gutter: $("gutter"), marks: $("marks"), paint: $("paint"), tags: $("tags"), editor: $("editor"), edited: $("edited"),
    errorBar: $("error-bar"), mistakes: $("mistakes"), console: $("console"), notes: $("notes"),
    notesConcept: $("notes-concept"), timeline: $("timeline"),
    position: $("position"), frame: $("stage"), loading: $("loading"),
    loadingText: $("loading-text"), progress: $("progress"), progressFill: $("progress-fill"),
    layout: $("layout"), tabs: [...document.querySelectorAll(".tabs [role=tab]")],
    runVeil: $("run-veil"), runProgress: $("run-progress"),
  };

  let mod = null;           // the module's API, once it is ready
  let fatal = null;         // why the module is gone, if it is
  let sceneId = null;       // the scene on screen (its built-in id)
  let playingSource = "";   // the source the module is playing
  let runInfo = null;       // the run on stage: {exitCode, stderr, stop}
  let running = null;       // the run in progress: {queue}
  let lastError = null;     // the last failed run: {line, col, msg, text}
  const NO_MISTAKES = [];
  let mistakes = NO_MISTAKES; // the playing run's mistakes: {kind, line, col, endCol, event, notes, arg}
  let mistakeOpen = -1;       // the one whose notes section is open under the editor
  let pending = null;       // what to do once the module is ready
  let lastEvent = -2, lastEvents = -1, dirty = true;
  let litSection = "";      // the id of the notes section lit
  let notesLoading = false; // a scene is loading: its run is not on the stage yet
  let notesShown = "";      // what the notes region holds: "html", or "" for nothing
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

  // ---- words: every word the page shows, in English and Korean ----
  //
  // Each message has a key and both languages; {name} in a message is
  // filled from t's args. Static markup names its keys in data attributes:
  // data-t (the text), data-t-title (the tooltip), data-t-aria (an
  // aria-label that is not part of the scripting API: the controls' API
  // names, "Play", "Run", "Stop"..., stay English in both languages) and
  // data-t-placeholder. applyWords fills them, and the document's title and
  // lang, whenever the language changes; code that writes words of its own
  // registers a redraw with onLang.
  const MESSAGES = new Map();
  const langHooks = [];

  // defineMessages adds {key: {en, ko}} to the table. A key defined twice,
  // or a message missing a language, is a bug: it throws at load.
  function defineMessages(table) {
    for (const key of Object.keys(table)) {
      const m = table[key];
      if (MESSAGES.has(key)) throw new Error("loopscope: message " + key + " defined twice");
      if (typeof m.en !== "string" || typeof m.ko !== "string") throw new Error("loopscope: message " + key + " needs en and ko");
      MESSAGES.set(key, m);
    }
  }

  // t is the message key in the current language, its {name}s filled from
  // args. An unknown key shows as itself, and is logged.
  function t(key, args) {
    const m = MESSAGES.get(key);
    if (!m) {
      console.error("loopscope: no message " + key);
      return key;
    }
    return m[lang].replace(/\{(\w+)\}/g, (all, name) => (args && args[name] !== undefined ? String(args[name]) : all));
  }

  // onLang registers fn to run after every language change (and once at
  // start, when the first language is set).
  function onLang(fn) { langHooks.push(fn); }

  // applyWords puts the current language's words in the static markup.
  function applyWords(root) {
    root = root || document;
    for (const e of root.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
    for (const e of root.querySelectorAll("[data-t-title]")) e.title = t(e.dataset.tTitle);
    for (const e of root.querySelectorAll("[data-t-aria]")) e.setAttribute("aria-label", t(e.dataset.tAria));
    for (const e of root.querySelectorAll("[data-t-placeholder]")) e.placeholder = t(e.dataset.tPlaceholder);
    if (root === document) {
      document.documentElement.lang = lang;
      document.title = t("doc.title");
      const desc = document.querySelector('meta[name="description"]');
      if (desc) desc.content = t("doc.description");
    }
  }

  defineMessages({
    "doc.title": { en: "loopscope: watch Python's asyncio run", ko: "loopscope: 파이썬 asyncio가 도는 모습 보기" },
    "doc.description": {
      en: "A playground that shows Python's asyncio event loop running, step by step, with study notes in English and Korean.",
      ko: "파이썬 asyncio 이벤트 루프가 도는 모습을 한 단계씩 보여 주는 놀이터입니다. 영어와 한국어 학습 노트가 함께 있습니다.",
    },
    "bar.label": { en: "Playback", ko: "재생" },
    "scene.label": { en: "Scene", ko: "장면" },
    "start.title": { en: "To start (Home)", ko: "처음으로 (Home)" },
    "back.title": { en: "Step back (←)", ko: "한 단계 뒤로 (←)" },
    "play.title": { en: "Play (Space)", ko: "재생 (Space)" },
    "pause.title": { en: "Pause (Space)", ko: "일시 정지 (Space)" },
    "fwd.title": { en: "Step forward (→)", ko: "한 단계 앞으로 (→)" },
    "end.title": { en: "To end (End)", ko: "끝으로 (End)" },
    "slower.title": { en: "Slower (−)", ko: "느리게 (−)" },
    "faster.title": { en: "Faster (+)", ko: "빠르게 (+)" },
    "speed.label": { en: "Speed", ko: "속도" },
    "run.label": { en: "Run", ko: "실행" },
    "run.title": { en: "Run the edited scene (Ctrl+Enter)", ko: "수정한 장면 실행 (Ctrl+Enter)" },
    "lang.title": { en: "Language: English (click for Korean)", ko: "언어: 한국어 (누르면 영어로 바뀝니다)" },
    "pane.code": { en: "Code", ko: "코드" },
    "pane.console": { en: "Console", ko: "콘솔" },
    "pane.stage": { en: "Stage", ko: "무대" },
    "pane.notes": { en: "Notes", ko: "노트" },
    "tabs.label": { en: "Panes", ko: "화면 전환" },
    "tab.alert": { en: "{pane}: the last run's error is shown here", ko: "{pane}: 마지막 실행의 오류를 여기서 볼 수 있습니다" },
    "code.label": { en: "Code editor", ko: "코드 편집기" },
    "code.help": { en: "Tab indents by four spaces. To leave the editor, press Esc, then Tab. Ctrl+Enter runs the code.", ko: "Tab 키는 네 칸 들여 씁니다. 편집기에서 나가려면 Esc를 누른 다음 Tab을 누르세요. Ctrl+Enter로 코드를 실행합니다." },
    "edited": { en: "edited", ko: "수정됨" },
    "edited.title": { en: "The code differs from the scene as written", ko: "코드가 원래 장면과 다릅니다" },
    "stage.title": { en: "Stage: the event loop, animated", ko: "무대: 움직이는 이벤트 루프" },
    "loading": { en: "Loading the simulator…", ko: "시뮬레이터를 불러오는 중…" },
    "loading.label": { en: "Loading", ko: "불러오는 중" },
    "loading.progress": { en: "Loading the simulator… {got} MB", ko: "시뮬레이터를 불러오는 중… {got} MB" },
    "loading.progress.total": { en: "Loading the simulator… {got} / {total} MB", ko: "시뮬레이터를 불러오는 중… {got} / {total} MB" },
    "loading.starting": { en: "Starting the simulator…", ko: "시뮬레이터를 시작하는 중…" },
    "loading.redraw": { en: "Redrawing the stage for the new pixel ratio…", ko: "바뀐 화면 배율에 맞춰 무대를 다시 그리는 중…" },
    "position": { en: "event {n} / {total} · {time} s", ko: "이벤트 {n} / {total} · {time}초" },
    "position.none": { en: "no events", ko: "이벤트 없음" },
    "console.keeps": { en: "(the stage keeps the previous run until the edited scene runs)", ko: "(수정한 장면이 실행될 때까지 무대는 이전 실행을 보여 줍니다)" },
    "scene.missing": { en: "There is no scene {id}.", ko: "{id} 장면이 없습니다." },
    "fatal.reload": { en: "Reload the page to start again.", ko: "페이지를 새로 고쳐 다시 시작하세요." },
    "fatal.answer": { en: "The simulator stopped answering: {error}", ko: "시뮬레이터가 응답하지 않습니다: {error}" },
    "fatal.failed": { en: "The simulator failed: {error}", ko: "시뮬레이터에 문제가 생겼습니다: {error}" },
    "fatal.stopped": { en: "The simulator stopped.", ko: "시뮬레이터가 멈췄습니다." },
    "fatal.crashed": { en: "The simulator crashed: {error}", ko: "시뮬레이터가 비정상 종료되었습니다: {error}" },
    "fatal.load": { en: "Could not load the simulator: {error}", ko: "시뮬레이터를 불러오지 못했습니다: {error}" },
    "fatal.stage": { en: "The stage failed: {error}", ko: "무대를 그리다 문제가 생겼습니다: {error}" },
    // What a refused or stopped run means, said before the engine's own
    // (CPython's) English words. English needs no such sentence: "" is none.
    "err.expected": { en: "", ko: "문법 오류: {line}번째 줄 {col}번째 칸에 '{token}' 기호가 필요합니다." },
    "err.syntax": { en: "", ko: "문법 오류: {line}번째 줄 {col}번째 칸의 문법이 올바르지 않습니다." },
    "err.comma": { en: "", ko: "문법 오류: {line}번째 줄 {col}번째 칸 근처에 쉼표(,)가 빠진 것 같습니다." },
    "err.equals": { en: "", ko: "문법 오류: {line}번째 줄 {col}번째 칸에는 대입(=)을 쓸 수 없습니다. 비교라면 '=='를 쓰세요." },
    "err.indent.unexpected": { en: "", ko: "들여쓰기 오류: {line}번째 줄이 필요 없이 들여쓰여 있습니다." },
    "err.indent.expected": { en: "", ko: "들여쓰기 오류: {after}번째 줄의 문장 다음에는 들여쓴 블록이 와야 하는데, {line}번째 줄이 들여쓰여 있지 않습니다." },
    "err.indent.unindent": { en: "", ko: "들여쓰기 오류: {line}번째 줄의 들여쓰기가 바깥 블록 어느 것과도 맞지 않습니다." },
    "err.indent.tabs": { en: "", ko: "들여쓰기 오류: {line}번째 줄의 들여쓰기에 탭과 공백이 섞여 있습니다." },
    "err.string": { en: "", ko: "문법 오류: {line}번째 줄에서 시작한 문자열이 닫히지 않았습니다." },
    "err.unclosed": { en: "", ko: "문법 오류: {line}번째 줄 {col}번째 칸에서 연 괄호 '{token}' 기호가 닫히지 않았습니다." },
    "err.unmatched": { en: "", ko: "문법 오류: {line}번째 줄 {col}번째 칸의 닫는 괄호 '{token}' 기호에 짝이 되는 여는 괄호가 없습니다." },
    "err.mismatch": { en: "", ko: "문법 오류: {line}번째 줄 {col}번째 칸의 닫는 괄호 '{token}' 기호가 여는 괄호 '{open}' 기호와 짝이 맞지 않습니다." },
    "err.eof": { en: "", ko: "문법 오류: 코드가 도중에 끝났습니다. 닫지 않은 괄호나 비어 있는 블록이 있는지 보세요." },
    "err.unsupported": { en: "", ko: "이 놀이터는 {line}번째 줄 {col}번째 칸에 쓴 기능을 지원하지 않습니다." },
    "err.refused": { en: "", ko: "실행하기 전에 {line}번째 줄 {col}번째 칸에서 문제를 찾았습니다." },
    "err.refused.nowhere": { en: "", ko: "실행하기 전에 코드에서 문제를 찾았습니다." },
    "err.internal": { en: "", ko: "시뮬레이터 내부 오류입니다." },
    "end.uncaught": { en: "", ko: "처리되지 않은 예외 {exc} 때문에 장면이 끝났습니다. 아래는 파이썬의 메시지입니다." },
    "end.uncaught.plain": { en: "", ko: "장면이 오류와 함께 끝났습니다. 아래는 파이썬의 메시지입니다." },
  });

  // endSentence says, in the current language, how a run that played
  // ended when it raised (none in English: the console's traceback is
  // already in English). A stopped run is said by stopText.
  function endSentence(info) {
    if (info.exitCode !== 1) return "";
    const last = info.stderr.trimEnd().split("\n").pop();
    const m = /Traceback/.test(info.stderr) && /^([A-Za-z_][\w.]*)(:|$)/.exec(last || "");
    return m ? t("end.uncaught", { exc: m[1] }) : t("end.uncaught.plain");
  }

  // SYNTAX_SAID picks the Korean sentence for a refused scene by the
  // engine's (CPython's) message: [pattern, key, names of its groups].
  const SYNTAX_SAID = [
    [/^expected '([^']+)'$/, "err.expected", "token"],
    [/^invalid syntax\. Perhaps you forgot a comma\?$/, "err.comma"],
    [/Maybe you meant '==' (or ':=' )?instead of '='\?$/, "err.equals"],
    [/^invalid syntax$/, "err.syntax"],
    [/^unexpected indent$/, "err.indent.unexpected"],
    [/^expected an indented block after .* on line (\d+)$/, "err.indent.expected", "after"],
    [/^unindent does not match any outer indentation level$/, "err.indent.unindent"],
    [/^inconsistent use of tabs and spaces in indentation$/, "err.indent.tabs"],
    [/^unterminated (triple-quoted )?string literal/, "err.string"],
    [/^'(.)' was never closed$/, "err.unclosed", "token"],
    [/^unmatched '(.)'$/, "err.unmatched", "token"],
    [/^closing parenthesis '(.)' does not match opening parenthesis '(.)'/, "err.mismatch", "token", "open"],
    [/^unexpected EOF while parsing$/, "err.eof"],
    [/(is|are) not supported in scenes/, "err.unsupported"],
  ];

  // errorText is a failed run's message as the page shows it: a sentence in
  // the current language saying what happened (none in English, whose
  // words the engine's message already is), then the engine's message.
  function errorText(err) {
    if (!err) return "";
    const at = { line: err.line, col: err.col };
    let key = "";
    if (err.kind === "syntax") {
      key = err.line > 0 ? "err.refused" : "err.refused.nowhere";
      for (const [re, k, ...names] of SYNTAX_SAID) {
        const m = re.exec(err.msg || "");
        if (!m) continue;
        key = k;
        names.forEach((name, i) => { at[name] = m[i + 1]; });
        break;
      }
    } else if (err.kind === "internal") {
      key = "err.internal";
    }
    const said = key ? t(key, at) : "";
    return said ? said + "\n" + err.text : err.text;
  }

  const sceneById = (id) => scenes.find((s) => s.id === id) || null;
  // A scene's title in the page's language, or in the one it is written
  // in (a teacher's scene may have notes, and so a title, in one only).
  const sceneTitle = (s) => s.titles[lang] || s.titles.en || s.titles.ko || s.id;
  const clampSpeed = (x) => Math.min(MAX_SPEED, Math.max(MIN_SPEED, x));
  const fmtSpeed = (x) => String(Math.round(x * 100) / 100);

  // ---- scene picker and notes ----

  // A teacher's own scenes (build -scenes) come after the built-in ones,
  // in a group of their own ("Course"); a site without any has no groups.
  function fillScenes() {
    el.scene.textContent = "";
    let groups = null;
    if (scenes.some((s) => s.course)) {
      groups = ["course.builtin", "course.group"].map((key) => {
        const g = document.createElement("optgroup");
        g.label = t(key);
        el.scene.append(g);
        return g;
      });
    }
    for (const s of scenes) {
      const o = document.createElement("option");
      o.value = s.id;
      o.textContent = s.id.slice(0, 2) + " · " + sceneTitle(s);
      (groups ? groups[s.course ? 1 : 0] : el.scene).append(o);
    }
    if (sceneId) el.scene.value = sceneId;
  }

  // ---- the notes ----
  //
  // The site renders each scene's notes when it is built: HTML, and for
  // each section the event of the scene's run it starts at (its {when: ...}
  // rule, see scenes/notes). At every event the lit section is the one that
  // started last; before the first, the introduction. That holds while the
  // stage plays the built-in scene: after an edit the notes say, at their
  // top, that they describe the original scene, and once the edit runs no
  // section is lit, since its lines and moments are not the original's.

  defineMessages({
    "notes.only.en": { en: "This scene's notes are written in English only.", ko: "이 장면의 노트는 영어로만 쓰여 있습니다." },
    "notes.only.ko": { en: "This scene's notes are written in Korean only.", ko: "이 장면의 노트는 한국어로만 쓰여 있습니다." },
    "course.builtin": { en: "loopscope's scenes", ko: "loopscope 기본 장면" },
    "course.group": { en: "Course", ko: "강의" },
    "notes.edited": {
      en: "You have edited the scene: these notes describe the original scene, which the stage plays until you run your version.",
      ko: "장면을 고쳤습니다. 이 노트는 원래 장면을 설명합니다. 고친 코드를 실행하기 전까지 무대는 원래 장면을 보여 줍니다.",
    },
    "notes.editedRun": {
      en: "These notes describe the original scene, not your edited version: no section is lit, because the stage no longer plays what they explain.",
      ko: "이 노트는 고친 코드가 아니라 원래 장면을 설명합니다. 무대가 이제 노트가 설명하는 장면을 보여 주지 않으므로, 노트의 어느 부분도 강조하지 않습니다.",
    },
  });

  // notesLang is the language of the notes shown: the page's, or when
  // the scene has none in it (a teacher's may be in one language only),
  // the one they are written in.
  function notesLang() {
    const s = sceneById(sceneId);
    if (!s || s.notes[lang]) return lang;
    return ["en", "ko"].find((l) => s.notes[l]) || lang;
  }

  // notesOf is the notes of the scene on screen in notesLang.
  function notesOf() {
    const s = sceneById(sceneId);
    return s ? s.notes[notesLang()] || null : null;
  }

  // showNotes fills the notes region with the notes of the scene on screen
  // in the current language (raw HTML in the markdown was dropped when the
  // site was built, so the HTML goes in as it comes). They need no module:
  // the page shows them while it loads, and if it never does.
  function showNotes() {
    const n = notesOf();
    el.notes.lang = notesLang();
    if (n) el.notes.innerHTML = n.html;
    else el.notes.textContent = "";
    if (n && notesLang() !== lang) {
      // Said in the page's language, over notes in the other.
      const only = document.createElement("p");
      only.className = "notes-lang";
      only.lang = lang;
      only.setAttribute("role", "note");
      only.textContent = t("notes.only." + notesLang());
      el.notes.prepend(only);
    }
    const note = document.createElement("p");
    note.className = "notes-edited";
    note.setAttribute("role", "note");
    el.notes.prepend(note);
    notesShown = n ? "html" : "";
    el.notes.dataset.shown = notesShown;
    litSection = "";
    showEditedNote();
    lightNotes(mod ? mod.state() : null);
    dirty = true;
  }

  // notesFollow reports whether the notes follow the stage: it plays the
  // built-in scene, as many events long as when the site was built.
  function notesFollow(st) {
    const s = sceneById(sceneId);
    return !!s && playingSource === s.source && (!st || st.events === s.events);
  }

  // playsEdit reports whether the stage plays an edited scene: a source
  // that is no built-in scene's. Not while a scene loads, though (the
  // stage may still play the one before, edited or not, until the new
  // run ends), unless the learner has since edited and run the code.
  function playsEdit() {
    const s = sceneById(sceneId);
    if (notesLoading && s && el.code.value === s.source) return false;
    return !!mod && !!playingSource && !scenes.some((x) => x.source === playingSource);
  }

  // showEditedNote says, at the top of the notes, that they describe the
  // original scene when the editor or the stage holds an edited one.
  function showEditedNote() {
    const note = el.notes.querySelector(".notes-edited");
    const s = sceneById(sceneId);
    if (!note || !s) return;
    const key = playsEdit() ? "notes.editedRun" : el.code.value !== s.source ? "notes.edited" : "";
    note.hidden = !key;
    note.dataset.key = key;
    note.textContent = key ? t(key) : "";
  }

  // sectionAt is the id of the section lit at event: the one that started
  // last at or before it (the later in the notes on a tie), as
  // notes.Lit does.
  function sectionAt(sections, event) {
    let lit = null;
    for (const sec of sections) {
      if (sec.start >= 0 && sec.start <= event && (!lit || sec.start >= lit.start)) lit = sec;
    }
    return lit ? lit.id : "";
  }

  // lightNotes lights the section that explains the event on screen (st is
  // the module's state, or null before it is ready) and scrolls the notes
  // to it: the introduction until the scene's run is on the stage, and no
  // section while an edited scene plays.
  function lightNotes(st) {
    const n = notesOf();
    let id = "";
    const follow = n && st && notesFollow(st);
    if (follow) id = sectionAt(n.sections, st.event);
    else if (n && !playsEdit()) id = n.sections.length ? n.sections[0].id : ""; // before the module, or while the scene loads
    if (id === litSection) return;
    for (const old of el.notes.querySelectorAll(".note-section.lit")) old.classList.remove("lit");
    litSection = id;
    const sec = id ? el.notes.querySelector('.note-section[data-section="' + CSS.escape(id) + '"]') : null;
    if (!sec) {
      el.notesConcept.textContent = "";
      return;
    }
    sec.classList.add("lit");
    // The section's heading, in the notes' language (the id is a name).
    const h = sec.querySelector("h2, h3") || sec.querySelector("h1");
    el.notesConcept.textContent = h && !sec.classList.contains("note-intro") ? h.textContent : "";
    showLit(matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth");
  }

  // showLit scrolls the notes so the lit section is in view, if it is not:
  // its top just under the note about an edit, if that shows.
  function showLit(behavior) {
    const sec = el.notes.querySelector(".note-section.lit");
    if (!sec) return;
    const note = el.notes.querySelector(".notes-edited");
    const cover = note && !note.hidden ? note.offsetHeight : 0;
    const top = sec.classList.contains("note-intro") ? 0 : sec.offsetTop - el.notes.offsetTop - 8 - cover;
    if (top < el.notes.scrollTop || top + Math.min(sec.offsetHeight, el.notes.clientHeight - cover) > el.notes.scrollTop + el.notes.clientHeight) {
      el.notes.scrollTo({ top: Math.max(0, top), behavior });
    }
  }

  onLang(() => showEditedNote());

  onLang(() => { dirty = true; }); // the error bar: showErrorBar redraws it

  function setLang(l) {
    lang = l === "ko" ? "ko" : "en";
    try { localStorage.setItem("loopscope.lang", lang); } catch (e) { /* ignore */ }
    for (const span of el.lang.querySelectorAll("span")) span.classList.toggle("on", span.dataset.lang === lang);
    applyWords(document);
    if (mod && !fatal) mod.setLang(lang); // the stage's captions and labels
    fillScenes();
    showNotes();
    for (const fn of langHooks) fn(lang);
  }

  // ---- the panes on a phone ----

  // A narrow screen shows one pane at a time, under a row of tabs: stage,
  // notes, code and console are each one tap away. (On a wide screen the
  // tabs are hidden and every pane shows.) The others stay laid out, only
  // invisible, so the stage keeps its size and the notes their scroll.
  function showTab(name) {
    el.layout.dataset.tab = name;
    for (const b of el.tabs) b.setAttribute("aria-selected", String(b.dataset.tab === name));
    if (name === "notes") showLit("auto");
  }

  // tabsShown reports whether the page shows one pane at a time (a phone).
  // An embedded page narrower than 900 px shows one pane at a time too,
  // through its Code and Console toggles (the embed section).
  const tabsShown = () => EMBED ? !matchMedia("(min-width: 900px)").matches : getComputedStyle(el.tabs[0].parentElement).display !== "none";

  // markCodeTab flags the code tab while a refused run's error shows there.
  function markCodeTab() {
    const b = $("tab-code");
    b.classList.toggle("alert", !!lastError);
    if (lastError) b.title = t("tab.alert", { pane: t("pane.code") });
    else b.removeAttribute("title");
  }

  // ---- the editor ----
  //
  // The editor is a textarea over two layers that scroll with it: #paint,
  // the same source coloured by the module's own Python scanner
  // (mod.tokens), and under it #marks, a strip on the line each live task
  // is on and on an error's line. Once #paint holds the text, the
  // textarea's own letters are transparent: what shows is the coloured
  // copy, and the caret and the selection are the textarea's. Beside them
  // #tags (the live tasks' names, one entry a line, in a lane of their own
  // so they never cover code) and #gutter (line numbers) follow its
  // vertical scroll. Long lines scroll sideways; the error's column is
  // marked in #paint, where the letters are.

  defineMessages({
    "editor.tags": { en: "Tasks and the line each is on", ko: "태스크와 각 태스크가 있는 줄" },
    "editor.tag": { en: "Task {name} is on line {line}", ko: "{name} 태스크는 {line}번째 줄에 있습니다" },
    "editor.stack": { en: "{n} tasks are on line {line}: {names}", ko: "{line}번째 줄에 태스크 {n}개가 있습니다: {names}" },
    "editor.more": { en: "and {n} more", ko: "외 {n}개" },
    "editor.goto": { en: "Line {line}, column {col}", ko: "{line}번째 줄 {col}번째 칸" },
    "editor.goto.line": { en: "Line {line}", ko: "{line}번째 줄" },
    "editor.goto.title": { en: "Show it in the editor", ko: "편집기에서 보기" },
    "editor.syntax": { en: "Python cannot read the code here:", ko: "파이썬이 코드를 읽을 수 없는 곳:" },
    "editor.unsupported": { en: "Python that this playground does not run, here:", ko: "이 놀이터에서 실행할 수 없는 파이썬 코드가 있는 곳:" },
    "editor.uncaught": { en: "The scene ended with an exception nobody caught, raised here:", ko: "아무도 잡지 않은 예외로 장면이 끝났습니다. 예외가 일어난 곳:" },
    "editor.stopped": { en: "The run was stopped here:", ko: "실행이 멈춘 곳:" },
  });

  // The module's colour numbers (syntax.Color) as class names.
  const PAINT_CLASSES = ["", "t-kw", "t-async", "t-const", "t-str", "t-num", "t-com", "t-def", "t-deco", "t-builtin"];
  const TAG_NAMES_SHOWN = 24; // an expanded stack lists this many names, then a count

  const paint = { inner: null, html: [], source: null, mark: null, spans: null, colored: false, timer: 0 };
  const PAINT_PAUSE_MS = 150; // typing paused this long: colour the file again
  let gutterLines = 0;
  let lastTaskLines = [];
  let shownMark = null;      // the error marked in the editor: {kind, line, col, endCol, text, err}
  let runEnd = null;         // how the playing run ended, if badly: marked when playback is at its end

  // The textarea's line height and top padding, read once per layout
  // (reading styles on every keystroke would force a style pass).
  let metrics = null;
  function measure() {
    const cs = getComputedStyle(el.code);
    metrics = { lh: parseFloat(cs.lineHeight) || 20, top: parseFloat(cs.paddingTop) || 6 };
    return metrics;
  }
  const lineHeight = () => (metrics || measure()).lh;
  const padTop = () => (metrics || measure()).top;
  addEventListener("resize", () => { metrics = null; marksKey = ""; renderMarks(lastTaskLines); });
  let scrolled = { x: 0, y: 0 }; // the textarea's scroll, as the last scroll event left it
  let marksKey = "";              // what renderMarks drew last
  let gutterErr = 0;              // the line number marked in the gutter
  let gutterWarn = null;          // the mistakes marked in the gutter, and in which language
  const escapeHTML = (s) => s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));

  // cpToIndex turns a 1-based column in characters (code points, as Python
  // counts them) into an index in the JavaScript string s (UTF-16).
  function cpToIndex(s, col) {
    let i = 0;
    for (let c = 1; c < col && i < s.length; c++) {
      const u = s.charCodeAt(i);
      i += u >= 0xd800 && u < 0xdc00 && i + 1 < s.length ? 2 : 1;
    }
    return i + Math.max(0, col - 1 - cpLength(s.slice(0, i)));
  }
  function cpLength(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      if (!(u >= 0xdc00 && u < 0xe000 && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) < 0xdc00)) n++;
    }
    return n;
  }

  // editorTokens is the module's colouring of src (a Uint32Array of
  // start, end, colour triples), or null while the module is not there.
  function editorTokens(src) {
    if (!mod || !mod.tokens) return null;
    try {
      const spans = mod.tokens(src);
      return spans && typeof spans.length === "number" ? spans : null;
    } catch (e) {
      return null;
    }
  }

  // paintLine is one line's HTML: the coloured spans that cross
  // [from, from + text.length), the error's columns [ma, mb) wrapped in
  // .err-col (past the end of the line: a marked space after it), and a
  // mistake's columns [wa, wb) in .warn-col.
  function paintLine(text, from, spans, si, ma, mb, wa, wb) {
    const out = [];
    const piece = (a, b, cls) => {
      const cuts = [a];
      for (const c of [ma, mb, wa, wb]) if (c > a && c < b && !cuts.includes(c)) cuts.push(c);
      cuts.sort((p, q) => p - q).push(b);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const x = cuts[i], y = cuts[i + 1];
        let c = x >= ma && y <= mb ? (cls ? cls + " err-col" : "err-col") : cls;
        if (x >= wa && y <= wb) c = c ? c + " warn-col" : "warn-col";
        const s = escapeHTML(text.slice(x, y));
        out.push(c ? '<span class="' + c + '">' + s + "</span>" : s);
      }
    };
    let at = 0;
    const end = from + text.length;
    if (spans) {
      for (let i = si; i < spans.length; i += 3) {
        const a = spans[i] - from, b = spans[i + 1] - from;
        if (spans[i] >= end) break;
        if (b <= 0) continue;
        const x = Math.max(0, a), y = Math.min(text.length, b);
        if (x > at) piece(at, x, "");
        piece(x, y, PAINT_CLASSES[spans[i + 2]] || "");
        at = y;
      }
    }
    if (at < text.length) piece(at, text.length, "");
    if (ma >= text.length && ma >= 0) out.push('<span class="err-col eol"> </span>');
    return out.join("");
  }

  // paintCode repaints #paint from the textarea. now: colour it with the
  // module at once (a run, a scene, a mark). Otherwise (typing) the last
  // colours are kept where the text did not change, shifted with the
  // edit, and the module colours the whole file again once typing pauses:
  // in the browser the scanner takes some milliseconds for 500 lines,
  // more than a keystroke should.
  function paintCode(now) {
    const src = el.code.value;
    const mark = shownMark;
    const warn = mistakesShown();
    if (src === paint.source && mark === paint.mark && warn === paint.warn && (paint.colored || !mod || !now)) return;
    clearTimeout(paint.timer);
    paint.timer = 0;
    let spans;
    if (now || !paint.spans) {
      spans = editorTokens(src);
      paint.colored = !!spans;
    } else {
      spans = shiftSpans(paint.spans, paint.source, src);
      paint.colored = false;
      paint.timer = setTimeout(() => paintCode(true), PAINT_PAUSE_MS);
    }
    if (!paint.inner) {
      paint.inner = document.createElement("div");
      paint.inner.className = "paint-inner";
      el.paint.append(paint.inner);
    }
    const lines = src.split("\n");
    const html = new Array(lines.length);
    let from = 0, si = 0;
    for (let n = 0; n < lines.length; n++) {
      const text = lines[n];
      if (spans) while (si < spans.length && spans[si + 1] <= from) si += 3;
      let ma = -1, mb = -1;
      if (mark && mark.line === n + 1 && mark.col > 0) {
        ma = cpToIndex(text, mark.col);
        mb = mark.endCol > mark.col ? Math.max(ma + 1, cpToIndex(text, mark.endCol)) : ma + 1;
      }
      const w = warn.find((m) => m.line === n + 1 && m.col > 0);
      const wa = w ? cpToIndex(text, w.col) : -1;
      const wb = w ? (w.endCol > w.col ? cpToIndex(text, w.endCol) : text.length) : -1;
      html[n] = paintLine(text, from, spans, si, ma, mb, wa, wb);
      from += text.length + 1;
    }
    // Touch only the lines that changed: keep the common head and tail,
    // replace what lies between.
    const old = paint.html;
    let a = 0, b = 0;
    while (a < old.length && a < html.length && old[a] === html[a]) a++;
    while (b < old.length - a && b < html.length - a && old[old.length - 1 - b] === html[html.length - 1 - b]) b++;
    const kids = paint.inner.children;
    for (let i = old.length - b - 1; i >= a; i--) kids[i].remove();
    const at = kids[a] || null;
    const frag = document.createDocumentFragment();
    for (let i = a; i < html.length - b; i++) {
      const d = document.createElement("div");
      d.innerHTML = html[i]; // escaped text and our own spans only
      frag.append(d);
    }
    paint.inner.insertBefore(frag, at);
    paint.html = html;
    paint.source = src;
    paint.mark = mark;
    paint.warn = warn;
    paint.spans = spans;
    el.editor.classList.add("painted");
    el.editor.dataset.colored = paint.colored ? "1" : "";
    placeLayers();
  }

  // shiftSpans moves the colours of before to the text after an edit: the
  // spans before the edit stay, those after it move with it, those it
  // touched are dropped (plain until the module colours them again).
  function shiftSpans(spans, before, after) {
    let p = 0;
    const max = Math.min(before.length, after.length);
    while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
    let q = 0;
    while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
    const oldEnd = before.length - q, delta = after.length - before.length;
    const out = [];
    for (let i = 0; i < spans.length; i += 3) {
      if (spans[i + 1] <= p) out.push(spans[i], spans[i + 1], spans[i + 2]);
      else if (spans[i] >= oldEnd) out.push(spans[i] + delta, spans[i + 1] + delta, spans[i + 2]);
    }
    return out;
  }

  // updateGutter brings the line numbers, the error's number and the
  // coloured text up to date with the textarea (typing: colour later).
  function updateGutter(typing) {
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
      gutterErr = 0;
      gutterWarn = null;
    }
    markMistakeLines();
    const errLine = shownMark && shownMark.line > 0 ? shownMark.line : 0;
    if (errLine !== gutterErr) {
      if (el.gutter.children[gutterErr - 1]) el.gutter.children[gutterErr - 1].classList.remove("err");
      if (el.gutter.children[errLine - 1]) el.gutter.children[errLine - 1].classList.add("err");
      gutterErr = errLine;
    }
    paintCode(!typing);
    // Typing that scrolls the textarea fires a scroll event, which moves
    // the layers: reading the scroll here would force a layout per key.
    if (!typing) syncScroll();
  }

  // syncScroll moves every layer with the textarea's scroll: #paint both
  // ways, the marks, tags and line numbers up and down.
  function syncScroll() {
    scrolled = { x: el.code.scrollLeft, y: el.code.scrollTop };
    placeLayers();
  }

  // placeLayers moves the layers to the textarea's last known scroll.
  function placeLayers() {
    const { x, y } = scrolled;
    el.gutter.scrollTop = y;
    if (paint.inner) paint.inner.style.transform = "translate(" + -x + "px," + -y + "px)";
    const inner = el.marks.firstElementChild;
    if (inner) inner.style.transform = "translateY(" + -y + "px)";
    const tags = el.tags.firstElementChild;
    if (tags) tags.style.transform = "translateY(" + -y + "px)";
  }

  // editorMark is the error the editor marks now: a refused run's while
  // the editor holds the source it refused; how the playing run ended
  // (an uncaught exception, a stop) while playback is at its end.
  function editorMark(s) {
    if (lastError && lastError.line > 0 && lastError.source === el.code.value) return lastError.mark;
    if (runEnd && el.code.value === playingSource && s && s.events > 0 && s.event === s.events - 1) return runEnd;
    return null;
  }

  // setMark marks err in the editor (or clears the mark): the line in the
  // gutter and under the code, the column in the coloured text, the error
  // bar's words; a new mark scrolls into view.
  function setMark(m) {
    if (m === shownMark) return;
    shownMark = m;
    updateGutter();
    renderMarks(lastTaskLines);
    showErrorBar();
    if (m) revealMark(m);
  }

  // revealMark scrolls the editor so the marked line and column show.
  function revealMark(m) {
    const lh = lineHeight(), top = padTop() + (m.line - 1) * lh;
    const view = el.code.clientHeight;
    if (top < el.code.scrollTop || top + lh > el.code.scrollTop + view) el.code.scrollTop = Math.max(0, top - view / 3);
    const col = paint.inner && paint.inner.querySelector(".err-col");
    const w = el.code.clientWidth;
    if (col) {
      const x = col.offsetLeft;
      if (x < el.code.scrollLeft + 16 || x + col.offsetWidth > el.code.scrollLeft + w - 16) el.code.scrollLeft = Math.max(0, x - w / 2);
    } else {
      el.code.scrollLeft = 0;
    }
    syncScroll();
  }

  // showErrorBar says what the mark is in the page's words, then the
  // engine's (CPython's) own, with a link that shows the place again.
  function showErrorBar() {
    const err = shownMark ? shownMark.err : lastError;
    el.errorBar.hidden = !err;
    el.errorBar.textContent = "";
    if (!err) return;
    const m = shownMark;
    if (m) {
      const head = document.createElement("div");
      head.className = "error-head";
      const words = document.createElement("span");
      words.textContent = t("editor." + m.kind);
      const go = document.createElement("button");
      go.type = "button";
      go.className = "goto";
      go.textContent = m.col > 0 ? t("editor.goto", { line: m.line, col: m.col }) : t("editor.goto.line", { line: m.line });
      go.title = t("editor.goto.title");
      go.addEventListener("click", () => revealMark(m));
      head.append(words, " ", go);
      el.errorBar.append(head);
    }
    const text = document.createElement("div");
    text.className = "error-text";
    text.textContent = m && m.kind === "uncaught" ? m.text : m && m.kind === "stopped" ? stopText(m.err) : errorText(err);
    el.errorBar.append(text);
  }
  onLang(() => { showErrorBar(); renderMarks(lastTaskLines); });

  // markOf is what the editor marks for an error of the engine's:
  // {kind, line, col, endCol, text, err}, or null when it names no line.
  function markOf(err, kind) {
    if (!err || !(err.line > 0)) return null;
    if (!kind) kind = err.kind === "syntax" ? (/ in scenes\b/.test(err.msg || "") ? "unsupported" : "syntax") : "stopped";
    return { kind, line: err.line, col: err.col || 0, endCol: err.endLine === err.line ? err.endCol || 0 : 0, text: err.text || "", err };
  }

  // renderMarks marks the line of every live task in its colour, names
  // the tasks in the tag lane, and marks the error's line, if the editor
  // still shows the source they belong to.
  function renderMarks(taskLines) {
    lastTaskLines = taskLines || [];
    const ours = el.code.value === playingSource;
    const key = (ours ? lastTaskLines.map((x) => x.line + ":" + x.color + ":" + x.name).join(",") : "") +
      "|" + (shownMark ? shownMark.line : "") + "|" + lang;
    if (key === marksKey) return;
    marksKey = key;
    const lh = lineHeight(), top = padTop();
    const marks = document.createElement("div");
    marks.className = "layer-inner";
    const lane = document.createElement("div");
    lane.className = "layer-inner";
    const byLine = new Map();
    if (ours) {
      for (const tl of lastTaskLines) {
        if (tl.line <= 0) continue;
        if (!byLine.has(tl.line)) byLine.set(tl.line, []);
        byLine.get(tl.line).push(tl);
      }
    }
    const colour = (tl) => "var(--t" + (tl.color % 8) + ")";
    const chip = (tl) => {
      const c = document.createElement("span");
      c.className = "tag";
      c.style.setProperty("--c", colour(tl));
      c.textContent = tl.name;
      c.dataset.task = tl.task; // a click picks it for steps by line (---- stepping ----)
      return c;
    };
    for (const [line, tasks] of byLine) {
      const y = top + (line - 1) * lh + "px";
      const m = document.createElement("div");
      m.className = "mark";
      m.style.top = y;
      m.style.setProperty("--c", colour(tasks[0]));
      marks.append(m);
      const entry = document.createElement("div");
      entry.className = "tag-line";
      entry.style.top = y;
      entry.dataset.line = line;
      const first = chip(tasks[0]);
      if (tasks.length === 1) {
        first.title = t("editor.tag", { name: tasks[0].name, line });
        first.tabIndex = 0;
        first.setAttribute("role", "button");
        entry.append(first);
      } else {
        // A stack: the first name, the others' colours as edges under it,
        // and how many; hovering or focusing it lists every name.
        const names = tasks.slice(0, TAG_NAMES_SHOWN).map((x) => x.name);
        if (tasks.length > TAG_NAMES_SHOWN) names.push(t("editor.more", { n: tasks.length - TAG_NAMES_SHOWN }));
        entry.classList.add("stack");
        entry.tabIndex = 0;
        entry.setAttribute("role", "button");
        entry.setAttribute("aria-label", t("editor.stack", { n: tasks.length, line, names: names.join(", ") }));
        entry.style.setProperty("--c", colour(tasks[0]));
        entry.style.setProperty("--c2", colour(tasks[1]));
        entry.style.setProperty("--c3", colour(tasks[tasks.length > 2 ? 2 : 1]));
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = tasks.length;
        const list = document.createElement("div");
        list.className = "tag-list";
        for (const tl of tasks.slice(0, TAG_NAMES_SHOWN)) list.append(chip(tl));
        if (tasks.length > TAG_NAMES_SHOWN) {
          const more = document.createElement("span");
          more.className = "more";
          more.textContent = t("editor.more", { n: tasks.length - TAG_NAMES_SHOWN });
          list.append(more);
        }
        entry.append(first, count, list);
        entry.addEventListener("pointerenter", tagListSide);
        entry.addEventListener("focus", tagListSide);
      }
      lane.append(entry);
    }
    if (shownMark) {
      const m = document.createElement("div");
      m.className = "mark err";
      m.style.top = top + (shownMark.line - 1) * lh + "px";
      marks.append(m);
    }
    // Keep a focused stack focused across the redraw.
    const focused = document.activeElement && el.tags.contains(document.activeElement) ? document.activeElement.dataset.line : null;
    el.marks.textContent = "";
    el.marks.append(marks);
    el.tags.textContent = "";
    el.tags.append(lane);
    el.editor.classList.toggle("no-tags", byLine.size === 0);
    if (focused) {
      const again = lane.querySelector('.tag-line[data-line="' + focused + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    placeLayers();
  }

  // tagListSide opens a stack's list of names downwards, or upwards when
  // the stack is in the lower half of the editor, so the list shows whole.
  function tagListSide(e) {
    const r = e.currentTarget.getBoundingClientRect(), ed = el.editor.getBoundingClientRect();
    const up = r.top - ed.top > ed.height / 2;
    e.currentTarget.classList.toggle("up", up);
    const list = e.currentTarget.querySelector(".tag-list");
    if (list) list.style.maxHeight = Math.max(60, (up ? r.top - ed.top : ed.bottom - r.bottom) - 8) + "px";
  }

  // followTask scrolls the editor, unless the learner is in it, so the
  // line of the first live task is in view.
  function followTask(taskLines) {
    if (document.activeElement === el.code || el.code.value !== playingSource || shownMark) return;
    const tl = (taskLines || []).find((x) => x.line > 0);
    if (!tl) return;
    const lh = lineHeight(), top = padTop() + (tl.line - 1) * lh;
    const view = el.code.clientHeight;
    if (top < el.code.scrollTop || top + lh > el.code.scrollTop + view) {
      el.code.scrollTop = Math.max(0, top - view / 3);
      syncScroll();
    }
  }

  // editorInput follows the learner's typing: numbers, colours, marks.
  function editorInput() {
    updateGutter(true);
    setEdited();
    const atEnd = runEnd && mod && el.code.value === playingSource; // only then is the state needed
    setMark(editorMark(atEnd ? mod.state() : null));
    renderMarks([]);
    dirty = true;
  }

  function setEdited() {
    const s = sceneById(sceneId);
    el.edited.hidden = !s || el.code.value === s.source;
    showEditedNote();
  }

  // ---- mistakes ----
  //
  // The module names the classic asyncio mistakes each run makes, edited
  // code or a built-in scene (package mistakes: a blocking call on the
  // loop, a coroutine never awaited...). While the editor holds the source that ran, each is
  // marked there, its columns with an amber wavy underline and its line
  // number in amber (its message on hover), and listed under the editor
  // with its message and a button that opens the section of the notes
  // that explains it. The stage names each as playback reaches it. The
  // messages come with the page's data, in both languages.

  defineMessages(Object.fromEntries(Object.entries(data.mistakes || {}).map(([k, m]) => ["mistake." + k, m])));
  defineMessages({
    "mistakes.label": { en: "Mistakes this scene makes", ko: "이 장면이 저지르는 실수" },
    "mistakes.read": { en: "Read: {title}", ko: "읽어 보기: {title}" },
    "mistakes.read.title": { en: "Open the part of the notes that explains this mistake", ko: "이 실수를 설명하는 노트 부분을 엽니다" },
  });

  const mistakeText = (m) => t("mistake." + m.kind, { arg: m.arg });
  // mistakesShown is the playing run's mistakes while the editor holds
  // its source, none otherwise.
  function mistakesShown() { return el.code.value === playingSource ? mistakes : NO_MISTAKES; }

  // markMistakeLines marks the mistakes' line numbers in the gutter.
  function markMistakeLines() {
    const shown = mistakesShown();
    if (gutterWarn && gutterWarn.list === shown && gutterWarn.lang === lang) return;
    if (!gutterWarn || gutterWarn.list !== shown) showMistakes();
    for (const d of el.gutter.querySelectorAll(".warn")) {
      d.classList.remove("warn");
      d.removeAttribute("title");
    }
    for (const m of shown) {
      const d = el.gutter.children[m.line - 1];
      if (!d) continue;
      d.classList.add("warn");
      d.title = (d.title ? d.title + "\n" : "") + mistakeText(m);
    }
    gutterWarn = { list: shown, lang };
  }

  // notesSection returns a section of a built-in scene's notes ("scene#id")
  // in the page's language: its title and a copy of its nodes.
  function notesSection(ref) {
    const [id, sec] = String(ref).split("#");
    const s = sceneById(id);
    const n = s && (s.notes[lang] || s.notes.en || s.notes.ko);
    if (!n) return null;
    const tpl = document.createElement("template");
    tpl.innerHTML = n.html; // rendered by the site, raw HTML dropped
    const h = tpl.content.getElementById(sec);
    if (!h) return null;
    const nodes = [h.cloneNode(true)];
    for (let x = h.nextElementSibling; x && x.tagName !== h.tagName && x.tagName !== "H1"; x = x.nextElementSibling) nodes.push(x.cloneNode(true));
    return { title: s.id.slice(0, 2) + " · " + sceneTitle(s) + ": " + h.textContent, nodes };
  }

  // showMistakes lists the mistakes under the editor.
  function showMistakes() {
    const shown = mistakesShown();
    el.mistakes.hidden = shown.length === 0;
    el.mistakes.textContent = "";
    if (!shown.length) return;
    const head = document.createElement("div");
    head.className = "mistakes-head";
    head.textContent = t("mistakes.label");
    el.mistakes.append(head);
    shown.forEach((m, i) => {
      const item = document.createElement("div");
      item.className = "mistake";
      item.dataset.kind = m.kind;
      const go = document.createElement("button");
      go.type = "button";
      go.className = "goto";
      go.textContent = t("editor.goto", { line: m.line, col: m.col });
      go.title = t("editor.goto.title");
      go.addEventListener("click", () => revealMark(m));
      const text = document.createElement("span");
      text.className = "mistake-text";
      text.textContent = mistakeText(m);
      item.append(go, " ", text);
      const sec = notesSection(m.notes);
      if (sec) {
        const read = document.createElement("button");
        read.type = "button";
        read.className = "read";
        read.textContent = t("mistakes.read", { title: sec.title });
        read.title = t("mistakes.read.title");
        read.setAttribute("aria-expanded", String(mistakeOpen === i));
        read.addEventListener("click", () => {
          mistakeOpen = mistakeOpen === i ? -1 : i;
          showMistakes();
          const again = el.mistakes.querySelectorAll(".read")[i];
          if (again) again.focus();
        });
        item.append(" ", read);
        if (mistakeOpen === i) {
          const box = document.createElement("div");
          box.className = "mistake-notes notes";
          box.append(...sec.nodes);
          item.append(box);
        }
      }
      el.mistakes.append(item);
    });
  }
  onLang(() => { markMistakeLines(); showMistakes(); });

  // ---- running scenes ----

  // showError shows a refused run's error (or none): in the error bar and
  // the console, and marked in the editor while it holds source, the
  // source that was refused (the editor's, unless said).
  function showError(err, source) {
    lastError = err ? Object.assign({}, err, { source: source === undefined ? el.code.value : source }) : null;
    if (lastError) lastError.mark = markOf(lastError);
    showErrorBar();
    setMark(editorMark(mod ? mod.state() : null));
    updateGutter();
    dirty = true;
  }

  // A run does not hold the page: the module works in slices of about
  // 25 ms and lets the browser handle input and draw in between, so the
  // page answers while a scene runs, and Stop (or Escape) ends the run at
  // once. While it runs, the stage keeps the scene it had under a veil
  // that says a run is in progress and how far it has come (after a short
  // while: a quick run never shows it). The old scene is not played
  // meanwhile: its console and marks would contradict the code being run.
  // What the transport is asked to do during a run (play, seek, speed) is
  // done once the run has ended, to the scene it leaves on the stage.
  defineMessages({
    "stop.label": { en: "Stop", ko: "멈춤" },
    "stop.title": { en: "Stop the run (Esc)", ko: "실행 멈추기 (Esc)" },
    "run.veil": { en: "Running the scene…", ko: "장면을 실행하는 중…" },
    "run.veil.more": {
      en: "The stage shows it when the run ends. Stop shows what it did so far.",
      ko: "실행이 끝나면 무대에 나타납니다. 멈춤을 누르면 지금까지 한 일을 보여 줍니다.",
    },
    "run.progress": {
      en: "{steps} steps · {time} s of loop time · {events} events",
      ko: "{steps}단계 · 루프 시간 {time}초 · 이벤트 {events}개",
    },
    // Why the engine stopped a run, in the page's words: {at} is
    // "stop.at", or nothing when the line is unknown.
    "stop.at": { en: " (line {line})", ko: "({line}번째 줄)" },
    "stop.steps": {
      en: "The scene ran {limit} steps without finishing: it may loop forever{at}. Edit it and run it again.",
      ko: "장면이 {limit}단계를 실행하고도 끝나지 않았습니다. 끝없이 도는 반복문일 수 있습니다{at}. 코드를 고친 뒤 다시 실행하세요.",
    },
    "stop.time": {
      en: "The scene's loop time reached {limit} s without finishing: it may wait in a loop forever{at}. Edit it and run it again.",
      ko: "루프 시간이 {limit}초에 이르도록 장면이 끝나지 않았습니다. 끝없이 기다리는 반복문일 수 있습니다{at}. 코드를 고친 뒤 다시 실행하세요.",
    },
    "stop.events": {
      en: "The scene made {limit} events without finishing, more than the page keeps to play back{at}. Make it shorter and run it again.",
      ko: "장면이 이벤트를 {limit}개 만들고도 끝나지 않아, 페이지가 재생하려고 담아 두는 양을 넘었습니다{at}. 장면을 줄인 뒤 다시 실행하세요.",
    },
    "stop.memory": {
      en: "The scene's objects took more than {limit} MiB of memory: something may grow forever{at}. Edit it and run it again.",
      ko: "장면의 객체가 메모리를 {limit}MiB 넘게 차지했습니다. 끝없이 커지는 것이 있을 수 있습니다{at}. 코드를 고친 뒤 다시 실행하세요.",
    },
    "stop.budget": {
      en: "The scene went past one of the page's limits and was stopped{at}.",
      ko: "장면이 페이지의 실행 한도를 넘어 멈췄습니다{at}.",
    },
    "stop.deadlock": {
      en: "Nothing can run any more: every task and thread waits for something that will never happen{at}.",
      ko: "더 실행할 수 있는 것이 없습니다. 모든 태스크와 스레드가 일어나지 않을 일을 기다립니다{at}.",
    },
    "stop.interrupted": {
      en: "You stopped the scene{at} after {steps} steps and {time} s of loop time. The stage shows what it did until then.",
      ko: "장면을 멈췄습니다{at}. {steps}단계, 루프 시간 {time}초만큼 실행했습니다. 무대는 그때까지 한 일을 보여 줍니다.",
    },
  });

  const fmtInt = (n) => Math.round(Number(n) || 0).toLocaleString("en-US");
  const fmtSecs = (x) => (Number(x) || 0).toFixed(3);

  // stopText says why the engine stopped the run on stage ({kind, budget,
  // limit, line, col, steps, time, events, msg, text} from the module), in
  // the current language. A deadlock keeps the engine's account of what
  // each task waits on; a budget's message names the command line's
  // flags, so the page's words replace it.
  function stopText(stop) {
    if (!stop) return "";
    const args = {
      at: stop.line > 0 ? t("stop.at", { line: stop.line }) : "",
      steps: fmtInt(stop.steps), time: fmtSecs(stop.time),
      limit: stop.budget === "memory" ? fmtInt(stop.limit / (1 << 20)) : fmtInt(stop.limit),
    };
    switch (stop.kind) {
      case "budget":
        return t(["steps", "time", "events", "memory"].includes(stop.budget) ? "stop." + stop.budget : "stop.budget", args);
      case "deadlock":
        return t("stop.deadlock", args) + "\n" + stop.text;
      case "interrupted":
        return t("stop.interrupted", args);
    }
    return stop.text || "";
  }
  onLang(() => { progressShown = 0; updateRunView(); });

  // run hands source to the module and returns a Promise of the outcome
  // ({ok, exitCode, events, stop, uncaught} or {ok: false, error}). On
  // success the new run replaces the one on screen; on failure the old one
  // stays and the error is shown. A run started while another is in
  // progress stops that one, whose outcome is then {ok: false, replaced: true}.
  function run(source, opts) {
    opts = opts || {};
    if (!mod) {
      return new Promise((resolve) => {
        pending = () => run(source, opts).then(resolve);
        if (fatal) resolve({ ok: false, pending: true, error: { text: fatal } });
      });
    }
    const job = { queue: running ? running.queue : [] };
    running = job;
    updateRunView();
    let p;
    try {
      p = Promise.resolve(mod.run(source, FILENAME));
    } catch (e) {
      p = Promise.reject(e);
    }
    return p.then((r) => {
      if (r && typeof r.panic === "string") throw new Error(r.panic);
      return r;
    }).catch((e) => {
      const msg = String(e && e.message ? e.message : e);
      return { ok: false, error: { kind: "internal", line: 0, col: 0, msg, text: msg } };
    }).then((r) => {
      if (job !== running) return { ok: false, replaced: true };
      running = null;
      if (r.ok) {
        playingSource = source;
        runInfo = { exitCode: r.exitCode, stderr: r.stderr || "", stop: r.stop || null };
        // The mistakes the run made, edited code or not: the module finds
        // them (and gives them to its stage).
        mistakes = r.mistakes && r.mistakes.length ? r.mistakes : NO_MISTAKES;
        mistakeOpen = -1;
        runEnd = r.uncaught ? markOf(Object.assign({ kind: "uncaught" }, r.uncaught), "uncaught")
          : r.stop ? markOf(r.stop, "stopped") : null;
        showError(null);
        if (opts.speed) mod.setSpeed(opts.speed);
        if (opts.play) mod.play();
        lastEvent = -2;
        newRunStepping();
      } else if (!r.replaced) {
        showError(r.error, source);
      }
      if (opts.then) opts.then(r);
      updateGutter();
      showMistakes();
      updateRunView();
      dirty = true;
      for (const f of job.queue) f();
      render();
      return r;
    });
  }

  // stop ends the run in progress: the stage then plays what it did.
  function stop() {
    if (running && mod) mod.stop();
  }

  let progressShown = 0; // when the veil's progress was last written

  // updateRunView shows the run in progress: Stop in place of Run, and
  // the veil over the stage once the run has taken a moment (the module
  // says when: it stops drawing the stage then), with its progress from
  // the module's state s.
  function updateRunView(s) {
    const busy = !!running;
    el.run.hidden = busy;
    el.stop.hidden = !busy;
    if (busy && !s && mod) s = mod.state();
    const veil = busy && !!(s && s.veil);
    if (el.runVeil.hidden === veil) {
      el.runVeil.hidden = !veil;
      // The stage's frame is hidden under the veil: a canvas composited
      // on the CPU would take most of the time the run yields.
      el.frame.style.visibility = veil ? "hidden" : "";
      progressShown = 0;
    }
    // The progress, a few times a second: each new text is a repaint.
    const now = performance.now();
    if (veil && now - progressShown >= 250) {
      progressShown = now;
      const pr = s.progress || { steps: 0, time: 0, events: 0 };
      el.runProgress.textContent = t("run.progress", { steps: fmtInt(pr.steps), time: fmtSecs(pr.time), events: fmtInt(pr.events) });
    }
  }

  // load shows the built-in scene id and runs it, or the given source in
  // its place (a shared link's edited code).
  function load(id, source) {
    const s = sceneById(id);
    if (!s) return Promise.resolve({ ok: false, error: { text: t("scene.missing", { id }) } });
    sceneId = s.id;
    el.scene.value = s.id;
    el.code.value = source === undefined ? s.source : source;
    el.code.scrollTop = 0;
    el.code.scrollLeft = 0;
    notesLoading = true; // before showNotes: the stage may still play the scene before
    setEdited();
    showNotes();
    el.notes.scrollTop = 0;
    try { history.replaceState(null, "", "#" + s.id); } catch (e) { /* file: URLs */ }
    updateGutter();
    render();
    return run(el.code.value, {
      speed: s.speed,
      then(r) {
        // The engine refused a built-in scene: show it, with an empty stage.
        if (!r.ok && !r.replaced) playingSource = "";
        if (sceneId === s.id) notesLoading = false;
        dirty = true;
      },
    });
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
    setView(name) {
      if (!VIEWS.includes(name)) return;
      chosenView = name;
      if (mod) { mod.setView(name); dirty = true; }
    },
    nextView() {
      const s = mod && mod.state();
      if (s && s.views.length > 1) act.setView(s.views[(s.views.indexOf(s.view) + 1) % s.views.length]);
    },
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

  // Every action redraws the page's side at once. During a run, it waits
  // for the run's end, and acts on the scene the run leaves on stage.
  for (const name of Object.keys(act)) {
    const f = act[name];
    act[name] = (...args) => {
      if (running) {
        running.queue.push(() => act[name](...args));
        return;
      }
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
    if (e.key === "Escape" && running) {
      stop();
      return;
    }
    if (e.target === el.code || e.altKey || e.ctrlKey || e.metaKey) return;
    // A form field keeps its own keys (the speed box, the scene list, the
    // timeline's arrows, the transcript), and a focused button its Space.
    const target = e.target || {}, tag = target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (target.closest && target.closest("dialog"))) return;
    if ((e.key === " " || e.key === "Spacebar") && (tag === "BUTTON" || tag === "A")) return;
    switch (e.key) {
      case " ": case "Spacebar": act.toggle(); break;
      case "ArrowRight": if (e.shiftKey) act.step(1); else stepBy(undefined, 1); break;
      case "ArrowLeft": if (e.shiftKey) act.step(-1); else stepBy(undefined, -1); break;
      case "u": case "U": setUnit((stepping.unit + (e.shiftKey ? UNITS.length - 1 : 1)) % UNITS.length); break;
      case "b": case "B": showBreaksPop(breaksPop.hidden); break;
      case "Home": act.seek(0); break;
      case "End": act.toEnd(); break;
      case "+": case "=": act.faster(); break;
      case "-": case "_": act.slower(); break;
      case "t": case "T": openTranscript(); break;
      case "p": case "P": setPredict(!pred.on); break;
      case "v": case "V": act.nextView(); break;
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
    if (atEnd && runInfo && runInfo.exitCode !== 0 && (runInfo.stderr || runInfo.stop)) {
      // How the run ended: an uncaught exception's traceback (said in
      // Korean first), or why it was stopped, in the page's words.
      const span = document.createElement("span");
      span.className = "err";
      const said = runInfo.stop ? "" : endSentence(runInfo);
      span.textContent = (said ? said + "\n" : "") + runInfo.stderr + (runInfo.stop ? stopText(runInfo.stop) + "\n" : "");
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
      span.textContent = (el.console.textContent ? "\n" : "") + errorText(lastError) + "\n";
      el.console.append(span);
      if (playingSource) {
        const note = document.createElement("span");
        note.className = "note";
        note.textContent = t("console.keeps") + "\n";
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
      die("fatal.answer", { error: String(e) });
      return;
    }
    const playing = !!s.playing;
    if (el.play.dataset.playing !== String(playing)) {
      el.play.dataset.playing = String(playing);
      el.play.setAttribute("aria-label", playing ? "Pause" : "Play");
      el.play.dataset.tTitle = playing ? "pause.title" : "play.title";
      el.play.title = t(el.play.dataset.tTitle);
      el.play.querySelector("use").setAttribute("href", playing ? "#i-pause" : "#i-play");
    }
    const max = Math.max(0, s.events - 1);
    if (el.timeline.max !== String(max)) el.timeline.max = String(max);
    if (el.timeline.value !== String(s.event)) el.timeline.value = String(s.event);
    el.timeline.disabled = s.events === 0;
    if (document.activeElement !== el.speed && el.speed.value !== fmtSpeed(s.speed)) el.speed.value = fmtSpeed(s.speed);
    const pos = s.events ? t("position", { n: s.event + 1, total: s.events, time: s.time.toFixed(3) }) : t("position.none");
    delete el.position.dataset.t; // the module's position from now on, not the markup's "no events"
    if (el.position.textContent !== pos) el.position.textContent = pos;
    if (s.crash) die("fatal.stage", { error: s.crash });
    if (running || !el.stop.hidden) updateRunView(s);
    if (timings.firstFrame === null && s.frames > 0) timings.firstFrame = performance.now();
    sayCaption(s);
    renderViews(s);
    stepView(s, null);
    if (!dirty && s.event === lastEvent && s.events === lastEvents) return;
    dirty = false;
    lastEvent = s.event;
    lastEvents = s.events;
    let d;
    try {
      d = mod.detail();
    } catch (e) {
      die("fatal.failed", { error: e.message || e });
      return;
    }
    consoleText(d, s);
    predictSeen(d, s);
    markCodeTab();
    lastTaskLines = d.taskLines || [];
    setMark(editorMark(s));
    renderMarks(d.taskLines);
    followTask(d.taskLines);
    eventConcept = d.concept || "";
    showEditedNote();
    lightNotes(s);
    stepView(s, d);
  }

  // die shows why the module is gone: the message key and its args, in
  // the current language (again after a switch).
  let fatalWhy = null;
  function die(key, args) {
    if (fatal) return;
    fatalWhy = { key, args };
    fatal = t(key, args);
    delete el.loadingText.dataset.t;
    el.loading.classList.remove("done");
    el.loading.classList.add("failed");
    el.loadingText.textContent = fatal + "\n" + t("fatal.reload");
    el.progress.hidden = true;
  }

  // ---- transcript ----

  // Every step's caption with its virtual time: spoken by a polite live
  // region as the animation moves, and whole in a dialog to read and copy.
  defineMessages({
    "transcript.label": { en: "Transcript", ko: "글로 보기" },
    "transcript.title": { en: "Every step's caption with its time, to read or copy (T)", ko: "단계마다 자막과 시각을 글로 읽거나 복사합니다 (T)" },
    "transcript.heading": { en: "Transcript", ko: "장면 기록" },
    "transcript.line": { en: "{time} s: {text}", ko: "{time}초: {text}" },
    "transcript.range": { en: "Events {from}–{to} of {total}", ko: "전체 {total}개 사건 중 {from}–{to}번" },
    "transcript.none": { en: "No events yet.", ko: "아직 사건이 없습니다." },
    "transcript.copy": { en: "Copy", ko: "복사" },
    "transcript.copied": { en: "Copied.", ko: "복사했습니다." },
    "transcript.close": { en: "Close", ko: "닫기" },
    "transcript.earlier": { en: "Earlier", ko: "이전" },
    "transcript.later": { en: "Later", ko: "다음" },
  });

  // transcript(from, to) reads the captions of events from..to-1 from the
  // module (two values cross, not one object per event).
  function transcript(from, to) {
    if (!mod) return [];
    const s = mod.state();
    const r = mod.transcript(from === undefined ? 0 : from, to === undefined ? s.events : to);
    const texts = r.text === "" && r.times.length === 0 ? [] : r.text.split("\x1e");
    return texts.map((text, i) => ({ event: r.from + i, time: r.times[i], text }));
  }
  const lineText = (l) => t("transcript.line", { time: l.time.toFixed(3), text: l.text });

  // The live region: a step, a seek or a pause is said at once; while
  // playing, at most one caption every 2 s of wall time (the latest one),
  // so a fast play does not flood a screen reader.
  const SAY_EVERY = 2000;
  let said = { event: -1, events: -1, lang: "", at: -Infinity };
  function sayCaption(s) {
    if (s.events === 0 || running) return;
    if (s.event === said.event && s.events === said.events && lang === said.lang) return;
    const now = performance.now();
    if (s.playing && now - said.at < SAY_EVERY) return;
    said = { event: s.event, events: s.events, lang, at: now };
    el.live.textContent = lineText({ time: s.time, text: String(s.caption || "").replace(/\n/g, " ") });
  }

  // The dialog shows a page of at most TRANSCRIPT_PAGE events (a 2,000-task
  // scene has tens of thousands), opening on the page of the current event.
  const TRANSCRIPT_PAGE = 2000;
  let transcriptFrom = 0;
  function showTranscript(from) {
    const s = mod ? mod.state() : { events: 0, event: 0 };
    if (from === undefined) from = Math.floor(s.event / TRANSCRIPT_PAGE) * TRANSCRIPT_PAGE;
    transcriptFrom = Math.max(0, Math.min(from, Math.max(0, s.events - 1)));
    const lines = transcript(transcriptFrom, Math.min(s.events, transcriptFrom + TRANSCRIPT_PAGE));
    el.transcriptText.value = lines.map(lineText).join("\n");
    el.transcriptRange.textContent = s.events ? t("transcript.range", { from: transcriptFrom + 1, to: transcriptFrom + lines.length, total: s.events }) : t("transcript.none");
    el.transcriptEarlier.hidden = el.transcriptLater.hidden = s.events <= TRANSCRIPT_PAGE;
    el.transcriptEarlier.disabled = transcriptFrom === 0;
    el.transcriptLater.disabled = transcriptFrom + TRANSCRIPT_PAGE >= s.events;
    el.transcriptCopied.textContent = "";
  }
  function openTranscript() {
    showTranscript();
    if (!el.transcript.open) el.transcript.showModal();
    // Put the current event's line at the top of the text.
    const before = el.transcriptText.value.split("\n").slice(0, (mod ? mod.state().event : 0) - transcriptFrom);
    el.transcriptText.focus();
    el.transcriptText.setSelectionRange(0, 0);
    el.transcriptText.scrollTop = before.length * (parseFloat(getComputedStyle(el.transcriptText).lineHeight) || 18);
  }
  el.transcriptOpen.addEventListener("click", openTranscript);
  el.transcriptClose.addEventListener("click", () => el.transcript.close());
  el.transcriptEarlier.addEventListener("click", () => showTranscript(transcriptFrom - TRANSCRIPT_PAGE));
  el.transcriptLater.addEventListener("click", () => showTranscript(transcriptFrom + TRANSCRIPT_PAGE));
  el.transcriptCopy.addEventListener("click", () => {
    const done = () => { el.transcriptCopied.textContent = t("transcript.copied"); };
    el.transcriptText.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(el.transcriptText.value).then(done, () => { if (document.execCommand("copy")) done(); });
    } else if (document.execCommand("copy")) done();
  });
  onLang(() => { said.lang = ""; if (el.transcript.open) showTranscript(transcriptFrom); });

  // ---- predict ----
  //
  // The Predict mode: the console is hidden and the learner says what the
  // scene will print before watching it. The page knows the lines already
  // (the scene ran before it plays): it shows the first PREDICT_MAX of them
  // shuffled, the learner puts them in order (drag a line by its grip, or
  // its Up and Down buttons, or Alt+Up and Alt+Down on a focused line),
  // then checks by playing: as each line prints, the line predicted at its
  // place is marked right or wrong, and at the end the panel says how many
  // are in place. The loop time a line starts with ("1.5s  ", as the
  // built-in scenes print it) is hidden, since it would give the order
  // away; blank lines are left out; the traceback of a scene that ends
  // with an uncaught exception is not part of the order (the console shows
  // it after the last line). A built-in scene played as written may also
  // ask its own question (scenes/NN_topic/predict.txt: which of a few of
  // its lines prints first, or last); the page finds the answer in the run.
  const PREDICT_MAX = 8;
  const STAMP = /^[0-9]+(\.[0-9]+)?s +/; // scenes.Unstamped's rule

  defineMessages({
    "predict.label": { en: "Predict", ko: "예측" },
    "predict.title": { en: "Hide the console and predict what the scene prints, then check by playing (P)", ko: "콘솔을 가리고 장면이 무엇을 출력할지 예측한 뒤, 재생하며 확인합니다 (P)" },
    "predict.heading": { en: "Predict the output", ko: "출력 예측" },
    "predict.order": { en: "Put the lines in the order the scene prints them", ko: "장면이 출력할 순서대로 줄을 배열하세요" },
    "predict.how": {
      en: "Drag a line by its grip, or use its arrows (Alt+↑ and Alt+↓ on a focused line). Then check by playing.",
      ko: "줄의 손잡이를 끌거나 화살표 버튼을 쓰세요(줄에 초점이 있을 때 Alt+↑, Alt+↓). 그다음 재생하며 확인하세요.",
    },
    "predict.capped": { en: "The run prints {total} lines: order the first {n}.", ko: "이 실행은 {total}줄을 출력합니다. 처음 {n}줄의 순서를 맞혀 보세요." },
    "predict.stamped": { en: "The loop time each line starts with is hidden: it would give the order away.", ko: "각 줄 앞의 루프 시간은 가렸습니다. 시간을 보면 순서가 드러나기 때문입니다." },
    "predict.traceback": { en: "The traceback the run ends with is not part of the order.", ko: "실행 끝에 나오는 트레이스백은 순서에 넣지 않았습니다." },
    "predict.edited": { en: "The editor holds code the stage is not playing: these lines are the stage's run. Run your code to predict it.", ko: "편집기의 코드는 무대가 재생하는 코드와 다릅니다. 아래 줄은 무대에 있는 실행의 것입니다. 고친 코드를 예측하려면 먼저 실행하세요." },
    "predict.none": { en: "This run prints nothing: there is nothing to predict.", ko: "이 실행은 아무것도 출력하지 않아서 예측할 것이 없습니다." },
    "predict.one": { en: "This run prints one line: there is no order to predict.", ko: "이 실행은 한 줄만 출력해서 예측할 순서가 없습니다." },
    "predict.same": { en: "Every line this run prints is the same: there is no order to predict.", ko: "이 실행이 출력하는 줄이 모두 같아서 예측할 순서가 없습니다." },
    "predict.wait": { en: "Waiting for the scene's run…", ko: "장면의 실행을 기다리는 중…" },
    "predict.norun": { en: "No run is on the stage: run the code first.", ko: "무대에 실행이 없습니다. 먼저 코드를 실행하세요." },
    "predict.check": { en: "Check by playing", ko: "재생하며 확인" },
    "predict.checking": { en: "Playing: each line is marked as it prints.", ko: "재생 중입니다. 줄이 출력될 때마다 맞았는지 표시합니다." },
    "predict.again": { en: "Try again", ko: "다시 하기" },
    "predict.leave": { en: "Show the console", ko: "콘솔 보기" },
    "predict.up": { en: "Move up", ko: "위로" },
    "predict.down": { en: "Move down", ko: "아래로" },
    "predict.item": { en: "Line {n} of {count}: {text}", ko: "{count}줄 중 {n}번째 줄: {text}" },
    "predict.moved": { en: "“{text}” is now line {n} of {count}.", ko: "“{text}” 줄이 이제 {count}줄 중 {n}번째입니다." },
    "predict.blank": { en: "(an empty line)", ko: "(빈 줄)" },
    "predict.right": { en: "right", ko: "맞음" },
    "predict.wrong": { en: "wrong", ko: "틀림" },
    "predict.was": { en: "printed here: {text}", ko: "실제로 여기 출력된 줄: {text}" },
    "predict.summary": { en: "{right} of {count} lines in place.", ko: "{count}줄 중 {right}줄이 제자리에 있습니다." },
    "predict.summary.all": { en: "All {count} lines in place!", ko: "{count}줄 모두 제자리에 있습니다!" },
    "predict.answer.right": { en: "Right: “{text}” prints first.", ko: "맞았습니다. “{text}” 줄이 가장 먼저 출력됩니다." },
    "predict.answer.wrong": { en: "Not this time: “{text}” prints first.", ko: "아쉽습니다. “{text}” 줄이 가장 먼저 출력됩니다." },
    "predict.answer.right.last": { en: "Right: “{text}” prints last.", ko: "맞았습니다. “{text}” 줄이 가장 나중에 출력됩니다." },
    "predict.answer.wrong.last": { en: "Not this time: “{text}” prints last.", ko: "아쉽습니다. “{text}” 줄이 가장 나중에 출력됩니다." },
    "predict.answer.none": { en: "You did not pick one: “{text}” prints first.", ko: "고르지 않았습니다. “{text}” 줄이 가장 먼저 출력됩니다." },
    "predict.answer.none.last": { en: "You did not pick one: “{text}” prints last.", ko: "고르지 않았습니다. “{text}” 줄이 가장 나중에 출력됩니다." },
  });

  const pred = {
    on: false,
    phase: "off",  // "wait", "empty", "order", "checking", "done"
    before: "",    // the phase before a run made it wait
    run: null,     // the runInfo whose lines are in play
    empty: "",     // why there is nothing to order: a message key
    truth: [],     // the first lines the run prints: {text, at} (at: its line in the output)
    total: 0,      // how many lines (not blank) the run prints
    stamped: false, // some line started with the loop time, hidden
    order: [],     // the learner's order: indices into truth
    shown: 0,      // lines printed so far while checking
    prompt: null,  // the scene's question, when the stage plays it as written
    answer: -1,    // its answer in this run (an option's index)
    answerAt: -1,  // the output line where the answer prints
    choice: -1,    // the option the learner picked
    said: false,   // the answer has printed
  };
  const predictEl = $("predict"), predictToggle = $("predict-toggle");

  // outputLines splits a console's text into lines; a last line without
  // its newline counts only when final (the run has ended there).
  function outputLines(text, final) {
    const lines = String(text || "").split("\n");
    const last = lines.pop();
    if (final && last !== "") lines.push(last);
    return lines;
  }

  // shuffled is a deterministic shuffle of 0..n-1 seeded by the lines'
  // texts, never their true order when another order of the texts exists.
  // Of up to 100 shuffles it takes the first that leaves at most a quarter
  // of the lines in place (or the one that leaves fewest); one that left
  // every text in place is turned by one place, which changes the texts'
  // order unless they are all the same.
  function shuffled(texts) {
    let h = 2166136261;
    for (const ch of texts.join("\n")) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    const rand = () => { // mulberry32
      h = (h + 0x6d2b79f5) >>> 0;
      let x = Math.imul(h ^ (h >>> 15), 1 | h);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const inPlace = (o) => o.filter((k, i) => texts[k] === texts[i]).length;
    let best = null;
    for (let round = 0; round < 100; round++) {
      const order = texts.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      if (!best || inPlace(order) < inPlace(best)) best = order;
      if (inPlace(best) <= Math.floor(texts.length / 4)) break;
    }
    if (inPlace(best) === texts.length) best.push(best.shift());
    return best;
  }

  // predictRead takes the lines of the run on stage: the module's console
  // at the last event, read by moving there and back at once (the stage
  // draws nothing in between). The stage goes to the start, paused. A run
  // that prints the same lines as the one before (the same code run again,
  // the stage started again for a new pixel ratio) keeps the learner's
  // order, pick and verdicts, unless fresh.
  function predictRead(fresh) {
    const was = { texts: pred.truth.map((l) => l.text), order: pred.order, choice: pred.choice, shown: pred.shown, said: pred.said,
      prompt: pred.prompt, phase: pred.phase === "wait" ? pred.before : pred.phase };
    pred.run = runInfo;
    pred.shown = 0;
    pred.choice = -1;
    pred.said = false;
    pred.prompt = null;
    pred.answer = pred.answerAt = -1;
    if (!mod || running || !runInfo) {
      pred.before = was.phase;
      pred.phase = "wait";
      return;
    }
    const s = mod.state();
    let out = "";
    if (s.events > 0) {
      mod.seek(s.events - 1);
      out = mod.detail().output;
      mod.pause();
      mod.seek(0);
      dirty = true;
    }
    const all = [];
    pred.stamped = false;
    outputLines(out, true).forEach((line, at) => {
      const text = line.replace(STAMP, "");
      if (text.trim() === "") return;
      if (text !== line) pred.stamped = true;
      all.push({ text, at });
    });
    pred.total = all.length;
    pred.truth = all.slice(0, PREDICT_MAX);
    const texts = pred.truth.map((l) => l.text);
    pred.empty = all.length === 0 ? "predict.none" : all.length === 1 ? "predict.one" : texts.every((x) => x === texts[0]) ? "predict.same" : "";
    pred.order = pred.empty ? [] : shuffled(texts);
    // The scene's own question, while the stage plays it as written.
    const scene = sceneById(sceneId);
    if (scene && scene.prompt && playingSource === scene.source) {
      const first = new Map();
      for (const l of all) if (!first.has(l.text)) first.set(l.text, l.at);
      const at = scene.prompt.options.map((o) => (first.has(o) ? first.get(o) : -1));
      if (at.every((x) => x >= 0)) {
        pred.prompt = scene.prompt;
        const pick = scene.prompt.ask === "last" ? Math.max(...at) : Math.min(...at);
        pred.answer = at.indexOf(pick);
        pred.answerAt = pick;
      }
    }
    pred.phase = pred.empty && !pred.prompt ? "empty" : "order";
    const same = !fresh && pred.phase === "order" && ["order", "checking", "done"].includes(was.phase) && was.prompt === pred.prompt &&
      was.texts.length === texts.length && was.texts.every((x, i) => x === texts[i]);
    if (same) Object.assign(pred, { order: was.order, choice: was.choice, shown: was.shown, said: was.said, phase: was.phase });
  }

  // predictSeen follows playback: while checking, the lines printed by the
  // event on stage are revealed (never hidden again by a step back).
  function predictSeen(d, s) {
    if (!pred.on) return;
    if (running) { // a new run is coming: its lines, once it is on the stage
      if (pred.phase !== "wait") {
        pred.before = pred.phase;
        pred.phase = "wait";
        drawPredict();
      }
      return;
    }
    if (pred.run !== runInfo || (pred.phase === "wait" && !running)) {
      predictRead();
      drawPredict();
      return;
    }
    if (pred.phase !== "checking") return;
    // Whether line at (0-based) of the output has printed whole: its
    // newline is there, or the run has ended. Only the first lines are
    // looked at: a long console is not split at every event.
    const final = s.events > 0 && s.event === s.events - 1;
    const out = String(d.output || "");
    let nl = -1, lines = 0;
    const printed = (at) => {
      for (let next; lines <= at && (next = out.indexOf("\n", nl + 1)) >= 0; lines++) nl = next;
      return lines > at || final;
    };
    let shown = pred.shown;
    while (shown < pred.truth.length && printed(pred.truth[shown].at)) shown++;
    const said = pred.said || (pred.answerAt >= 0 && printed(pred.answerAt));
    if (shown === pred.shown && said === pred.said) return;
    const before = pred.shown;
    pred.shown = shown;
    pred.said = said;
    if (shown >= pred.truth.length && (!pred.prompt || said)) pred.phase = "done";
    drawPredict();
    // Say each newly marked line, and the summary, to a screen reader.
    const words = [];
    for (let p = before; p < shown; p++) words.push(verdictWords(p));
    if (pred.phase === "done") words.push(predictSummary());
    if (words.length) $("predict-live").textContent = words.join(" ");
  }

  const rightAt = (p) => pred.truth[pred.order[p]].text === pred.truth[p].text;
  const lineWords = (text) => (text.trim() === "" ? t("predict.blank") : text);
  function verdictWords(p) {
    return t("predict.item", { n: p + 1, count: pred.truth.length, text: lineWords(pred.truth[pred.order[p]].text) }) + ": " +
      (rightAt(p) ? t("predict.right") : t("predict.wrong") + ", " + t("predict.was", { text: lineWords(pred.truth[p].text) }));
  }
  function predictSummary() {
    if (pred.empty) return "";
    let right = 0;
    for (let p = 0; p < pred.truth.length; p++) if (rightAt(p)) right++;
    return t(right === pred.truth.length ? "predict.summary.all" : "predict.summary", { right, count: pred.truth.length });
  }
  function answerWords() {
    if (!pred.prompt || !pred.said) return "";
    const last = pred.prompt.ask === "last" ? ".last" : "";
    const how = pred.choice < 0 ? "none" : pred.choice === pred.answer ? "right" : "wrong";
    return t("predict.answer." + how + last, { text: pred.prompt.options[pred.answer] });
  }

  // setPredict turns the mode on or off. On: the console's pane holds the
  // panel (and is the phone's tab to show), the lines are read afresh.
  function setPredict(on) {
    pred.on = !!on;
    predictToggle.setAttribute("aria-pressed", String(pred.on));
    el.layout.classList.toggle("predicting", pred.on);
    predictEl.hidden = !pred.on;
    el.console.hidden = pred.on;
    $("tab-console").dataset.t = pred.on ? "predict.label" : "pane.console";
    $("console-title").dataset.t = pred.on ? "predict.heading" : "pane.console";
    applyWords(el.layout);
    if (pred.on) {
      predictRead(true);
      if (tabsShown()) showTab("console");
    } else {
      pred.phase = "off";
      pred.run = null;
      $("predict-live").textContent = "";
    }
    drawPredict();
    render();
  }

  // predictMove moves the line at place from to place to.
  function predictMove(from, to, focus) {
    if (pred.phase !== "order") return false;
    const n = pred.order.length;
    if (!(from >= 0 && from < n && to >= 0 && to < n) || from === to) return false;
    const [k] = pred.order.splice(from, 1);
    pred.order.splice(to, 0, k);
    drawPredict(focus ? { place: to, what: focus } : null);
    $("predict-live").textContent = t("predict.moved", { text: lineWords(pred.truth[k].text), n: to + 1, count: n });
    return true;
  }

  // predictCheck plays the scene from the start, marking lines as they print.
  function predictCheck() {
    if (!pred.on || (pred.phase !== "order" && pred.phase !== "done")) return false;
    pred.phase = "checking";
    pred.shown = 0;
    pred.said = false;
    drawPredict();
    act.seek(0);
    act.play();
    return true;
  }

  // predictAnswer picks option i of the scene's question.
  function predictAnswer(i) {
    if (!pred.prompt || pred.phase !== "order" || !(i >= 0 && i < pred.prompt.options.length)) return false;
    pred.choice = i;
    drawPredict();
    return true;
  }

  // predictAgain goes back to ordering, from the shuffle, at the start.
  function predictAgain() {
    if (!pred.on) return;
    act.pause();
    predictRead(true); // the same lines, shuffled the same way
    drawPredict();
    render();
  }

  // drawPredict redraws the panel from pred, in the current language;
  // keep names what to focus afterwards ({place, what: "up"|"down"|"line"}).
  function drawPredict(keep) {
    if (!pred.on) return;
    const box = predictEl;
    const active = document.activeElement;
    const had = active && box.contains(active) ? active.dataset.focus || "" : "";
    box.textContent = "";
    const p = (cls, text) => {
      const e = document.createElement("p");
      e.className = cls;
      e.textContent = text;
      box.append(e);
      return e;
    };
    const button = (id, key, fn, primary) => {
      const b = document.createElement("button");
      b.type = "button";
      b.id = id;
      b.className = "text" + (primary ? " primary" : "");
      b.dataset.focus = id;
      b.textContent = t(key);
      b.addEventListener("click", fn);
      return b;
    };
    if (pred.phase === "wait") {
      p("predict-note", t(mod && !running && !runInfo ? "predict.norun" : "predict.wait"));
    }
    if (pred.run && el.code.value !== playingSource) p("predict-note", t("predict.edited"));
    // The scene's question.
    if (pred.prompt && pred.phase !== "wait") {
      const fs = document.createElement("fieldset");
      fs.className = "predict-prompt";
      fs.disabled = pred.phase === "checking" || pred.phase === "done";
      const lg = document.createElement("legend");
      lg.className = "predict-question";
      lg.textContent = pred.prompt.question[lang] || pred.prompt.question.en;
      fs.append(lg);
      pred.prompt.options.forEach((o, i) => {
        const lab = document.createElement("label");
        lab.className = "predict-option";
        if (pred.said && i === pred.answer) lab.classList.add("answer");
        const r = document.createElement("input");
        r.type = "radio";
        r.name = "predict-option";
        r.value = String(i);
        r.checked = pred.choice === i;
        r.dataset.focus = "option" + i;
        r.addEventListener("change", () => { pred.choice = i; });
        const code = document.createElement("code");
        code.className = "predict-line";
        code.textContent = o;
        lab.append(r, code);
        fs.append(lab);
      });
      box.append(fs);
      if (pred.said) p("predict-answer " + (pred.choice === pred.answer ? "right" : "wrong"), answerWords()).setAttribute("role", "status");
    }
    if (pred.empty && pred.phase !== "wait") p("predict-note", t(pred.empty));
    // The lines to order.
    if (!pred.empty && pred.phase !== "wait") {
      const h = document.createElement("h3");
      h.id = "predict-order-head";
      h.textContent = t("predict.order");
      box.append(h);
      const notes = [];
      if (pred.phase === "order") notes.push(t("predict.how"));
      if (pred.total > pred.truth.length) notes.push(t("predict.capped", { total: pred.total, n: pred.truth.length }));
      if (pred.stamped) notes.push(t("predict.stamped"));
      if (pred.run && pred.run.exitCode !== 0 && pred.run.stderr) notes.push(t("predict.traceback"));
      for (const n of notes) p("predict-note", n);
      if (pred.phase === "checking") p("predict-note", t("predict.checking"));
      if (pred.phase === "done") {
        const all = pred.order.every((_, i) => rightAt(i));
        p("predict-summary" + (all ? " all" : ""), predictSummary()).setAttribute("role", "status");
      }
      const ol = document.createElement("ol");
      ol.className = "predict-list";
      ol.setAttribute("aria-labelledby", "predict-order-head");
      const count = pred.order.length;
      pred.order.forEach((k, place) => {
        const li = document.createElement("li");
        li.className = "predict-item";
        li.dataset.place = String(place);
        li.dataset.focus = "line" + place;
        li.tabIndex = 0;
        const text = lineWords(pred.truth[k].text);
        li.setAttribute("aria-label", t("predict.item", { n: place + 1, count, text }));
        const num = document.createElement("span");
        num.className = "predict-num";
        num.textContent = String(place + 1);
        num.setAttribute("aria-hidden", "true");
        const code = document.createElement("code");
        code.className = "predict-line";
        code.textContent = text;
        li.append(num);
        if (pred.phase === "order") {
          const grip = document.createElement("span");
          grip.className = "predict-grip";
          grip.setAttribute("aria-hidden", "true");
          li.append(grip);
        }
        li.append(code);
        if (pred.phase === "order") {
          const mv = (dir, key, icon) => {
            const b = document.createElement("button");
            b.type = "button";
            b.className = "icon small";
            b.dataset.focus = dir + place;
            b.setAttribute("aria-label", t(key) + ": " + text);
            b.title = t(key);
            b.disabled = dir === "up" ? place === 0 : place === count - 1;
            b.innerHTML = '<svg aria-hidden="true"><use href="#' + icon + '"/></svg>';
            b.addEventListener("click", () => predictMove(place, dir === "up" ? place - 1 : place + 1, dir));
            return b;
          };
          li.append(mv("up", "predict.up", "i-up"), mv("down", "predict.down", "i-down"));
        } else if (place < pred.shown) {
          const ok = rightAt(place);
          li.classList.add(ok ? "right" : "wrong");
          li.dataset.verdict = ok ? "right" : "wrong";
          li.setAttribute("aria-label", verdictWords(place));
          const v = document.createElement("span");
          v.className = "predict-verdict";
          v.textContent = ok ? t("predict.right") : t("predict.wrong");
          li.append(v);
          if (!ok) {
            const was = document.createElement("span");
            was.className = "predict-was";
            was.textContent = t("predict.was", { text: lineWords(pred.truth[place].text) });
            li.append(was);
          }
        }
        li.addEventListener("keydown", predictKey);
        ol.append(li);
      });
      ol.addEventListener("pointerdown", predictDragStart);
      box.append(ol);
    }
    const row = document.createElement("div");
    row.className = "predict-actions";
    if (pred.phase === "order") row.append(button("predict-check", "predict.check", () => predictCheck(), true));
    if (pred.phase === "checking" || pred.phase === "done") row.append(button("predict-again", "predict.again", () => predictAgain()));
    row.append(button("predict-leave", "predict.leave", () => setPredict(false)));
    box.append(row);
    // Focus stays where it was: on the moved line's button, or its line.
    let again = null;
    if (keep) {
      const place = keep.place;
      again = box.querySelector('[data-focus="' + keep.what + place + '"]');
      if (!again || again.disabled) again = box.querySelector('[data-focus="line' + place + '"]');
    } else if (had) {
      again = box.querySelector('[data-focus="' + had + '"]');
    }
    if (again) again.focus({ preventScroll: false });
    // While checking, the line marked last is in view.
    const last = pred.phase === "checking" && pred.shown > 0 ? box.querySelector('[data-focus="line' + (pred.shown - 1) + '"]') : null;
    if (last) last.scrollIntoView({ block: "nearest" });
  }

  // A focused line moves with Alt+Up and Alt+Down (Ctrl too); Up and Down
  // alone go to the line above or below.
  function predictKey(e) {
    const place = Number(e.currentTarget.dataset.place);
    const up = e.key === "ArrowUp", down = e.key === "ArrowDown";
    if (!up && !down) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.altKey || e.ctrlKey || e.metaKey) predictMove(place, up ? place - 1 : place + 1, "line");
    else {
      const next = predictEl.querySelector('[data-focus="line' + (up ? place - 1 : place + 1) + '"]');
      if (next) next.focus();
    }
  }

  // Dragging by the grip: the list holds the pointer, so the line can
  // move under it as it passes the middle of its neighbours.
  function predictDragStart(e) {
    const grip = e.target.closest && e.target.closest(".predict-grip");
    if (!grip || pred.phase !== "order") return;
    const ol = e.currentTarget, li = grip.parentElement;
    let place = Number(li.dataset.place);
    e.preventDefault();
    ol.setPointerCapture(e.pointerId);
    li.classList.add("dragging");
    const move = (ev) => {
      const items = [...ol.children];
      let to = 0;
      for (let i = 0; i < items.length; i++) {
        const r = items[i].getBoundingClientRect();
        if (ev.clientY > r.top + r.height / 2) to = i;
      }
      if (ev.clientY < items[0].getBoundingClientRect().top + items[0].offsetHeight / 2) to = 0;
      if (to === place) return;
      const [k] = pred.order.splice(place, 1);
      pred.order.splice(to, 0, k);
      ol.insertBefore(li, to > place ? items[to].nextSibling : items[to]);
      place = to;
    };
    const end = () => {
      ol.removeEventListener("pointermove", move);
      ol.removeEventListener("pointerup", end);
      ol.removeEventListener("pointercancel", end);
      drawPredict({ place, what: "line" });
      $("predict-live").textContent = t("predict.moved", { text: lineWords(pred.truth[pred.order[place]].text), n: place + 1, count: pred.order.length });
    };
    ol.addEventListener("pointermove", move);
    ol.addEventListener("pointerup", end);
    ol.addEventListener("pointercancel", end);
  }

  predictToggle.addEventListener("click", () => setPredict(!pred.on));
  $("predict-pane").addEventListener("click", () => setPredict(true)); // a phone's: in the console's pane
  onLang(() => drawPredict());
  el.code.addEventListener("input", () => { if (pred.on && pred.phase !== "wait") drawPredict(); });

  // predictState is what loopscope.predict() reports.
  function predictState() {
    return {
      on: pred.on, phase: pred.phase, total: pred.total, count: pred.truth.length,
      stamped: pred.stamped, empty: pred.empty ? t(pred.empty) : "",
      lines: pred.order.map((k) => pred.truth[k].text),
      verdicts: pred.order.map((_, p) => (p < pred.shown && pred.phase !== "order" ? (rightAt(p) ? "right" : "wrong") : "")),
      summary: pred.phase === "done" ? predictSummary() : "",
      prompt: pred.prompt ? {
        ask: pred.prompt.ask, question: pred.prompt.question[lang], options: pred.prompt.options.slice(),
        choice: pred.choice, answer: pred.said ? pred.answer : -1, text: answerWords(),
      } : null,
    };
  }

  // ---- the module's side ----

  window.loopscopeProgress = (got, total) => {
    const pct = total > 0 ? Math.min(100, (100 * got) / total) : 0;
    el.progressFill.style.width = pct.toFixed(1) + "%";
    el.progress.setAttribute("aria-valuenow", pct.toFixed(0));
    const mb = (n) => (n / 1e6).toFixed(1);
    delete el.loadingText.dataset.t;
    el.loadingText.textContent = total ? t("loading.progress.total", { got: mb(got), total: mb(total) }) : t("loading.progress", { got: mb(got) });
  };
  window.loopscopeLoaded = () => {
    timings.moduleLoaded = performance.now();
    el.loadingText.dataset.t = "loading.starting";
    el.loadingText.textContent = t("loading.starting");
  };
  // The stage frame names what went wrong by a message key and its detail.
  window.loopscopeFatal = (key, error) => die(key, { error });
  onLang(() => {
    if (!fatalWhy) return;
    fatal = t(fatalWhy.key, fatalWhy.args);
    el.loadingText.textContent = fatal + "\n" + t("fatal.reload");
  });
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
    mod.setLang(lang);
    syncBreaks();
    mod.setView(chosenView);
    paintCode(true); // the editor's colours come from the module
    timings.moduleReady = performance.now();
    el.loading.classList.add("done");
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
    el.loadingText.dataset.t = "loading.redraw";
    el.loadingText.textContent = t("loading.redraw");
    pending = () => {
      if (!source) {
        if (err) showError(err, err.source);
        return;
      }
      run(source, { speed: st.speed }).then((r) => {
        if (r.ok) {
          if (mod.state().views.includes(st.view)) act.setView(st.view);
          act.seek(st.event);
          if (st.playing) act.play();
        }
        if (err) showError(err, err.source);
      });
    };
    el.frame.contentWindow.location.reload();
  }
  watchPixelRatio();

  // ---- views ----
  //
  // The stage shows one view at a time: the loop (the default), or one
  // question asked of the run: who awaits whom, a request's dependencies,
  // the sockets. The switch above the stage offers the views the scene
  // has something to show in, and only when there is more than one; V
  // cycles through them. A new run keeps the learner's choice when it can.

  defineMessages({
    "views.label": { en: "View", ko: "보기" },
    "view.loop": { en: "Loop", ko: "루프" },
    "view.loop.title": { en: "The event loop: its queues, tasks, futures and timeline (V: next view)", ko: "이벤트 루프: 큐, 태스크, 퓨처, 타임라인 (V: 다음 보기)" },
    "view.awaits": { en: "Awaits", ko: "대기 관계" },
    "view.awaits.title": { en: "Which task awaits which task or future, as a tree (V: next view)", ko: "어떤 태스크가 어떤 태스크나 퓨처를 기다리는지 보여 주는 트리 (V: 다음 보기)" },
    "view.depends": { en: "Depends", ko: "의존성" },
    "view.depends.title": { en: "Each request's FastAPI dependencies (V: next view)", ko: "요청마다 풀리는 의존성 트리 (V: 다음 보기)" },
    "view.io": { en: "I/O", ko: "입출력" },
    "view.io.title": { en: "Sockets, their readiness and the bytes they carry (V: next view)", ko: "소켓과 준비 상태, 주고받는 바이트 (V: 다음 보기)" },
  });

  // The views the module knows, and the learner's choice among them: the
  // page keeps it, so a new module (a new pixel ratio) shows it too.
  const VIEWS = ["loop", "awaits", "depends", "io"];
  let chosenView = "loop";
  let shownViews = "", shownView = "";
  // renderViews redraws the view switch when the views or the view change.
  function renderViews(s) {
    const views = (s.views || []).join(" ");
    if (views === shownViews && s.view === shownView) return;
    const box = $("views");
    if (views !== shownViews) {
      box.textContent = "";
      for (const v of s.views) {
        const b = document.createElement("button");
        b.className = "view";
        b.dataset.view = v;
        b.dataset.t = "view." + v;
        b.dataset.tTitle = "view." + v + ".title";
        b.textContent = t(b.dataset.t);
        b.title = t(b.dataset.tTitle);
        b.addEventListener("click", () => act.setView(v));
        box.append(b);
      }
    }
    for (const b of box.children) b.setAttribute("aria-pressed", String(b.dataset.view === s.view));
    box.hidden = s.views.length < 2;
    $("pane-stage").classList.toggle("has-views", !box.hidden);
    shownViews = views;
    shownView = s.view;
  }

  // ---- share ----
  //
  // A link that opens the page as it is now: the scene, the code when it
  // differs from the scene as written, the event on stage, the speed and
  // the language, all in the URL's fragment, so it works from the static
  // site with no server:
  //
  //     #s=07_async_servers&e=121&v=awaits&x=1.5&l=ko&c=<code>
  //
  // v is the stage's view when it is not the loop's; e is the event as the page numbers it ("event 121 / 450"); c is the
  // editor's code, deflated (CompressionStream "deflate-raw") and written
  // in base64url, and only there when the code is edited. e is left out
  // when the editor holds code the stage is not playing: it would point
  // into another run. The fragment changes only when the learner asks for
  // a link (Share), never as they play. Opening a link restores each part
  // it understands, runs an edited code and then moves to the event; a
  // part it does not understand (a cut-off code, an unknown scene, an
  // event past the run's end, a speed that is not a number) is skipped,
  // and the page says which.
  const SHARE_MAX_CODE = 1 << 20; // the most bytes a link's code may unpack to

  defineMessages({
    "share.label": { en: "Share", ko: "공유" },
    "share.title": {
      en: "Copy a link to this scene: its code, event, view, speed and language",
      ko: "이 장면의 코드, 이벤트, 보기, 속도, 언어를 담은 링크 복사",
    },
    "share.copied": { en: "Link copied. Anyone who opens it sees this scene as it is now.", ko: "링크를 복사했습니다. 링크를 여는 사람은 지금 이 장면을 그대로 봅니다." },
    "share.manual": {
      en: "The browser did not let the page copy the link. Copy it from the field below (Ctrl+C).",
      ko: "브라우저가 링크 복사를 허용하지 않았습니다. 아래 칸에서 직접 복사하세요(Ctrl+C).",
    },
    "share.failed": { en: "The page could not make a link: {error}", ko: "링크를 만들지 못했습니다: {error}" },
    "share.url": { en: "Link to share", ko: "공유할 링크" },
    "share.close": { en: "Close", ko: "닫기" },
    "share.bad": { en: "Part of the link you opened was not understood:", ko: "연 링크의 일부를 알아볼 수 없습니다." },
    "share.bad.scene": { en: "There is no scene “{value}”: the first scene is shown.", ko: "“{value}” 장면이 없어서 첫 장면을 보여 줍니다." },
    "share.bad.code": {
      en: "The code could not be read (the link may be cut short): the scene is shown as written.",
      ko: "코드를 읽을 수 없어서(링크가 잘렸을 수 있습니다) 원래 장면을 보여 줍니다.",
    },
    "share.bad.event": {
      en: "There is no event “{value}” in this run of {events} events: the stage is at the first.",
      ko: "이벤트가 {events}개인 이 실행에는 “{value}”번 이벤트가 없어서 첫 이벤트를 보여 줍니다.",
    },
    "share.bad.speed": {
      en: "The speed “{value}” is not a number from 0.1 to 10: the speed is {speed}×.",
      ko: "속도 “{value}”는 0.1에서 10 사이의 수가 아니어서 속도를 {speed}배로 둡니다.",
    },
    "share.bad.view": { en: "This scene has no “{value}” view: the stage shows the loop.", ko: "이 장면에는 “{value}” 보기가 없어서 무대에 루프를 보여 줍니다." },
    "share.bad.lang": { en: "The language “{value}” is not one the page speaks.", ko: "“{value}”는 이 페이지가 쓰는 언어가 아닙니다." },
  });

  // shareURL is a Promise of the link to what is on screen: the page's
  // own address with the fragment, or base's (the embed section's).
  async function shareURL(base) {
    const s = mod ? mod.state() : null;
    const q = new URLSearchParams();
    const scene = sceneById(sceneId);
    const code = el.code.value;
    q.set("s", sceneId || "");
    if (s && s.events > 0 && code === playingSource && !running) q.set("e", String(s.event + 1));
    if (s && s.view && s.view !== "loop") q.set("v", s.view);
    q.set("x", fmtSpeed(s ? s.speed : clampSpeed(parseFloat(el.speed.value) || 1)));
    q.set("l", lang);
    if (!scene || code !== scene.source) q.set("c", base64url(await squeeze(new TextEncoder().encode(code), new CompressionStream("deflate-raw"))));
    return (base || location.href.split("#")[0]) + "#" + q.toString();
  }

  // squeeze passes bytes through a (de)compression stream, failing once
  // the output passes SHARE_MAX_CODE.
  async function squeeze(bytes, stream) {
    const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
    const parts = [];
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      if (n > SHARE_MAX_CODE) {
        reader.cancel().catch(() => {});
        throw new Error("the code unpacks to more than " + SHARE_MAX_CODE + " bytes");
      }
      parts.push(value);
    }
    const out = new Uint8Array(n);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }

  function base64url(bytes) {
    let bin = "";
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function unbase64url(s) {
    if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error("not base64url");
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  // unpackCode is a Promise of the code a link's c= carries; it fails on
  // bad base64url, a corrupt or cut-off deflate stream, or bytes that are
  // not UTF-8.
  async function unpackCode(c) {
    const bytes = await squeeze(unbase64url(c), new DecompressionStream("deflate-raw"));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }

  // sharedLink reads a share link's fragment: null when it is not one (a
  // plain "#07_async_servers" names a scene, as it always did).
  function sharedLink(hash) {
    const h = String(hash || "").replace(/^#/, "");
    if (!/(^|&)s=/.test(h)) return null;
    const q = new URLSearchParams(h);
    return { s: q.get("s"), e: q.get("e"), v: q.get("v"), x: q.get("x"), l: q.get("l"), c: q.get("c") };
  }

  // restoreShared opens the page as the link says; it returns a Promise
  // of the parts it did not understand, as [key, args] messages.
  async function restoreShared(link, hash) {
    const bad = [];
    const short = (v) => (v.length > 40 ? v.slice(0, 40) + "…" : v);
    if (link.l !== null) {
      if (link.l === "en" || link.l === "ko") setLang(link.l);
      else bad.push(["share.bad.lang", { value: short(link.l) }]);
    }
    let scene = sceneById(link.s);
    if (!scene) {
      bad.push(["share.bad.scene", { value: short(link.s || "") }]);
      scene = scenes[0];
    }
    let code;
    if (link.c !== null) {
      try {
        code = await unpackCode(link.c);
      } catch (e) {
        bad.push(["share.bad.code", {}]);
      }
    }
    showShareNote(bad); // what is known so far, while the scene runs
    if (!scene) return bad;
    const r = await load(scene.id, code);
    try { history.replaceState(null, "", hash); } catch (e) { /* file: URLs */ }
    if (r && r.replaced) return bad; // the learner moved on meanwhile
    if (link.x !== null) {
      const x = Number(link.x);
      if (/^\d+(\.\d+)?$/.test(link.x) && x >= MIN_SPEED && x <= MAX_SPEED) act.setSpeed(x);
      else bad.push(["share.bad.speed", { value: short(link.x), speed: fmtSpeed(mod ? mod.state().speed : 1) }]);
    }
    if (link.v !== null) {
      if (mod && mod.state().views.includes(link.v)) act.setView(link.v);
      else bad.push(["share.bad.view", { value: short(link.v) }]);
    }
    if (link.e !== null) {
      const n = Number(link.e), events = mod ? mod.state().events : 0;
      if (/^\d+$/.test(link.e) && n >= 1 && n <= events) act.seek(n - 1);
      else bad.push(["share.bad.event", { value: short(link.e), events }]);
    }
    showShareNote(bad);
    return bad;
  }

  // restoreFromHash restores the share link in the page's fragment, if it
  // holds one (and says so).
  function restoreFromHash() {
    const link = sharedLink(location.hash);
    if (!link) return false;
    restoreShared(link, location.hash);
    return true;
  }

  // The share box under the Share button: what the button did, or which
  // parts of an opened link were not understood, redrawn in the current
  // language; with the link in a field when it must be copied by hand.
  let shareSaid = null; // {head, items, url}
  function showSharePop(said) {
    shareSaid = said;
    drawSharePop();
  }
  function showShareNote(bad) {
    if (bad.length) showSharePop({ head: "share.bad", items: bad });
    else if (shareSaid && shareSaid.head === "share.bad") showSharePop(null);
  }
  function drawSharePop() {
    const pop = $("share-pop"), status = $("share-status"), field = $("share-url");
    pop.hidden = !shareSaid;
    status.textContent = "";
    field.hidden = true;
    if (!shareSaid) return;
    const head = document.createElement("p");
    head.textContent = t(shareSaid.head, shareSaid.args);
    status.append(head);
    if (shareSaid.items) {
      const ul = document.createElement("ul");
      for (const [key, args] of shareSaid.items) {
        const li = document.createElement("li");
        li.textContent = t(key, args);
        ul.append(li);
      }
      status.append(ul);
    }
    if (shareSaid.url) {
      field.hidden = false;
      if (field.value !== shareSaid.url) field.value = shareSaid.url;
    }
  }
  onLang(drawSharePop);

  // shareClicked makes the link, puts it in the fragment (the address bar
  // then shows it too) and copies it; when the clipboard is refused, the
  // link shows selected in a field to copy by hand.
  async function shareClicked() {
    let url;
    try {
      url = await shareURL();
    } catch (e) {
      showSharePop({ head: "share.failed", args: { error: String(e && e.message ? e.message : e) } });
      return;
    }
    try { history.replaceState(null, "", url); } catch (e) { /* file: URLs */ }
    try {
      await navigator.clipboard.writeText(url);
      showSharePop({ head: "share.copied" });
    } catch (e) {
      showSharePop({ head: "share.manual", url });
      const field = $("share-url");
      field.focus();
      field.select();
    }
  }
  $("share").addEventListener("click", () => { shareClicked(); });
  $("share-close").addEventListener("click", () => showSharePop(null));

  // ---- embed ----
  //
  // index.html?embed shows one scene for an iframe in a course page, with
  // the same fragment as a share link (#s=...&e=...&x=...&l=...&c=...),
  // so an edited scene can be embedded too: the stage, whose banner is
  // the caption, and under it a compact transport (step back, play/pause,
  // step forward, the timeline and where it is), two toggles and a link.
  // Code shows the scene's code (read-only: editing is the full page's),
  // where the live tasks' tags show which line each is on; Console shows
  // what the scene has printed so far, the thing most asyncio lessons
  // are about (in which order, at what time), and its Predict button asks
  // the learner to order those lines before watching. On a narrow frame each
  // replaces the stage; from 900 px wide it sits beside it. The notes are
  // left out: the course page around the frame says what the teacher
  // wants said, and the full page, one click away ("loopscope ↗", opening
  // the same scene at the same moment), has them. embed.js marks the page
  // before it draws; the server lets any site frame a page asked for with
  // ?embed (site.EmbedCSP), and the stage frame it loads. The full page's
  // Share box copies the <iframe> for what is on screen.
  const EMBED_HEIGHT = 420; // the snippet's height in CSS pixels: a stage, a caption and the transport

  defineMessages({
    "embed.copy": { en: "Copy embed code", ko: "임베드 코드 복사" },
    "embed.copy.title": {
      en: "Copy an <iframe> that shows this scene, at this moment, in a course page",
      ko: "이 장면을 지금 이 순간부터 강의 페이지 안에 보여 주는 임베드 코드를 복사합니다",
    },
    "embed.copied": {
      en: "Embed code copied. Paste it into your course page's HTML: it shows this scene, at this moment, in a frame.",
      ko: "임베드 코드를 복사했습니다. 강의 페이지의 HTML에 붙여 넣으면 이 장면을 지금 이 순간부터 틀 안에 보여 줍니다.",
    },
    "embed.manual": {
      en: "The browser did not let the page copy the embed code. Copy it from the field below (Ctrl+C).",
      ko: "브라우저가 임베드 코드 복사를 허용하지 않았습니다. 아래 칸에서 직접 복사하세요(Ctrl+C).",
    },
    "embed.title": { en: "loopscope scene: {title}", ko: "loopscope 장면: {title}" },
    "embed.open.label": { en: "Open in loopscope", ko: "loopscope에서 열기" },
    "embed.open.title": {
      en: "Open this scene in the full playground, at this moment",
      ko: "이 장면을 지금 이 순간 그대로 전체 놀이터에서 엽니다",
    },
  });

  // pageBase is the page's address without a query or fragment.
  function pageBase() {
    const u = new URL(location.href);
    u.hash = "";
    u.search = "";
    return u.href;
  }

  // embedSnippet is the <iframe> that shows url, titled by the scene.
  function embedSnippet(url) {
    const s = sceneById(sceneId);
    const title = t("embed.title", { title: s ? sceneTitle(s) : "asyncio" });
    const attr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    return '<iframe src="' + attr(url) + '" title="' + attr(title) + '" width="100%" height="' + EMBED_HEIGHT +
      '" style="max-width: 960px; border: 0;" loading="lazy"></iframe>';
  }

  // embedCode is a Promise of the <iframe> for what is on screen.
  const embedCode = () => shareURL(pageBase() + "?embed").then(embedSnippet);

  // copyEmbed copies the <iframe> into the clipboard, or shows it in the
  // share box's field when the clipboard is refused.
  async function copyEmbed() {
    let code;
    try {
      code = await embedCode();
    } catch (e) {
      showSharePop({ head: "share.failed", args: { error: String(e && e.message ? e.message : e) } });
      return;
    }
    try {
      await navigator.clipboard.writeText(code);
      showSharePop({ head: "embed.copied" });
    } catch (e) {
      showSharePop({ head: "embed.manual", url: code });
      const field = $("share-url");
      field.focus();
      field.select();
    }
  }
  $("share-embed").addEventListener("click", () => { copyEmbed(); });

  if (EMBED) {
    // The transport goes down beside the timeline, the code cannot be
    // edited, and the stage shows first.
    const transport = document.querySelector(".bar .transport");
    el.timeline.parentElement.prepend(transport);
    el.code.readOnly = true;
    // The share box stays, over the stage, to say which parts of the
    // fragment were not understood (a scene misspelt in the embed code).
    el.layout.after($("share-pop"));
    // A toggle is pressed while its pane shows, whoever showed it (a Run
    // shows the stage, the Predict mode the console).
    const toggles = [$("embed-code"), $("embed-console")];
    const pressed = () => {
      for (const b of toggles) b.setAttribute("aria-pressed", String(b.dataset.pane === el.layout.dataset.tab));
    };
    new MutationObserver(pressed).observe(el.layout, { attributes: true, attributeFilter: ["data-tab"] });
    for (const b of toggles) b.addEventListener("click", () => showTab(el.layout.dataset.tab === b.dataset.pane ? "stage" : b.dataset.pane));
    showTab("stage");
    pressed();
    // "loopscope ↗" opens the full page on what the frame shows: its link
    // is made again whenever a pointer or the focus comes to it, before
    // the click that follows.
    const open = $("embed-open");
    const aim = () => { shareURL(pageBase()).then((u) => { open.href = u; }, () => {}); };
    for (const ev of ["pointerenter", "pointerdown", "focus"]) open.addEventListener(ev, aim);
    aim();
  }

  // ---- wiring ----

  el.scene.addEventListener("change", () => load(el.scene.value));
  for (const b of el.tabs) b.addEventListener("click", () => showTab(b.dataset.tab));
  el.play.addEventListener("click", () => act.toggle());
  el.back.addEventListener("click", (e) => { if (e.shiftKey) act.step(-1); else stepBy(undefined, -1); });
  el.fwd.addEventListener("click", (e) => { if (e.shiftKey) act.step(1); else stepBy(undefined, 1); });
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
  // On a phone, a run that plays shows the stage: the code's tab hid it.
  el.run.addEventListener("click", () => Promise.resolve(runEdited()).then((r) => {
    if (r && r.ok && tabsShown()) showTab("stage");
  }));
  // ... and so does a run that takes a while: its veil is on the stage.
  new MutationObserver(() => {
    if (!el.runVeil.hidden && tabsShown()) showTab("stage");
  }).observe(el.runVeil, { attributes: true, attributeFilter: ["hidden"] });
  el.stop.addEventListener("click", () => stop());
  el.lang.addEventListener("click", () => setLang(lang === "en" ? "ko" : "en"));
  el.timeline.addEventListener("input", () => act.seek(Number(el.timeline.value)));
  el.code.addEventListener("input", editorInput);
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
    if (restoreFromHash()) return;
    const id = location.hash.slice(1);
    if (id !== sceneId && sceneById(id)) load(id);
  });

  window.loopscope = {
    state() {
      const s = mod ? mod.state() : null;
      const err = lastError ? lastError.text : fatal || (s && s.crash) || null;
      const st = runInfo && runInfo.stop;
      return {
        ready: !!mod, scene: sceneId, edited: !el.edited.hidden, restarts,
        event: s ? s.event : 0, events: s ? s.events : 0, playing: s ? !!s.playing : false,
        speed: s ? s.speed : Number(el.speed.value), time: s ? s.time : 0,
        concept: eventConcept, lit: litSection, error: err, lang, notes: notesShown, notesLang: notesLang(), frames: s ? s.frames : 0, ticks: s ? s.ticks : 0,
        caption: s ? s.caption : "", // the stage's caption of the current event, in the page's language
        view: s ? s.view : "loop", views: s ? s.views : ["loop"], // the stage's view, and the views the scene has
        running: !!running, embed: EMBED,
        progress: running && s && s.progress ? s.progress : null,
        stop: st ? { kind: st.kind, budget: st.budget, line: st.line, col: st.col, text: stopText(st) } : null,
      };
    },
    stop: () => stop(),
    play: () => act.play(),
    pause: () => act.pause(),
    step: (n) => act.step(n),
    seek: (i) => act.seek(i),
    setSpeed: (x) => act.setSpeed(x),
    setView: (name) => act.setView(name), // "loop", "awaits", "depends" or "io": one of state().views
    setLang: (l) => setLang(l),
    load: (id) => load(id),
    share: () => shareURL(), // a Promise of the link to what is on screen
    embedCode: () => embedCode(), // a Promise of the <iframe> that shows what is on screen in a course page
    run: (source) => { el.code.value = String(source); updateGutter(); return runEdited(); },
    timings: () => Object.assign({}, timings),
    transcript: (from, to) => transcript(from, to),
    openTranscript: () => openTranscript(),
    // Predict: the state; the mode on and off; the learner's moves.
    predict: () => predictState(),
    predictStart: () => setPredict(true),
    predictEnd: () => setPredict(false),
    predictMove: (from, to) => predictMove(Math.trunc(from), Math.trunc(to)),
    predictAnswer: (i) => predictAnswer(Math.trunc(i)),
    predictCheck: () => predictCheck(),
    predictAgain: () => predictAgain(),
    messages: () => Object.fromEntries([...MESSAGES].map(([k, m]) => [k, { en: m.en, ko: m.ko }])),
    scenes: () => scenes.map((s) => ({ id: s.id, title: sceneTitle(s), course: !!s.course })),
    // The classic asyncio mistakes the playing run made, in the page's language.
    mistakes: () => mistakes.map((m) => ({ kind: m.kind, line: m.line, col: m.col, message: mistakeText(m), event: m.event, notes: m.notes })),
  };

  // ---- stepping and breakpoints ----
  //
  // The step buttons and ← → move by a unit the learner picks under the
  // stage, at the timeline's start (the bar on top has no room left):
  // an event, a turn of the loop, a print, the next line of a task (the
  // one whose tag in the editor was clicked, else the running one) or the
  // next breakpoint; Shift+← → always move one event, U picks the next
  // unit. A breakpoint is set on a line by clicking its number in the
  // gutter (F9 on the editor's line), and on kinds of events (a timer
  // fires, a task finishes, an exception) in the Breakpoints box; playing
  // stops where one is reached, and the footer says which. The module
  // finds the stops (playback.Player.StepBy, SetBreaks); line breakpoints
  // move with the edits above them and last while their line exists.
  defineMessages({
    "step.unit": { en: "Step by", ko: "이동 단위" },
    "step.unit.title": { en: "What the step buttons and ← → move by (U; Shift+← → always one event)", ko: "단계 버튼과 ← →가 움직이는 단위 (U로 바꿈, ⇧+← →는 언제나 이벤트 하나씩)" },
    "unit.event": { en: "event", ko: "이벤트" },
    "unit.iteration": { en: "loop iteration", ko: "루프 반복" },
    "unit.print": { en: "print", ko: "출력" },
    "unit.line": { en: "next line", ko: "다음 줄" },
    "unit.break": { en: "breakpoint", ko: "중단점" },
    "step.task": { en: "of {name}", ko: "{name}의 줄" },
    "step.task.running": { en: "of the running task", ko: "실행 중인 태스크의 줄" },
    "step.task.title": { en: "Steps by line follow {name}, picked in the editor's tags; click to follow the running task again", ko: "줄 단위 이동이 편집기의 태그에서 고른 태스크({name})를 따라갑니다. 누르면 다시 실행 중인 태스크를 따라갑니다" },
    "step.task.hint": { en: "Steps by line follow the running task; click a task's tag in the editor to follow that one", ko: "줄 단위 이동이 실행 중인 태스크를 따라갑니다. 편집기에서 태스크의 태그를 누르면 그 태스크를 따라갑니다" },
    "break.label": { en: "Breakpoints", ko: "중단점" },
    "break.title": { en: "Where playing stops: lines and kinds of events (B)", ko: "재생이 멈출 곳: 줄과 이벤트 종류 (B)" },
    "break.heading": { en: "Stop playing when", ko: "재생을 멈출 때" },
    "break.timer": { en: "a timer fires", ko: "타이머가 만료될 때" },
    "break.task": { en: "a task finishes", ko: "태스크가 끝날 때" },
    "break.exception": { en: "an exception is raised", ko: "예외가 발생할 때" },
    "break.lines": { en: "a line with a breakpoint is reached: {lines}", ko: "중단점이 있는 줄에 닿을 때: {lines}" },
    "break.lines.none": { en: "No line has a breakpoint: click a line number in the editor, or press F9 on a line.", ko: "중단점이 있는 줄이 없습니다. 편집기에서 줄 번호를 누르거나 그 줄에서 F9를 누르세요." },
    "break.clear": { en: "Clear the lines", ko: "줄 중단점 지우기" },
    "break.close": { en: "Close", ko: "닫기" },
    "break.gutter": { en: "Click a line number to set or clear a breakpoint (F9 on the editor's line)", ko: "줄 번호를 누르면 중단점을 놓거나 지웁니다 (편집기의 그 줄에서 F9)" },
    "break.set": { en: "Breakpoint set on line {line}.", ko: "{line}번째 줄에 중단점을 놓았습니다." },
    "break.cleared": { en: "Breakpoint on line {line} cleared.", ko: "{line}번째 줄의 중단점을 지웠습니다." },
    "break.hit.line": { en: "Stopped at the breakpoint on line {line}.", ko: "{line}번째 줄의 중단점에서 멈췄습니다." },
    "break.hit.timer": { en: "Stopped at a breakpoint: a timer fired.", ko: "중단점: 타이머가 만료되어 멈췄습니다." },
    "break.hit.task": { en: "Stopped at a breakpoint: a task finished.", ko: "중단점: 태스크가 끝나서 멈췄습니다." },
    "break.hit.exception": { en: "Stopped at a breakpoint: an exception was raised.", ko: "중단점: 예외가 발생해서 멈췄습니다." },
  });

  // The units in the module's numbering (playback.Unit), and the kinds of
  // breakpoints as its bits (playback.BreakOn; 1 is a line).
  const UNITS = ["event", "iteration", "print", "line", "break"];
  const BREAK_KINDS = { timer: 2, task: 4, exception: 8 };
  const stepping = {
    unit: 0,
    task: null,         // the picked task: {task, name}, or null for the running one
    lines: new Set(),   // the editor's lines with a breakpoint
    on: 0,              // BREAK_KINDS' bits
    hit: null,          // where playing stopped at a breakpoint: {event, why, line}
    said: "",           // what the status says
    source: null,       // the editor's text the lines belong to
    scene: null,        // the scene they were set in
  };

  const stepBox = document.createElement("span");
  stepBox.className = "step-unit";
  stepBox.innerHTML =
    '<label class="field"><span class="field-label" data-t="step.unit"></span>' +
    '<select id="step-unit" data-t-aria="step.unit" data-t-title="step.unit.title">' +
    UNITS.map((u) => '<option value="' + u + '" data-t="unit.' + u + '"></option>').join("") + "</select></label>" +
    '<button id="step-task" class="text small" type="button" hidden></button>' +
    '<span class="breaks"><button id="breaks" class="icon" type="button" aria-haspopup="true" aria-expanded="false" data-t-aria="break.label" data-t-title="break.title"><svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="6"/></svg></button>' +
    '<div id="breaks-pop" class="breaks-pop" hidden><div class="breaks-head" data-t="break.heading"></div>' +
    Object.keys(BREAK_KINDS).map((k) => '<label><input type="checkbox" data-kind="' + k + '"> <span data-t="break.' + k + '"></span></label>').join("") +
    '<div id="breaks-lines" class="breaks-lines"></div>' +
    '<div class="breaks-actions"><button id="breaks-clear" class="text" type="button" data-t="break.clear"></button><button id="breaks-close" class="text" type="button" data-t="break.close"></button></div></div></span>';
  el.timeline.before(stepBox);
  const breakStatus = document.createElement("span");
  breakStatus.id = "break-status";
  breakStatus.className = "break-status";
  breakStatus.setAttribute("role", "status");
  el.position.before(breakStatus);
  el.gutter.dataset.tTitle = "break.gutter";
  const sel = $("step-unit"), taskBtn = $("step-task"), breaksBtn = $("breaks"), breaksPop = $("breaks-pop");
  applyWords(stepBox);
  el.gutter.title = t("break.gutter");

  // setUnit picks the unit the step buttons move by (a name or a number).
  function setUnit(u) {
    const k = typeof u === "number" ? u : UNITS.indexOf(u);
    if (!(k >= 0 && k < UNITS.length)) throw new Error("loopscope: unknown step unit " + JSON.stringify(u) + "; one of " + UNITS.join(", "));
    stepping.unit = k;
    sel.value = UNITS[k];
    showStepTask();
  }

  // stepBy moves n units (1 forward, -1 back; Shift: by event), and
  // returns the event the module is now at.
  function stepBy(unit, n) {
    const u = unit === undefined ? stepping.unit : typeof unit === "number" ? unit : UNITS.indexOf(unit);
    if (!(u >= 0 && u < UNITS.length)) throw new Error("loopscope: unknown step unit " + JSON.stringify(unit) + "; one of " + UNITS.join(", "));
    n = n === undefined ? 1 : Math.trunc(Number(n)) || 0;
    act.stepUnits(u, n);
    return mod ? mod.state().event : 0;
  }
  act.stepUnits = (u, n) => {
    if (running) { running.queue.push(() => act.stepUnits(u, n)); return; }
    if (!mod) return;
    mod.step(n, u, stepping.task ? stepping.task.task : 0);
    dirty = true;
    render();
  };

  // pickTask makes steps by line follow a task ({task, name} from the
  // editor's tags), or the running one (null); picking one moves to "line".
  function pickTask(tl) {
    stepping.task = tl && tl.task > 0 ? { task: tl.task, name: tl.name } : null;
    if (stepping.task) setUnit("line");
    showStepTask();
    dirty = true;
  }
  function showStepTask() {
    const line = stepping.unit === UNITS.indexOf("line");
    taskBtn.hidden = !line;
    if (!line) return;
    const tk = stepping.task;
    taskBtn.textContent = tk ? t("step.task", { name: tk.name }) : t("step.task.running");
    taskBtn.title = tk ? t("step.task.title", { name: tk.name }) : t("step.task.hint");
    taskBtn.classList.toggle("picked", !!tk);
  }
  // markPicked outlines the picked task's tags in the editor.
  function markPicked() {
    const id = stepping.task ? String(stepping.task.task) : "";
    for (const c of el.tags.querySelectorAll(".tag[data-task]")) c.classList.toggle("picked", c.dataset.task === id);
  }
  el.tags.addEventListener("click", (e) => {
    const c = e.target.closest && e.target.closest(".tag[data-task]");
    if (!c) return;
    const id = Number(c.dataset.task);
    pickTask(stepping.task && stepping.task.task === id ? null : { task: id, name: c.textContent });
    render();
  });
  el.tags.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    const c = e.target.matches(".tag[data-task]") ? e.target : e.target.querySelector(".tag[data-task]");
    if (!c) return;
    e.preventDefault();
    e.stopPropagation();
    c.click();
  });
  taskBtn.addEventListener("click", () => { pickTask(null); render(); });
  sel.addEventListener("change", () => setUnit(sel.value));

  // A new run is a new player: it gets the breakpoints; a task picked in
  // the old one may not be the same task in it.
  function newRunStepping() {
    pickTask(null);
    syncBreaks();
  }

  // Breakpoints on lines: the gutter's numbers show them, the module gets
  // them (with the kinds) whenever they change and after every run.
  function syncBreaks() {
    if (mod && !fatal) mod.setBreaks(stepping.on, ...[...stepping.lines].sort((a, b) => a - b));
    paintBreaks();
  }
  function paintBreaks() {
    const kids = el.gutter.children;
    for (let i = 0; i < kids.length; i++) kids[i].classList.toggle("bp", stepping.lines.has(i + 1));
    drawBreaksPop();
  }
  new MutationObserver(paintBreaks).observe(el.gutter, { childList: true });
  const lineCount = () => el.code.value.split("\n").length;
  function setBreakpoint(line, on, say) {
    line = Math.trunc(Number(line));
    if (!(line >= 1 && line <= lineCount())) throw new Error("loopscope: no line " + line + " in the editor (1 to " + lineCount() + ")");
    if (on === undefined) on = !stepping.lines.has(line);
    if (on) stepping.lines.add(line);
    else stepping.lines.delete(line);
    stepping.source = el.code.value;
    syncBreaks();
    if (say) sayBreak(on ? "break.set" : "break.cleared", { line });
    return on;
  }
  function breakOn(kind, on) {
    const bit = BREAK_KINDS[kind];
    if (!bit) throw new Error("loopscope: unknown kind of breakpoint " + JSON.stringify(kind) + "; one of " + Object.keys(BREAK_KINDS).join(", "));
    stepping.on = on === false ? stepping.on & ~bit : stepping.on | bit;
    syncBreaks();
  }
  el.gutter.addEventListener("click", (e) => {
    const d = e.target.closest && e.target.closest(".gutter > div");
    if (d) setBreakpoint(Array.prototype.indexOf.call(el.gutter.children, d) + 1, undefined, true);
  });
  el.code.addEventListener("keydown", (e) => {
    if (e.key !== "F9") return;
    e.preventDefault();
    setBreakpoint(el.code.value.slice(0, el.code.selectionStart).split("\n").length, undefined, true);
  });

  // followEdit moves the breakpoints with an edit: those below it by the
  // lines it added or removed; those on lines it removed are gone. A new
  // source (another scene, a run from the API) keeps those whose line is
  // still there, unless the scene changed.
  function followEdit(typed) {
    const before = stepping.source, after = el.code.value;
    stepping.source = after;
    if (before === null || before === after || !stepping.lines.size) return;
    if (stepping.scene !== sceneId) {
      stepping.lines.clear();
    } else if (typed) {
      let p = 0;
      const max = Math.min(before.length, after.length);
      while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
      let q = 0;
      while (q < max - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
      const nl = (s) => s.split("\n").length - 1;
      const at = nl(before.slice(0, p)) + 1, gone = nl(before.slice(p, before.length - q)), added = nl(after.slice(p, after.length - q));
      const moved = new Set();
      for (const l of stepping.lines) {
        if (l <= at) moved.add(l);
        else if (l > at + gone) moved.add(l + added - gone);
      }
      stepping.lines = moved;
    }
    const n = lineCount();
    for (const l of stepping.lines) if (l > n) stepping.lines.delete(l);
    syncBreaks();
  }
  el.code.addEventListener("input", () => followEdit(true));

  // The Breakpoints box: the kinds, the lines, Clear.
  function drawBreaksPop() {
    for (const c of breaksPop.querySelectorAll("input[data-kind]")) c.checked = !!(stepping.on & BREAK_KINDS[c.dataset.kind]);
    const lines = [...stepping.lines].sort((a, b) => a - b);
    $("breaks-lines").textContent = lines.length ? t("break.lines", { lines: lines.join(", ") }) : t("break.lines.none");
    $("breaks-clear").disabled = !lines.length;
    breaksBtn.classList.toggle("on", lines.length > 0 || stepping.on !== 0);
  }
  function showBreaksPop(open) {
    breaksPop.hidden = !open;
    breaksBtn.setAttribute("aria-expanded", String(open));
    if (open) { drawBreaksPop(); breaksPop.querySelector("input").focus(); }
  }
  breaksBtn.addEventListener("click", () => showBreaksPop(breaksPop.hidden));
  $("breaks-close").addEventListener("click", () => { showBreaksPop(false); breaksBtn.focus(); });
  breaksPop.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.stopPropagation(); showBreaksPop(false); breaksBtn.focus(); } });
  breaksPop.addEventListener("change", (e) => { if (e.target.dataset.kind) breakOn(e.target.dataset.kind, e.target.checked); });
  $("breaks-clear").addEventListener("click", () => { stepping.lines.clear(); syncBreaks(); });

  // What the footer says: a breakpoint set or cleared, for a moment, or
  // where playing stopped, while it stays there.
  let sayUntil = 0;
  function sayBreak(key, args) {
    stepping.said = t(key, args);
    breakStatus.textContent = stepping.said;
    sayUntil = performance.now() + 2500;
  }
  const hitKey = (why) => (why & 1 ? "break.hit.line" : why & 2 ? "break.hit.timer" : why & 4 ? "break.hit.task" : "break.hit.exception");

  // stepView is render's hook: d is the module's detail when the event
  // changed (null otherwise), s its state.
  function stepView(s, d) {
    if (stepping.scene !== sceneId) {
      if (stepping.scene !== null) { stepping.lines.clear(); syncBreaks(); }
      stepping.scene = sceneId;
      stepping.task = null;
      showStepTask();
    }
    if (el.code.value !== stepping.source) followEdit(false);
    if (d) {
      stepping.hit = d.hit & 15 ? { event: s.event, why: d.hit & 15, line: d.hit >> 4 } : null;
      markPicked();
    }
    const h = stepping.hit;
    const text = h && !s.playing && h.event === s.event ? t(hitKey(h.why), { line: h.line }) : performance.now() < sayUntil ? stepping.said : "";
    if (breakStatus.textContent !== text) breakStatus.textContent = text;
    breakStatus.classList.toggle("hit", !!(h && text && h.event === s.event));
  }
  onLang(() => { showStepTask(); drawBreaksPop(); el.gutter.title = t("break.gutter"); stepping.said = ""; });

  Object.assign(window.loopscope, {
    stepBy: (unit, n) => stepBy(unit, n),
    setStepUnit: (u) => setUnit(u),
    stepUnit: () => UNITS[stepping.unit],
    pickTask: (name) => {
      if (name === null || name === undefined) return pickTask(null);
      const tl = lastTaskLines.find((x) => x.name === name);
      if (!tl) throw new Error("loopscope: no live task named " + JSON.stringify(name));
      pickTask(tl);
      render();
    },
    setBreakpoint: (line) => { setBreakpoint(line, true); },
    clearBreakpoint: (line) => { setBreakpoint(line, false); },
    breakpoints: () => [...stepping.lines].sort((a, b) => a - b),
    breakOn: (kind, on) => breakOn(kind, on !== false),
    breakKinds: () => Object.keys(BREAK_KINDS).filter((k) => stepping.on & BREAK_KINDS[k]),
    // breakHit says why playing stopped at the current event, if a
    // breakpoint stopped it there: {event, kind, line, text}, or null.
    breakHit: () => {
      const d = mod ? mod.detail() : { hit: 0 }, why = d.hit & 15, line = d.hit >> 4;
      return why ? { event: mod.state().event, kind: hitKey(why).slice(10), line, text: t(hitKey(why), { line }) } : null;
    },
  });

  setLang(lang);
  const first = sceneById(location.hash.slice(1)) || scenes[0];
  if (!restoreFromHash() && first) load(first.id);
  // An embedded page's stage frame says so too: the server then lets the
  // course page's site be its ancestor (site.EmbedCSP).
  el.frame.src = "stage.html?v=" + encodeURIComponent(data.build.hash.slice(0, 16)) + "&size=" + data.build.wasmSize + (EMBED ? "&embed" : "");
  requestAnimationFrame(tick);
})();
