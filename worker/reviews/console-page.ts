/**
 * The reviewer console's HTML shell. Everything else is /console.js (built from widget/console/), so the page runs
 * under OWN_FILES_CSP: no inline script or style, no third-party origin, nothing framed.
 */
import { OWN_FILES_CSP } from "../pages/csp";

export const CONSOLE_HEADERS = {
  "Content-Security-Policy": OWN_FILES_CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;

/** /console.js: our page's own script, never cached stale (it must match the API it calls), never sniffed. */
export const CONSOLE_SCRIPT_HEADERS = {
  "Content-Type": "text/javascript; charset=utf-8",
  "Cache-Control": "no-cache",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
};

export const CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>ownercheck · review queue</title>
<link rel="icon" href="/console/icon.svg" type="image/svg+xml">
<script type="module" src="/console.js"></script>
</head>
<body>
<div id="app" aria-live="polite">Loading the review console…</div>
<noscript>The review console needs JavaScript.</noscript>
</body>
</html>
`;

/** The tab icon (a same-origin file: the browser would otherwise ask for /favicon.ico and log a 404). */
export const CONSOLE_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3451d1"/><path d="M9 16.5l4.5 4.5L23 11.5" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
