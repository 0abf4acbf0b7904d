/**
 * <ownercheck-verify>: a form control that proves the applicant owns the bank account they link. It creates a
 * verification with the applicant's client token, opens account linking (Stripe's Financial Connections modal, or
 * the sandbox linking page in a dialog), asks the server to complete it, and polls while the bank's ownership data
 * is pending. Its form value is the verification id; with `required` it is invalid until verified.
 */
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { emit, type LinkingMode, type OwnercheckErrorDetail, type VerificationStatus } from "./events.js";
import { styles } from "./ownercheck-verify.styles.js";
import {
  isSandboxMessage,
  type SandboxOutcome,
  sandboxLinkUrl,
  sessionIdFromClientSecret,
} from "./sandbox-protocol.js";
import { type OwnercheckStrings, resolveStrings } from "./strings.js";
import { getStripe } from "./stripe-loader.js";
import { type CurrentVerification, createWidgetApi, WidgetApiError, type WidgetSession } from "./widget-api.js";

/** What the element shows; `waiting` covers both the complete call and polling while ownership is pending. */
export type OwnercheckState =
  | "idle"
  | "connecting"
  | "waiting"
  | "verified"
  | "needs_review"
  | "failed"
  | "canceled"
  | "error";

const STARTABLE: ReadonlySet<OwnercheckState> = new Set(["idle", "failed", "canceled", "error"]);
const POLL_FIRST_DELAY_MS = 1000;
const POLL_MAX_DELAY_MS = 8000;
const POLL_BACKOFF = 1.6;
/** After this long the element stops polling on its own and offers "Check again"; webhooks keep working server-side. */
const POLL_GIVE_UP_MS = 5 * 60 * 1000;

/** The API this copy of the script was served from: the default `api-base` when the element loads from /widget.js. */
const SCRIPT_ORIGIN = (() => {
  try {
    return new URL(import.meta.url).origin;
  } catch {
    return "";
  }
})();

type StringKey = keyof OwnercheckStrings;
/** Per state: the button's label, the status line, and whether the button does something. */
const VIEWS: Record<OwnercheckState | "stalled" | "expired", readonly [StringKey, StringKey, boolean]> = {
  idle: ["start", "idleStatus", true],
  connecting: ["connecting", "connectingStatus", false],
  waiting: ["checking", "waitingStatus", false],
  stalled: ["checkAgain", "stalledStatus", true],
  verified: ["verifiedButton", "verifiedStatus", false],
  needs_review: ["reviewButton", "needsReviewStatus", false],
  failed: ["retry", "failedStatus", true],
  canceled: ["retry", "canceledStatus", true],
  error: ["retry", "errorStatus", true],
  expired: ["start", "expiredStatus", false],
};

interface SandboxLink {
  origin: string;
  session: string;
  settle: (outcome: SandboxOutcome) => void;
}

/**
 * Verifies that the applicant owns the bank account they link.
 *
 * @fires ownercheck-ready - The element has rendered and is usable.
 * @fires ownercheck-open - Account linking opened (detail: verificationId, mode).
 * @fires ownercheck-exit - Linking ended without a verdict (detail: reason `canceled` | `error` | `token_expired`).
 * @fires ownercheck-success - The server returned a verdict (detail: verificationId, status). A UI hint: read the
 *   result server-side with `GET /v1/applicants/:id`.
 * @fires ownercheck-error - A call failed (detail: type, code, message).
 *
 * @csspart button - The action button (verify, retry, check again).
 * @csspart status - The status line, a polite live region.
 * @csspart dialog - The dialog holding the sandbox linking page.
 *
 * @cssprop --ownercheck-accent - Button and focus colour.
 * @cssprop --ownercheck-accent-text - Text on the accent colour.
 * @cssprop --ownercheck-text - Text colour.
 * @cssprop --ownercheck-muted - Status line colour.
 * @cssprop --ownercheck-surface - Dialog background.
 * @cssprop --ownercheck-border - Borders.
 * @cssprop --ownercheck-success - Verified colour.
 * @cssprop --ownercheck-warning - Needs-review colour.
 * @cssprop --ownercheck-danger - Failed and error colour.
 * @cssprop --ownercheck-focus-ring - Focus outline colour.
 * @cssprop --ownercheck-radius - Corner radius.
 * @cssprop --ownercheck-font - Font family (inherits by default).
 * @cssprop --ownercheck-font-size - Base font size.
 * @cssprop --ownercheck-backdrop - Dialog backdrop.
 */
export class OwnercheckVerify extends LitElement {
  static override styles = styles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The form field name; the submitted value is the verification id (`ver_…`). */
  @property({ reflect: true }) name = "";

  /** The applicant's client token from `POST /v1/applicants`. Not reflected: it is a credential. */
  @property({ attribute: "client-token" }) clientToken = "";

  /** Origin of the ownercheck API; defaults to the origin this script was served from. */
  @property({ reflect: true, attribute: "api-base" }) apiBase = "";

  /** The form cannot submit until the bank account is verified. */
  @property({ type: Boolean, reflect: true }) required = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** With `required`, also accept `needs_review` (a reviewer decides later) as a valid value. */
  @property({ type: Boolean, reflect: true, attribute: "allow-review" }) allowReview = false;

  /**
   * Always start a new verification. By default the element first picks up the applicant's newest verification
   * with a linked account (after a reload: its verdict, or polling while the bank's data is pending).
   */
  @property({ type: Boolean, reflect: true, attribute: "no-resume" }) noResume = false;

  /** Overrides for single strings, on top of the language picked from the nearest `lang`. */
  @property({ attribute: false }) strings: Partial<OwnercheckStrings> = {};

  @state() private _state: OwnercheckState = "idle";
  @state() private _stalled = false;
  @state() private _tokenExpired = false;
  @state() private _linkUrl: string | null = null;
  @state() private _formDisabled = false;

  readonly #internals: ElementInternals;
  #verificationId: string | null = null;
  /** Bumped by every start and reset, so the continuation of an abandoned run does nothing. */
  #run = 0;
  #polling = false;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #pollAbort: AbortController | null = null;
  #pollAttempt = 0;
  #pollStartedAt = 0;
  #sandbox: SandboxLink | null = null;
  /** The token whose newest verification was last looked up, so each token is looked up once. */
  #resumedFor = "";
  /** Off once the user starts a run or resets the form: what they did then wins over what the server had. */
  #resumeAllowed = true;
  /** The run that is polling a verification picked up after a reload (its verdict is reported as resumed). */
  #resumedRun = -1;

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  /** The current state (also exposed to CSS as `:state(verified)` and friends). */
  get state(): OwnercheckState {
    return this._state;
  }

  /** The verification id once one exists, else "" (what the form submits). */
  get value(): string {
    return this.#verificationId ?? "";
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Opens account linking, as a click on the button does; ignored while a run is under way or after a verdict. */
  open(): void {
    void this.#start();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A disconnect (React StrictMode's unmount, a move in the DOM) stopped the timer; pick up where it left off.
    if (this.#polling && !this._stalled) this.#schedulePoll(this.#run);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopPolling();
    // A removed dialog cannot report back; the server still learns what happened when `complete` re-reads the session.
    this.#settleSandbox("closed");
  }

  formResetCallback(): void {
    this.#resumeAllowed = false;
    this.#reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The host answers `token_expired` by minting a new token; setting it makes the element usable again, and picks
    // up the verification the old token was following.
    if (changed.has("clientToken") && this._tokenExpired) {
      this.#resumeAllowed = true;
      this.#reset();
    }
    if (changed.has("clientToken")) void this.#resume();
  }

  protected override firstUpdated(): void {
    emit(this, "ownercheck-ready", {});
  }

  protected override updated(): void {
    this.#syncForm();
    const dialog = this.renderRoot.querySelector("dialog");
    if (dialog && this._linkUrl && !dialog.open) dialog.showModal();
  }

  protected override render() {
    const s = this.#strings();
    const view = this.#view(s);
    const disabled = this.disabled || this._formDisabled;
    return html`<div data-state=${this._state} ?data-stalled=${this._stalled}>
        <button part="button" type="button" aria-describedby="status"
          aria-disabled=${view.actionable ? "false" : "true"} ?disabled=${disabled} @click=${this.#onClick}>
          <span class="icon" aria-hidden="true"></span><span>${view.label}</span>
        </button>
        <p part="status" id="status" role="status">${view.status}</p>
      </div>${
        this._linkUrl
          ? html`<dialog part="dialog" aria-label=${s.dialogTitle} @close=${this.#onDialogClosed}>
              <header>
                <span>${s.dialogTitle}</span>
                <button class="close" type="button" aria-label=${s.closeDialog} @click=${this.#onDialogClosed}>✕</button>
              </header>
              <iframe autofocus title=${s.dialogTitle} src=${this._linkUrl} referrerpolicy="no-referrer"></iframe>
            </dialog>`
          : nothing
      }`;
  }

  #strings(): OwnercheckStrings {
    const lang = this.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "en";
    return resolveStrings(lang, this.strings);
  }

  #view(s: OwnercheckStrings): { label: string; status: string; actionable: boolean } {
    const key = this._state === "waiting" && this._stalled ? "stalled" : this._tokenExpired ? "expired" : this._state;
    const [label, status, actionable] = VIEWS[key];
    return { label: s[label], status: s[status], actionable };
  }

  #syncForm(): void {
    const accepted = this._state === "verified" || (this.allowReview && this._state === "needs_review");
    this.#internals.setFormValue(this.#verificationId);
    if (this.required && !accepted) {
      const anchor = this.renderRoot.querySelector<HTMLElement>("[part=button]") ?? undefined;
      this.#internals.setValidity({ valueMissing: true }, this.#strings().valueMissing, anchor);
    } else {
      this.#internals.setValidity({});
    }
    // :state(verified) for host CSS; browsers before CustomStateSet took plain names (Chrome < 125) throw here.
    try {
      const states = this.#internals.states;
      if (!states.has(this._state)) {
        states.clear();
        states.add(this._state);
      }
    } catch {}
  }

  #onClick = (): void => {
    if (this._state === "waiting" && this._stalled) {
      this._stalled = false;
      this.#startPolling(this.#run);
      return;
    }
    void this.#start();
  };

  #api() {
    return createWidgetApi(this.apiBase || SCRIPT_ORIGIN, this.clientToken);
  }

  /**
   * Picks up the applicant's newest linked verification (a reload after linking, or after the verdict). Quiet on
   * failure: the element stays idle and a click starts a new verification as usual.
   */
  async #resume(): Promise<void> {
    const token = this.clientToken;
    if (!this.#resumeAllowed || this.noResume || !token || token === this.#resumedFor) return;
    if (this._state !== "idle" || this.#verificationId) return;
    this.#resumedFor = token;
    const run = this.#run;
    let found: CurrentVerification | null;
    try {
      found = (await this.#api().current()).verification;
    } catch {
      return;
    }
    // A click, a reset or another token since the look-up started wins.
    if (!found || run !== this.#run || token !== this.clientToken || this._state !== "idle") return;
    if (found.status === "canceled") return;
    this.#verificationId = found.id;
    if (found.status === "pending") {
      this._state = "waiting";
      this.#resumedRun = run;
      this.#startPolling(run);
      return;
    }
    this._state = found.status;
    emit(this, "ownercheck-success", { verificationId: found.id, status: found.status, resumed: true });
  }

  async #start(): Promise<void> {
    if (!STARTABLE.has(this._state) || this._tokenExpired || this.disabled || this._formDisabled) return;
    this.#resumeAllowed = false;
    const run = ++this.#run;
    this.#stopPolling();
    this._stalled = false;
    this._state = "connecting";
    try {
      if (!this.clientToken) {
        throw new WidgetApiError(0, "invalid_request_error", "client_token_missing", "No client token was provided.");
      }
      const api = this.#api();
      const session = await api.createSession();
      if (run !== this.#run) return;
      this.#verificationId = session.verification_id;
      emit(this, "ownercheck-open", { verificationId: session.verification_id, mode: session.mode });
      await this.#link(session.mode, session);
      if (run !== this.#run) return;
      this._state = "waiting";
      void this.#restoreFocus();
      // Called after a cancel too: the server re-reads the session and records what really happened.
      const { status } = await api.complete(session.verification_id);
      if (run !== this.#run) return;
      this.#apply(status, run);
    } catch (error) {
      if (run === this.#run) this.#fail(error);
    }
  }

  #link(mode: LinkingMode, session: WidgetSession): Promise<SandboxOutcome> {
    return mode === "sandbox" ? this.#linkInSandbox(session) : this.#linkWithStripe(session);
  }

  async #linkWithStripe(session: WidgetSession): Promise<SandboxOutcome> {
    const stripe = await getStripe(session.publishable_key).catch(() => {
      throw new WidgetApiError(0, "api_connection_error", "stripe_js_unavailable", "Stripe.js could not be loaded.");
    });
    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: session.client_secret });
    if (result.error) {
      const { type, code, message } = result.error;
      throw new WidgetApiError(0, type, code ?? "stripe_error", message ?? "Stripe could not link the account.");
    }
    return result.financialConnectionsSession.accounts.length > 0 ? "linked" : "closed";
  }

  #linkInSandbox(session: WidgetSession): Promise<SandboxOutcome> {
    const apiBase = this.apiBase || SCRIPT_ORIGIN;
    return new Promise((resolve) => {
      this.#sandbox = {
        origin: new URL(apiBase).origin,
        session: sessionIdFromClientSecret(session.client_secret),
        settle: resolve,
      };
      window.addEventListener("message", this.#onMessage);
      this._linkUrl = sandboxLinkUrl(apiBase, session.client_secret, window.location.origin);
    });
  }

  /** Only the worker's exact origin, from our own iframe, about our own session; anything else is ignored. */
  #onMessage = (event: MessageEvent): void => {
    const sandbox = this.#sandbox;
    const frame = this.renderRoot.querySelector("iframe");
    if (!sandbox || !frame || event.origin !== sandbox.origin || event.source !== frame.contentWindow) return;
    if (!isSandboxMessage(event.data) || event.data.session !== sandbox.session) return;
    this.#settleSandbox(event.data.type);
  };

  #onDialogClosed = (): void => {
    this.#settleSandbox("closed");
  };

  #settleSandbox(outcome: SandboxOutcome): void {
    const sandbox = this.#sandbox;
    if (!sandbox) return;
    this.#sandbox = null;
    window.removeEventListener("message", this.#onMessage);
    const dialog = this.renderRoot.querySelector("dialog");
    if (dialog?.open) dialog.close();
    this._linkUrl = null;
    sandbox.settle(outcome);
  }

  async #restoreFocus(): Promise<void> {
    await this.updateComplete;
    if (this.isConnected) this.renderRoot.querySelector<HTMLElement>("[part=button]")?.focus();
  }

  #apply(status: VerificationStatus, run: number): void {
    const verificationId = this.#verificationId ?? "";
    switch (status) {
      case "pending":
        this._state = "waiting";
        this.#startPolling(run);
        return;
      case "canceled":
        this.#polling = false;
        this._state = "canceled";
        emit(this, "ownercheck-exit", { reason: "canceled", verificationId });
        return;
      default:
        this.#polling = false;
        this._state = status;
        emit(
          this,
          "ownercheck-success",
          run === this.#resumedRun ? { verificationId, status, resumed: true } : { verificationId, status },
        );
    }
  }

  #fail(error: unknown): void {
    this.#stopPolling();
    this.#polling = false;
    this.#settleSandbox("closed");
    const detail = errorDetail(error, this.#verificationId);
    this._tokenExpired = error instanceof WidgetApiError && error.tokenExpired;
    this._state = "error";
    emit(this, "ownercheck-error", detail);
    emit(this, "ownercheck-exit", {
      reason: this._tokenExpired ? "token_expired" : "error",
      verificationId: this.#verificationId,
    });
  }

  #startPolling(run: number): void {
    this.#polling = true;
    this.#pollAttempt = 0;
    this.#pollStartedAt = Date.now();
    this.#schedulePoll(run);
  }

  #schedulePoll(run: number): void {
    clearTimeout(this.#pollTimer);
    if (!this.isConnected) return;
    const delay = Math.min(POLL_MAX_DELAY_MS, POLL_FIRST_DELAY_MS * POLL_BACKOFF ** this.#pollAttempt);
    this.#pollTimer = setTimeout(() => void this.#poll(run), delay);
  }

  async #poll(run: number): Promise<void> {
    this.#pollTimer = undefined;
    const id = this.#verificationId;
    if (run !== this.#run || !this.#polling || !this.isConnected || !id) return;
    const abort = new AbortController();
    this.#pollAbort = abort;
    try {
      const { status } = await this.#api().status(id, abort.signal);
      if (run !== this.#run || abort.signal.aborted) return;
      if (status !== "pending") {
        this.#apply(status, run);
        return;
      }
    } catch (error) {
      if (run !== this.#run || abort.signal.aborted) return;
      // Network blips and 5xx are retried; a 4xx (expired token, unknown verification) will not get better.
      if (error instanceof WidgetApiError && error.status >= 400 && error.status < 500) {
        this.#fail(error);
        return;
      }
    } finally {
      if (this.#pollAbort === abort) this.#pollAbort = null;
    }
    this.#pollAttempt += 1;
    if (Date.now() - this.#pollStartedAt >= POLL_GIVE_UP_MS) {
      this._stalled = true;
      return;
    }
    this.#schedulePoll(run);
  }

  #stopPolling(): void {
    clearTimeout(this.#pollTimer);
    this.#pollTimer = undefined;
    this.#pollAbort?.abort();
    this.#pollAbort = null;
  }

  #reset(): void {
    this.#run += 1;
    this.#stopPolling();
    this.#polling = false;
    this.#settleSandbox("closed");
    this.#verificationId = null;
    this._state = "idle";
    this._stalled = false;
    this._tokenExpired = false;
  }
}

function errorDetail(error: unknown, verificationId: string | null): OwnercheckErrorDetail {
  if (error instanceof WidgetApiError) {
    return { type: error.type, code: error.code, message: error.message, verificationId };
  }
  const message = error instanceof Error ? error.message : "Unexpected error.";
  return { type: "api_error", code: "unexpected_error", message, verificationId };
}

declare global {
  interface HTMLElementTagNameMap {
    "ownercheck-verify": OwnercheckVerify;
  }
}
