/**
 * Styles of <ownercheck-verify>. Adopted as a constructable stylesheet (no <style> element, no style attribute), so
 * they work under a host CSP of `style-src 'self'`. Every colour and the radius is a `--ownercheck-*` custom property
 * with a light and a dark default. light-dark() follows the used color-scheme, inherited from the host page: a page
 * that declares `color-scheme: light dark` gets the dark look under prefers-color-scheme: dark, a light-only page
 * keeps the light one (a dark widget on a white page is unreadable). --ownercheck-color-scheme overrides it.
 * Kept terse on purpose: esbuild does not minify CSS inside template literals, and this ships in /widget.js.
 */
import { css } from "lit";

export const styles = css`
  :host {
    color-scheme: var(--ownercheck-color-scheme);
    --_accent: var(--ownercheck-accent, light-dark(#2a55d9, #8aa8ff));
    --_text: var(--ownercheck-text, light-dark(#1a1f36, #e6e9f2));
    --_border: var(--ownercheck-border, light-dark(#c9cfdb, #3a4260));
    --_radius: var(--ownercheck-radius, 8px);
    display: block;
    font-family: var(--ownercheck-font, inherit);
    line-height: 1.4;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  button:focus-visible {
    outline: 3px solid var(--ownercheck-focus-ring, var(--_accent));
    outline-offset: 2px;
  }
  [part="button"] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
    padding: 0.6em 1.1em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--ownercheck-accent-text, light-dark(#fff, #0b1020));
    font-weight: 600;
  }
  [aria-disabled="true"],
  :disabled {
    cursor: default;
    background: none;
    color: inherit;
    border-color: var(--_border);
  }
  :disabled {
    opacity: 0.55;
  }
  .icon {
    display: none;
  }
  [data-state="connecting"] .icon,
  [data-state="waiting"]:not([data-stalled]) .icon {
    display: block;
    inline-size: 1em;
    block-size: 1em;
    box-sizing: border-box;
    border: 2px solid;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  [data-state="verified"] .icon {
    display: block;
    inline-size: 1em;
    block-size: 1em;
    background: var(--_tone);
    clip-path: polygon(14% 52%, 0 66%, 38% 100%, 100% 22%, 86% 8%, 38% 72%);
  }
  [data-state="verified"] {
    --_tone: var(--ownercheck-success, light-dark(#0f7a55, #4cd69b));
  }
  [data-state="needs_review"] {
    --_tone: var(--ownercheck-warning, light-dark(#8a5300, #f2b661));
  }
  [data-state="failed"],
  [data-state="error"] {
    --_tone: var(--ownercheck-danger, light-dark(#b4232a, #ff8a8f));
  }
  [part="status"] {
    margin: 0.5em 0 0;
    font-size: 0.9em;
    color: var(--_tone, var(--ownercheck-muted, light-dark(#4f566b, #aab1c4)));
  }
  dialog {
    inline-size: min(30rem, 100vw - 2rem);
    block-size: min(42rem, 100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--ownercheck-surface, light-dark(#fff, #161b2e));
    color: var(--_text);
    overflow: hidden;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: var(--ownercheck-backdrop, rgb(10 14 30 / 0.6));
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 0.5em 0.5em 0.5em 1em;
    border-block-end: 1px solid var(--_border);
    font-weight: 600;
  }
  .close {
    inline-size: 2.25em;
    block-size: 2.25em;
    border: 0;
    background: none;
  }
  iframe {
    flex: 1;
    border: 0;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
