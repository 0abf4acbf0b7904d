/**
 * The widget's entry point (served as /widget.js): defines <ownercheck-verify> once, so the script can load twice
 * (two bundles, two URLs) without throwing, and re-exports the element's public types.
 */
import { OwnercheckVerify } from "./ownercheck-verify.js";

export const TAG_NAME = "ownercheck-verify";

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, OwnercheckVerify);

export type * from "./events.js";
export { type OwnercheckState, OwnercheckVerify } from "./ownercheck-verify.js";
export { ENGLISH, type OwnercheckStrings, registerStrings } from "./strings.js";
