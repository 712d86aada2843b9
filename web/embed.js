// embed.js runs first, in the page's <head>: a page asked for with
// ?embed (a scene in a course page's iframe) is marked before anything is
// drawn, so that its style hides the full page's chrome from the first
// frame on. app.js does the rest (the embed section).
"use strict";
if (new URLSearchParams(location.search).has("embed")) document.documentElement.classList.add("embed");
