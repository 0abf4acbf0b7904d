/**
 * The reviewer console (/console): sign in with a reviewer key or through Cloudflare Access, work the queue with
 * filters, read an item side by side, decide with a reason, export the current filter as CSV. Keyboard: j/k move,
 * a/r/e pick approve/reject/escalate, / searches, ? shows the shortcuts. Plain DOM and a constructed stylesheet:
 * the page runs under `default-src 'self'` with no inline script or style.
 */
import {
  ApiError,
  download,
  forgetKey,
  getJson,
  type Principal,
  postJson,
  type ReasonCode,
  type ReviewAction,
  type ReviewDetail,
  type ReviewList,
  type ReviewRow,
  storedKey,
  storeKey,
} from "./api";
import { h, mount } from "./dom";
import { ACTION_WORDS, age, band, dateTime, flagWords, isWarningFlag, STATUS_WORDS } from "./format";
import { CONSOLE_CSS } from "./styles";

const PAGE_SIZE = 50;
const FIELDS = ["name", "address", "email", "phone"] as const;
const ACTION_KEYS: Record<string, ReviewAction> = { a: "approve", r: "reject", e: "escalate" };
const DONE_WORDS: Record<ReviewAction, string> = {
  approve: "Approved",
  reject: "Rejected",
  escalate: "Escalated",
  reopen: "Reopened",
};

interface Filters {
  review_status: string;
  decision: string;
  score_gte: string;
  score_lte: string;
  created_gte: string;
  created_lte: string;
  institution: string;
  q: string;
  sort: string;
}

const DEFAULT_FILTERS: Filters = {
  review_status: "open",
  decision: "",
  score_gte: "",
  score_lte: "",
  created_gte: "",
  created_lte: "",
  institution: "",
  q: "",
  sort: "-created",
};

const state = {
  principal: null as Principal | null,
  codes: [] as ReasonCode[],
  filters: { ...DEFAULT_FILTERS },
  rows: [] as ReviewRow[],
  nextCursor: null as string | null,
  hasMore: false,
  selected: -1,
  detail: null as ReviewDetail | null,
  action: null as ReviewAction | null,
  loading: false,
};

const root = document.getElementById("app") as HTMLElement;
const queueEl = h("section", { class: "queue", "aria-label": "Review queue" });
const detailEl = h("section", { class: "detail", "aria-label": "Selected item", "data-testid": "detail" });
const toastEl = h("div", { class: "toast", role: "status", hidden: true });
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function toast(message: string) {
  toastEl.textContent = message;
  toastEl.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toastEl.hidden = true;
  }, 3500);
}

function adoptStyles() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CONSOLE_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

// ── Sign-in ─────────────────────────────────────────────────────────────────────────────────────────────────────

function renderSignIn(message = "") {
  const input = h("input", {
    type: "password",
    name: "key",
    autocomplete: "off",
    placeholder: "oc_rk_…",
    required: true,
    "aria-label": "Reviewer key",
    "data-testid": "key-input",
  });
  const form = h(
    "form",
    {
      onsubmit: async (event: Event) => {
        event.preventDefault();
        storeKey(input.value.trim());
        await start(true);
      },
    },
    h("label", {}, "Reviewer key"),
    input,
    h("button", { class: "primary", type: "submit", "data-testid": "sign-in" }, "Sign in"),
  );
  mount(
    root,
    h(
      "main",
      { class: "signin" },
      h("h1", {}, "ownercheck review console"),
      message ? h("p", { class: "error", role: "alert" }, message) : null,
      form,
      h(
        "p",
        { class: "alt" },
        "Behind Cloudflare Access? ",
        h("button", { type: "button", onclick: () => start(false) }, "Continue with Access"),
      ),
      h("p", { class: "alt" }, "The key stays in this tab's session storage and is gone when you close it."),
    ),
  );
  input.focus();
}

/**
 * Checks the credentials (a stored key, or else the Access session) and opens the console. `quiet` is the first
 * look on page load: no Access session then just means "show the sign-in form", not an error.
 */
async function start(withKey: boolean, quiet = false) {
  if (!withKey) forgetKey();
  try {
    state.principal = await getJson<Principal>("/v1/reviews/whoami");
  } catch (error) {
    forgetKey();
    const denied = error instanceof ApiError && (error.status === 401 || error.status === 403);
    if (quiet && denied) return renderSignIn();
    renderSignIn(
      denied
        ? withKey
          ? "That key was not accepted (unknown, revoked, or not a reviewer key)."
          : "No Cloudflare Access session for this console; sign in with a reviewer key."
        : "The API could not be reached.",
    );
    return;
  }
  state.codes = (await getJson<{ data: ReasonCode[] }>("/v1/reviews/reason_codes")).data;
  renderShell();
  await loadQueue();
}

function signOut() {
  forgetKey();
  state.principal = null;
  renderSignIn();
}

// ── Shell and filters ───────────────────────────────────────────────────────────────────────────────────────────

function select(name: keyof Filters, label: string, options: [string, string][]) {
  return h(
    "label",
    {},
    label,
    h(
      "select",
      { name, "data-testid": `filter-${name}` },
      options.map(([value, text]) => h("option", { value, selected: state.filters[name] === value }, text)),
    ),
  );
}

function input(name: keyof Filters, label: string, attrs: Record<string, string | number> = {}) {
  return h(
    "label",
    {},
    label,
    h("input", { name, value: state.filters[name], "data-testid": `filter-${name}`, ...attrs }),
  );
}

function filterForm() {
  const form = h(
    "form",
    { class: "filters", "aria-label": "Filters" },
    select("review_status", "Status", [
      ["", "Any"],
      ["open", "Open"],
      ["escalated", "Escalated"],
      ["approved", "Approved"],
      ["rejected", "Rejected"],
    ]),
    select("decision", "Decision", [
      ["", "Any"],
      ["review", "Review"],
      ["mismatch", "Mismatch"],
      ["match", "Match"],
    ]),
    input("score_gte", "Score ≥", { type: "number", min: 0, max: 100 }),
    input("score_lte", "Score ≤", { type: "number", min: 0, max: 100 }),
    input("created_gte", "Created from", { type: "date" }),
    input("created_lte", "Created to", { type: "date" }),
    input("institution", "Institution", { type: "text", placeholder: "exact name" }),
    input("q", "Applicant", { type: "search", placeholder: "name or email (press /)" }),
    select("sort", "Sort", [
      ["-created", "Newest first"],
      ["created", "Oldest first"],
      ["-score", "Highest score"],
      ["score", "Lowest score"],
    ]),
    h("button", { class: "primary", type: "submit", "data-testid": "apply-filters" }, "Apply"),
    h("button", { type: "reset" }, "Reset"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    for (const key of Object.keys(DEFAULT_FILTERS) as (keyof Filters)[])
      state.filters[key] = String(data.get(key) ?? "").trim();
    void loadQueue();
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    state.filters = { ...DEFAULT_FILTERS };
    renderShell();
    void loadQueue();
  });
  return form;
}

function queryString(extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) {
    if (!value) continue;
    // Dates from the picker are whole days: "to" includes all of that day (UTC, like the API).
    if (key === "created_gte") params.set(key, `${value}T00:00:00Z`);
    else if (key === "created_lte") params.set(key, `${value}T23:59:59Z`);
    else params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

async function exportCsv() {
  try {
    const name = await download(`/v1/reviews/export.csv?${queryString()}`, "ownercheck-reviews.csv");
    toast(`Exported ${name}`);
  } catch (error) {
    toast(error instanceof Error ? error.message : "Export failed");
  }
}

function renderShell() {
  const principal = state.principal;
  mount(
    root,
    h(
      "header",
      { class: "top" },
      h("h1", {}, "ownercheck · Review queue"),
      h("span", { class: "who", "data-testid": "who" }, principal ? `${principal.actor} (${principal.role})` : ""),
      h("button", { type: "button", onclick: exportCsv, "data-testid": "export" }, "Export CSV"),
      h("button", { type: "button", onclick: () => helpDialog.showModal() }, "Shortcuts ", h("kbd", {}, "?")),
      h("button", { type: "button", onclick: signOut }, "Sign out"),
    ),
    filterForm(),
    h("div", { class: "layout" }, queueEl, detailEl),
    toastEl,
    helpDialog,
  );
}

const helpDialog = h(
  "dialog",
  { class: "help", "aria-label": "Keyboard shortcuts" },
  h("h2", {}, "Keyboard shortcuts"),
  h(
    "dl",
    {},
    [
      ["j / k", "next / previous item"],
      ["a / r / e", "approve / reject / escalate (then pick a reason and press Enter)"],
      ["/", "search applicants"],
      ["Esc", "leave a field"],
      ["?", "this help"],
    ].flatMap(([key, what]) => [h("dt", {}, h("kbd", {}, key as string)), h("dd", {}, what as string)]),
  ),
  h("form", { method: "dialog" }, h("button", {}, "Close")),
);

// ── Queue ───────────────────────────────────────────────────────────────────────────────────────────────────────

function scoreBar(score: number | null, label: string) {
  const fill = h("span");
  fill.style.width = `${Math.max(0, Math.min(100, score ?? 0))}%`; // CSSOM, not a style attribute: CSP-safe.
  return h(
    "span",
    { class: "score" },
    h("b", {}, score === null ? "—" : score),
    h(
      "span",
      {
        class: `bar ${band(score)}`,
        role: "meter",
        "aria-label": label,
        "aria-valuemin": 0,
        "aria-valuemax": 100,
        "aria-valuenow": score ?? 0,
      },
      fill,
    ),
  );
}

function statusPill(status: string | null) {
  return status
    ? h("span", { class: `pill ${status}` }, STATUS_WORDS[status] ?? status)
    : h("span", { class: "pill" }, "Auto");
}

function renderQueue() {
  if (state.rows.length === 0 && !state.loading) {
    // A search examines a bounded number of rows per request; nothing found yet is not "nothing at all".
    mount(
      queueEl,
      state.hasMore
        ? h(
            "p",
            { class: "empty" },
            "No match among the items searched so far. ",
            h(
              "button",
              { type: "button", onclick: () => void loadMore(), "data-testid": "load-more" },
              "Search further",
            ),
          )
        : h("p", { class: "empty", "data-testid": "queue-empty" }, "Nothing matches these filters."),
    );
    return;
  }
  const rows = state.rows.map((row, index) =>
    h(
      "tr",
      {
        class: `row${index === state.selected ? " selected" : ""}`,
        "data-testid": "queue-row",
        "data-id": row.id,
        "aria-selected": index === state.selected ? "true" : "false",
        onclick: () => void selectRow(index),
      },
      h(
        "td",
        {},
        h("div", {}, row.applicant.erased ? "(erased)" : (row.applicant.name ?? "—")),
        h("div", { class: "sub" }, row.applicant.email ?? ""),
      ),
      h("td", {}, scoreBar(row.score, "Overall score")),
      h(
        "td",
        {},
        row.decision
          ? h("span", { class: `pill ${row.decision}` }, row.decision)
          : h("span", { class: "sub" }, row.state),
        " ",
        statusPill(row.review_status),
      ),
      h("td", {}, h("div", {}, row.institution ?? "—"), h("div", { class: "sub" }, `${age(row.age_seconds)} ago`)),
    ),
  );
  mount(
    queueEl,
    h(
      "table",
      { "data-testid": "queue" },
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}, "Applicant"), h("th", {}, "Score"), h("th", {}, "Verdict"), h("th", {}, "Bank · age")),
      ),
      h("tbody", {}, rows),
    ),
    h(
      "div",
      { class: "more" },
      state.loading
        ? "Loading…"
        : state.hasMore
          ? h("button", { type: "button", onclick: () => void loadMore(), "data-testid": "load-more" }, "Load more")
          : `${state.rows.length} item${state.rows.length === 1 ? "" : "s"}`,
    ),
  );
}

async function fetchPage(cursor: string | null) {
  const extra: Record<string, string> = { limit: String(PAGE_SIZE) };
  if (cursor) extra.cursor = cursor;
  return getJson<ReviewList>(`/v1/reviews?${queryString(extra)}`);
}

async function loadQueue() {
  state.loading = true;
  state.rows = [];
  state.selected = -1;
  state.detail = null;
  renderDetail();
  await appendPage(null);
  if (state.rows.length > 0) await selectRow(0);
}

async function loadMore() {
  if (!state.nextCursor) return;
  state.loading = true;
  await appendPage(state.nextCursor);
}

/** Fetches one page of the queue after `cursor` and appends it (state.loading is set by the caller). */
async function appendPage(cursor: string | null) {
  renderQueue();
  try {
    const page = await fetchPage(cursor);
    state.rows.push(...page.data);
    state.hasMore = page.has_more;
    state.nextCursor = page.next_cursor;
  } catch (error) {
    handleError(error);
  } finally {
    state.loading = false;
    renderQueue();
  }
}

async function selectRow(index: number) {
  const row = state.rows[index];
  if (!row) return;
  state.selected = index;
  state.action = null;
  renderQueue();
  queueEl.querySelector("tr.selected")?.scrollIntoView({ block: "nearest" });
  try {
    const detail = await getJson<ReviewDetail>(`/v1/reviews/${encodeURIComponent(row.id)}`);
    if (state.rows[state.selected]?.id === row.id) {
      state.detail = detail;
      renderDetail();
    }
  } catch (error) {
    handleError(error);
  }
}

function handleError(error: unknown) {
  if (error instanceof ApiError && error.status === 401) {
    forgetKey();
    renderSignIn("Your session has ended; sign in again.");
    return;
  }
  toast(error instanceof Error ? error.message : "Something went wrong");
}

// ── Detail ──────────────────────────────────────────────────────────────────────────────────────────────────────

const text = (value: string | null | undefined) => (value ? value : h("span", { class: "sub" }, "—"));

function typedAddress(address: NonNullable<ReviewDetail["applicant"]>["typed"]["address"]) {
  if (!address) return null;
  return [
    address.line1,
    address.line2,
    [address.city, address.state, address.postal_code].filter(Boolean).join(" "),
    address.country,
  ]
    .filter(Boolean)
    .join(", ");
}

function normalizedLine(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object" && "words" in (value as object))
    return ((value as { words: string[] }).words ?? []).join(" ");
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(" ") : String(v)}`);
  return parts.length > 0 ? parts.join(" · ") : null;
}

function cell(raw: string | null | undefined, normalized: unknown) {
  const norm = normalizedLine(normalized);
  return h(
    "td",
    {},
    h("div", {}, text(raw)),
    norm ? h("div", { class: "norm", title: "as the matcher reads it" }, norm) : null,
  );
}

function compareTable(detail: ReviewDetail) {
  const a = detail.applicant;
  const typed = a?.typed;
  const rawOf = (owner: ReviewDetail["owners"][number], field: (typeof FIELDS)[number]) => owner.raw[field];
  return h(
    "table",
    { class: "compare", "data-testid": "compare" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, "Field"),
        h("th", {}, "Applicant typed", a?.erased ? " (erased)" : ""),
        detail.owners.map((o) =>
          h(
            "th",
            { class: o.best ? "best" : "" },
            `Bank owner ${o.index + 1}`,
            o.best ? " · best match" : "",
            o.purged ? " · purged" : "",
            h("div", { class: "sub" }, o.account ? `${o.account.institution ?? ""} ••${o.account.last4 ?? ""}` : ""),
          ),
        ),
      ),
    ),
    h(
      "tbody",
      {},
      FIELDS.map((field) =>
        h(
          "tr",
          {},
          h("th", {}, field.charAt(0).toUpperCase() + field.slice(1)),
          cell(
            field === "address" ? typedAddress(typed?.address ?? null) : (typed?.[field] ?? null),
            a?.normalized?.[field] ?? null,
          ),
          detail.owners.map((o) => {
            const f = o.fields?.[field] ?? null;
            const td = cell(rawOf(o, field), o.normalized?.[field] ?? null);
            td.append(
              h(
                "div",
                {},
                f
                  ? scoreBar(f.score, `${field} score, owner ${o.index + 1}`)
                  : h("span", { class: "sub" }, "not compared"),
              ),
            );
            return td;
          }),
        ),
      ),
      h(
        "tr",
        {},
        h("th", {}, "Overall"),
        h("td", {}, ""),
        detail.owners.map((o) => h("td", {}, scoreBar(o.score, `overall score, owner ${o.index + 1}`))),
      ),
    ),
  );
}

function decisionForm(detail: ReviewDetail) {
  const allowed = detail.allowed_decisions;
  if (allowed.length === 0) return h("p", { class: "sub" }, "This verification has no verdict to review.");
  if (state.action && !allowed.includes(state.action)) state.action = null;
  const reason = h(
    "select",
    { name: "reason_code", "aria-label": "Reason", "data-testid": "reason" },
    h("option", { value: "" }, "Reason…"),
    state.codes.map((c) => h("option", { value: c.code }, c.label)),
  );
  const note = h("textarea", {
    name: "note",
    placeholder: "Note (optional; stays with the decision)",
    maxlength: 2000,
    "data-testid": "note",
  });
  const error = h("p", { class: "error", role: "alert" });
  const form = h(
    "form",
    { class: "decide", "data-testid": "decide", "aria-label": "Decision" },
    h(
      "div",
      { class: "actions", role: "radiogroup", "aria-label": "Decision" },
      allowed.map((action) =>
        h(
          "label",
          { class: state.action === action ? "checked" : "" },
          h("input", {
            type: "radio",
            name: "decision",
            value: action,
            checked: state.action === action,
            "data-testid": `action-${action}`,
            onchange: () => chooseAction(action),
          }),
          ACTION_WORDS[action],
          action === "reopen" ? "" : ` (${action[0]})`,
        ),
      ),
    ),
    reason,
    note,
    error,
    h(
      "div",
      {},
      h(
        "button",
        { class: "primary", type: "submit", "data-testid": "submit-decision" },
        "Submit decision ",
        h("kbd", {}, "Enter"),
      ),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const action = state.action;
    if (!action) {
      error.textContent = "Pick approve, reject or escalate.";
      return;
    }
    if (action !== "reopen" && !reason.value) {
      error.textContent = "Pick a reason.";
      reason.focus();
      return;
    }
    await submitDecision(detail, action, reason.value || null, note.value.trim() || null);
  });
  return form;
}

function chooseAction(action: ReviewAction) {
  if (!state.detail?.allowed_decisions.includes(action)) return;
  state.action = action;
  for (const label of detailEl.querySelectorAll("form.decide .actions label")) {
    const radio = label.querySelector("input") as HTMLInputElement;
    radio.checked = radio.value === action;
    label.classList.toggle("checked", radio.checked);
  }
  (detailEl.querySelector('[data-testid="reason"]') as HTMLSelectElement | null)?.focus();
}

async function submitDecision(
  detail: ReviewDetail,
  action: ReviewAction,
  reasonCode: string | null,
  note: string | null,
) {
  const button = detailEl.querySelector('[data-testid="submit-decision"]') as HTMLButtonElement | null;
  if (button) button.disabled = true;
  try {
    // One key per intended decision: a double submit or a retry after a dropped answer records it once.
    const key = `console-${detail.id}-${action}-${detail.history.length}`;
    const result = await postJson<{ review_status: ReviewRow["review_status"] }>(
      `/v1/reviews/${encodeURIComponent(detail.id)}/decision`,
      { decision: action, reason_code: reasonCode, note },
      { "Idempotency-Key": key },
    );
    toast(`${DONE_WORDS[action]}: ${detail.applicant?.typed.name ?? detail.id}`);
    afterDecision(detail.id, result.review_status);
  } catch (error) {
    handleError(error);
    if (button) button.disabled = false;
  }
}

/** The item leaves the list when it no longer matches the status filter; otherwise its row and detail refresh. */
function afterDecision(id: string, status: ReviewRow["review_status"]) {
  const index = state.rows.findIndex((r) => r.id === id);
  if (index === -1) return;
  const filter = state.filters.review_status;
  if (filter && filter !== status) {
    state.rows.splice(index, 1);
    state.detail = null;
    renderQueue();
    if (state.rows.length > 0) void selectRow(Math.min(index, state.rows.length - 1));
    else renderDetail();
    return;
  }
  const row = state.rows[index];
  if (row) row.review_status = status;
  void selectRow(index);
}

function renderDetail() {
  const d = state.detail;
  if (!d) {
    mount(detailEl, h("p", { class: "empty" }, state.rows.length ? "Loading…" : "Select an item."));
    return;
  }
  const name = d.applicant?.erased ? "(erased applicant)" : (d.applicant?.typed.name ?? "—");
  const flags = d.result?.flags ?? [];
  mount(
    detailEl,
    h("h2", { "data-testid": "detail-name" }, name),
    h(
      "div",
      { class: "meta" },
      h("span", {}, d.id),
      h("span", {}, `${d.institution ?? "Unknown bank"}${d.last4 ? ` ••${d.last4}` : ""}`),
      h("span", {}, `created ${dateTime(d.created)}`),
      h("span", {}, `owners refreshed ${dateTime(d.refreshed_at)}`),
      d.decision ? h("span", { class: `pill ${d.decision}` }, d.decision) : h("span", {}, d.state),
      h("span", { "data-testid": "detail-status" }, statusPill(d.review_status)),
      d.result ? h("span", {}, scoreBar(d.result.score, "Overall score")) : null,
    ),
    h("h3", {}, "Applicant vs bank owners"),
    compareTable(d),
    h("p", { class: "sub" }, "Grey lines show each value as the matcher normalized it."),
    h("h3", {}, "Why"),
    d.result && d.result.reasons.length > 0
      ? h(
          "ul",
          { class: "reasons", "data-testid": "reasons" },
          d.result.reasons.map((r) => h("li", {}, r)),
        )
      : h("p", { class: "sub" }, "No reasons recorded."),
    flags.length > 0
      ? h(
          "ul",
          { class: "chips", "aria-label": "Flags" },
          flags.map((f) => h("li", { class: isWarningFlag(f) ? "warning" : "" }, flagWords(f))),
        )
      : null,
    h("h3", {}, "Decision"),
    decisionForm(d),
    h("h3", {}, "History"),
    d.history.length === 0
      ? h("p", { class: "sub" }, "No reviewer decisions yet.")
      : h(
          "ol",
          { class: "history", "data-testid": "history" },
          d.history.map((entry) =>
            h(
              "li",
              {},
              h("strong", {}, ACTION_WORDS[entry.decision] ?? entry.decision),
              entry.reason_label ? ` — ${entry.reason_label}` : "",
              h("span", { class: "sub" }, ` · ${entry.actor} · ${dateTime(entry.created)}`),
              entry.note ? h("div", { class: "note" }, entry.note) : null,
            ),
          ),
        ),
  );
}

// ── Keyboard ────────────────────────────────────────────────────────────────────────────────────────────────────

function onKey(event: KeyboardEvent) {
  if (!state.principal || event.metaKey || event.ctrlKey || event.altKey) return;
  const target = event.target as HTMLElement;
  const typing = target.closest("input, textarea, select") !== null;
  if (event.key === "Escape") {
    if (typing) target.blur();
    return;
  }
  if (typing) {
    // Enter on the reason picker submits the decision.
    if (event.key === "Enter" && target.matches('[data-testid="reason"]')) {
      event.preventDefault();
      (detailEl.querySelector("form.decide") as HTMLFormElement | null)?.requestSubmit();
    }
    return;
  }
  if (event.key === "j" || event.key === "k") {
    event.preventDefault();
    const next = state.selected + (event.key === "j" ? 1 : -1);
    if (next >= 0 && next < state.rows.length) void selectRow(next);
    else if (next >= state.rows.length && state.hasMore) void loadMore();
  } else if (event.key in ACTION_KEYS) {
    event.preventDefault();
    chooseAction(ACTION_KEYS[event.key] as ReviewAction);
  } else if (event.key === "/") {
    event.preventDefault();
    (root.querySelector('[data-testid="filter-q"]') as HTMLInputElement | null)?.focus();
  } else if (event.key === "?") {
    helpDialog.showModal();
  }
}

adoptStyles();
document.addEventListener("keydown", onKey);
void start(storedKey() !== null, true);
