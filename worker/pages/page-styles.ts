/**
 * The stylesheet of the worker's own HTML pages (the sandbox linking page and the demo), served at /pages.css so the
 * pages' CSP can be `style-src 'self'` with no inline style anywhere. Light and dark follow the OS.
 */
export const PAGE_STYLES_PATH = "/pages.css";

export const PAGE_CSS = `
:root {
  color-scheme: light dark;
  --bg: light-dark(#f5f6fa, #0e1220);
  --surface: light-dark(#ffffff, #171c2e);
  --text: light-dark(#1a1f36, #e6e9f2);
  --muted: light-dark(#556079, #a7afc3);
  --border: light-dark(#d9dde6, #343c58);
  --accent: light-dark(#2a55d9, #8aa8ff);
  --accent-text: light-dark(#ffffff, #0b1020);
  --success: light-dark(#0f7a55, #4cd69b);
  --warning: light-dark(#8a5300, #f2b661);
  --danger: light-dark(#b4232a, #ff8a8f);
  --radius: 10px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
[hidden] { display: none !important; }
h1, h2, h3 { line-height: 1.25; margin: 0 0 0.5rem; }
h1 { font-size: 1.35rem; }
h2 { font-size: 1.15rem; }
h3 { font-size: 1rem; }
h1:focus, h2:focus { outline: none; }
p { margin: 0 0 0.75rem; }
a { color: var(--accent); }
button, input, select { font: inherit; color: inherit; }
button { cursor: pointer; border-radius: var(--radius); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.primary, .secondary {
  min-height: 2.75rem; padding: 0.55rem 1.1rem; font-weight: 600; border: 1px solid var(--accent);
}
.primary { background: var(--accent); color: var(--accent-text); }
.secondary { background: transparent; border-color: var(--border); }
.primary:disabled, .primary[aria-disabled="true"] { opacity: 0.6; cursor: progress; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.25rem; }
.badge {
  display: inline-block; margin: 0 0 1rem; padding: 0.15rem 0.6rem; border-radius: 999px; font-size: 0.8rem;
  font-weight: 600; color: var(--warning); border: 1px solid currentColor;
}
.muted { color: var(--muted); }
.fine { font-size: 0.85rem; color: var(--muted); }
.spinner {
  width: 2.5rem; height: 2.5rem; margin: 1.5rem auto; border-radius: 50%;
  border: 3px solid var(--border); border-top-color: var(--accent); animation: spin 0.9s linear infinite;
}
@keyframes spin { to { transform: rotate(1turn); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation-duration: 3s; } }

/* The sandbox linking page, shown inside the widget's dialog. */
:root:has(.link) { background: var(--surface); }
.link { max-width: 34rem; margin: 0 auto; padding: 1.25rem; }
.permissions { padding: 0; margin: 0.5rem 0 1rem; list-style: none; display: grid; gap: 0.5rem; }
.permissions li { padding: 0.75rem 0.9rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
.banks { padding: 0; margin: 0.75rem 0 0; list-style: none; display: grid; gap: 0.5rem; }
.bank {
  width: 100%; display: grid; gap: 0.15rem; text-align: left; padding: 0.75rem 0.9rem;
  border: 1px solid var(--border); background: var(--surface);
}
.bank:hover { border-color: var(--accent); }
.bank-name { font-weight: 600; }
.bank-desc { font-size: 0.85rem; color: var(--muted); }
.bank-expect { font-size: 0.75rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.center { text-align: center; }

/* The demo signup page. */
.demo { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
.brand { display: flex; align-items: center; justify-content: space-between; gap: 1rem; margin-bottom: 1.5rem; }
.brand-name { font-size: 1.25rem; font-weight: 700; margin: 0; }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: calc(var(--radius) * 1.4); padding: 1.5rem; margin-bottom: 1.5rem; }
.grid { display: grid; gap: 0.9rem 1rem; grid-template-columns: repeat(6, 1fr); }
.field { display: grid; gap: 0.3rem; grid-column: span 6; }
.field.half { grid-column: span 3; }
.field.third { grid-column: span 2; }
.field.actions { display: flex; margin-top: 0.5rem; }
@media (max-width: 36rem) { .field.half, .field.third { grid-column: span 6; } }
label { font-weight: 600; font-size: 0.9rem; }
input, select {
  width: 100%; min-height: 2.6rem; padding: 0.45rem 0.65rem; border: 1px solid var(--border);
  border-radius: calc(var(--radius) * 0.7); background: var(--bg);
}
input:focus-visible, select:focus-visible { outline-offset: 0; }
.error-text { color: var(--danger); font-weight: 600; }
.verdict { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1rem; margin-bottom: 1rem; }
.decision { font-size: 1.5rem; font-weight: 700; text-transform: capitalize; }
.decision-match { color: var(--success); }
.decision-review { color: var(--warning); }
.decision-mismatch { color: var(--danger); }
.score { font-size: 1.1rem; color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--border); vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
.flags { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.flag { font-size: 0.75rem; padding: 0.05rem 0.45rem; border-radius: 999px; border: 1px solid var(--border); }
.reasons { margin: 0.25rem 0 1rem; padding-left: 1.25rem; }
pre {
  overflow: auto; max-height: 24rem; padding: 0.9rem; border-radius: var(--radius); border: 1px solid var(--border);
  background: var(--bg); font-size: 0.8rem;
}
details summary { cursor: pointer; font-weight: 600; margin: 0.5rem 0; }
`;
