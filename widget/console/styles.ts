/** The console's stylesheet, adopted as a constructed sheet: no <style> element, no inline style, CSP-safe. */
export const CONSOLE_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5c6577; --line: #dde1e8; --bg: #f6f7f9; --panel: #fff;
  --accent: #3451d1; --good: #1f8a4c; --warn: #b7791f; --bad: #c53030; --none: #a0a7b4;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); }
button, input, select, textarea { font: inherit; color: inherit; }
button { cursor: pointer; border: 1px solid var(--line); background: var(--panel); border-radius: 6px; padding: 5px 12px; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled { opacity: .5; cursor: default; }
input, select, textarea { border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; background: #fff; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
header.top { display: flex; align-items: center; gap: 12px; padding: 10px 18px; background: var(--panel); border-bottom: 1px solid var(--line); }
header.top h1 { font-size: 16px; margin: 0 auto 0 0; }
header.top .who { color: var(--muted); }
.signin { max-width: 420px; margin: 12vh auto; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 24px; }
.signin h1 { font-size: 18px; margin-top: 0; }
.signin form { display: grid; gap: 10px; }
.signin .alt { margin-top: 16px; color: var(--muted); }
.error { color: var(--bad); }
.error:empty { display: none; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; padding: 10px 18px; border-bottom: 1px solid var(--line); background: var(--panel); }
form.filters label { display: grid; gap: 2px; font-size: 12px; color: var(--muted); }
form.filters input[type=number] { width: 70px; }
form.filters input[type=search] { width: 200px; }
.layout { display: grid; grid-template-columns: minmax(360px, 40%) 1fr; height: calc(100vh - 112px); }
.queue { overflow: auto; border-right: 1px solid var(--line); }
.queue table { width: 100%; border-collapse: collapse; }
.queue th { position: sticky; top: 0; background: var(--bg); text-align: left; font-size: 12px; color: var(--muted); font-weight: 600; padding: 6px 10px; border-bottom: 1px solid var(--line); }
.queue td { padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.queue tr.row { cursor: pointer; background: var(--panel); }
.queue tr.row:hover { background: #eef1fb; }
.queue tr.row.selected { background: #dfe6ff; box-shadow: inset 3px 0 0 var(--accent); }
.queue .sub { color: var(--muted); font-size: 12px; }
.queue .more { padding: 12px; text-align: center; color: var(--muted); }
.empty { padding: 40px; text-align: center; color: var(--muted); }
.detail { overflow: auto; padding: 16px 22px 40px; }
.detail h2 { font-size: 18px; margin: 0 0 4px; }
.detail h3 { font-size: 14px; margin: 22px 0 8px; }
.meta { color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 16px; }
.pill { display: inline-block; border-radius: 999px; padding: 1px 8px; font-size: 12px; border: 1px solid var(--line); background: var(--bg); }
.pill.open { background: #fff7e6; border-color: #f3d19c; }
.pill.approved { background: #e7f6ec; border-color: #a6dcb9; }
.pill.rejected { background: #fdecec; border-color: #f1b1b1; }
.pill.escalated { background: #efe9fb; border-color: #c9b8f0; }
.pill.match { color: var(--good); } .pill.review { color: var(--warn); } .pill.mismatch { color: var(--bad); }
.bar { display: inline-block; width: 90px; height: 8px; border-radius: 4px; background: #e6e9ef; vertical-align: middle; overflow: hidden; }
.bar > span { display: block; height: 100%; }
.bar.good > span { background: var(--good); } .bar.warn > span { background: var(--warn); }
.bar.bad > span { background: var(--bad); } .bar.none > span { background: var(--none); }
.score { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.score b { min-width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }
table.compare { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line); }
table.compare th, table.compare td { border: 1px solid var(--line); padding: 8px 10px; text-align: left; vertical-align: top; }
table.compare thead th { background: var(--bg); font-size: 12px; }
table.compare th.best { box-shadow: inset 0 -3px 0 var(--accent); }
.norm { color: var(--muted); font-size: 12px; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; margin-top: 3px; }
.todo { color: var(--warn); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 0; padding: 0; list-style: none; }
.chips li { border-radius: 6px; padding: 2px 8px; background: #eef1fb; font-size: 12px; }
.chips li.warning { background: #fff1e6; }
ul.reasons { margin: 0; padding-left: 20px; }
ol.history { margin: 0; padding-left: 20px; }
ol.history li { margin-bottom: 6px; }
.note { white-space: pre-wrap; background: var(--bg); border-radius: 6px; padding: 4px 8px; margin-top: 2px; }
form.decide { display: grid; gap: 10px; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px; max-width: 640px; }
form.decide .actions { display: flex; gap: 8px; flex-wrap: wrap; }
form.decide .actions label { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; cursor: pointer; }
form.decide .actions input { margin: 0 6px 0 0; }
form.decide .actions label.checked { border-color: var(--accent); background: #eef1fb; }
form.decide textarea { min-height: 60px; resize: vertical; }
button.primary kbd { background: transparent; color: inherit; border-color: rgba(255, 255, 255, .6); }
kbd { font: 11px ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; background: #fff; }
.toast { position: fixed; bottom: 18px; right: 18px; background: var(--ink); color: #fff; padding: 8px 14px; border-radius: 8px; }
.toast[hidden] { display: none; }
dialog.help { border: 1px solid var(--line); border-radius: 10px; padding: 18px 22px; }
dialog.help dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 14px; margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
