/**
 * The demo signup page's behaviour (/demo.js): collect the applicant's details, have the demo backend create the
 * applicant, hand the client token to <ownercheck-verify>, and once there is a verdict show what the business's
 * backend reads from GET /v1/applicants/:id. Everything is rendered with DOM APIs and textContent, never innerHTML.
 * The element itself comes from /widget.js (loaded by the page), so this imports its types only.
 */
import type { OwnercheckVerify } from "../ownercheck-verify.js";

interface CreatedApplicant {
  id: string;
  client_token: string;
}

interface ApiErrorBody {
  error?: { message?: string; param?: string | null };
}

interface FieldScore {
  score?: number;
  flags?: Record<string, boolean>;
}

interface Owner {
  name: string | null;
  raw_address: string | null;
  email: string | null;
  phone: string | null;
  score: number | null;
  decision: string | null;
}

interface MatchResult {
  score: number;
  decision: "match" | "review" | "mismatch";
  owner_index: number;
  algorithm: string;
  fields: Record<string, FieldScore | null>;
  reasons: string[];
  owners: Owner[];
}

interface ApplicantView {
  id: string;
  verifications: {
    id: string;
    status: string;
    accounts: { institution_name: string | null; last4: string | null }[];
  }[];
  match_result: MatchResult | null;
}

const SAMPLE = {
  name: "Robert J. Smith",
  email: "bob.smith@example.com",
  phone: "+1 (415) 555-0134",
  line1: "742 Evergreen Terrace",
  line2: "Apt 2B",
  city: "Springfield",
  state: "IL",
  postal_code: "62704",
};

const DECISION_TEXT = { match: "Match", review: "Needs review", mismatch: "Mismatch" } as const;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the demo page`);
  return element as T;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

const detailsForm = byId<HTMLFormElement>("details-form");
const detailsError = byId<HTMLParagraphElement>("details-error");
const detailsSubmit = byId<HTMLButtonElement>("details-submit");
const verifyStep = byId<HTMLElement>("verify-step");
const signupForm = byId<HTMLFormElement>("signup-form");
const signupNote = byId<HTMLParagraphElement>("signup-note");
const resultStep = byId<HTMLElement>("result-step");
const result = byId<HTMLDivElement>("result");
const verifier = signupForm.querySelector("ownercheck-verify") as OwnercheckVerify;

let applicant: CreatedApplicant | null = null;

byId<HTMLButtonElement>("fill-sample").addEventListener("click", () => {
  for (const [name, value] of Object.entries(SAMPLE)) {
    const field = detailsForm.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  }
});

detailsForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  detailsError.hidden = true;
  if (!detailsForm.reportValidity()) return;
  detailsSubmit.disabled = true;
  try {
    const input = Object.fromEntries(new FormData(detailsForm));
    const response = await fetch("/demo/api/applicants", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as CreatedApplicant & ApiErrorBody;
    if (!response.ok) throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
    applicant = body;
    verifier.clientToken = body.client_token;
    for (const field of detailsForm.elements) if ("disabled" in field) field.disabled = true;
    verifyStep.hidden = false;
    byId<HTMLElement>("verify-title").focus();
  } catch (error) {
    detailsError.textContent = error instanceof Error ? error.message : String(error);
    detailsError.hidden = false;
    detailsSubmit.disabled = false;
  }
});

// The browser's verdict is a hint; the result the business acts on is read server-side.
verifier.addEventListener("ownercheck-success", () => void showResult());
verifier.addEventListener("ownercheck-exit", (event) => {
  if (event.detail.reason === "token_expired") signupNote.textContent = "The session expired; reload the page.";
});

signupForm.addEventListener("submit", (event) => {
  event.preventDefault();
  signupNote.textContent = `Account created. Northwind stored verification ${verifier.value} with the application.`;
  void showResult();
});

async function showResult(): Promise<void> {
  if (!applicant) return;
  const response = await fetch(`/demo/api/applicants/${encodeURIComponent(applicant.id)}`, {
    headers: { Authorization: `Bearer ${applicant.client_token}` },
  });
  const view = (await response.json()) as ApplicantView & ApiErrorBody;
  result.replaceChildren(
    response.ok
      ? renderApplicant(view)
      : el("p", { className: "error-text", text: view.error?.message ?? "Could not load the result." }),
  );
  resultStep.hidden = false;
}

function renderApplicant(view: ApplicantView): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const verification = view.verifications[0];
  const match = view.match_result;
  if (!match) {
    fragment.append(el("p", { text: `No match result yet (status: ${verification?.status ?? "none"}).` }));
  } else {
    fragment.append(
      el(
        "div",
        { className: "verdict" },
        el("span", { className: `decision decision-${match.decision}`, text: DECISION_TEXT[match.decision] }),
        el("span", { className: "score", text: `score ${match.score} / 100` }),
        el("span", { className: "muted", text: match.algorithm }),
      ),
      el("h3", { text: "Why" }),
      el("ul", { className: "reasons" }, ...match.reasons.map((r) => el("li", { text: r }))),
      el("h3", { text: "Per field" }),
      fieldsTable(match.fields),
      el("h3", { text: match.owners.length > 1 ? "Account owners (the best match decides)" : "Account owner" }),
      ownersTable(match.owners, match.owner_index),
    );
  }
  const account = verification?.accounts[0];
  if (account) {
    fragment.append(
      el("p", { className: "fine", text: `Linked: ${account.institution_name ?? "bank"} ····${account.last4 ?? ""}` }),
    );
  }
  fragment.append(
    el("details", {}, el("summary", { text: "Raw JSON" }), el("pre", { text: JSON.stringify(view, null, 2) })),
  );
  return fragment;
}

function fieldsTable(fields: Record<string, FieldScore | null>): HTMLTableElement {
  const rows = Object.entries(fields).map(([name, field]) =>
    el(
      "tr",
      {},
      el("th", { text: name }),
      el("td", { text: field ? String(field.score ?? "") : "not compared" }),
      el(
        "td",
        {},
        el(
          "span",
          { className: "flags" },
          ...Object.entries(field?.flags ?? {})
            .filter(([, on]) => on)
            .map(([flag]) => el("span", { className: "flag", text: flag.replaceAll("_", " ") })),
        ),
      ),
    ),
  );
  return el(
    "table",
    {},
    el(
      "thead",
      {},
      el("tr", {}, el("th", { text: "Field" }), el("th", { text: "Score" }), el("th", { text: "Flags" })),
    ),
    el("tbody", {}, ...rows),
  );
}

function ownersTable(owners: Owner[], best: number): HTMLTableElement {
  const rows = owners.map((o, i) =>
    el(
      "tr",
      {},
      el("td", { text: `${o.name ?? "—"}${i === best ? " (best)" : ""}` }),
      el("td", { text: o.raw_address ?? "—" }),
      el("td", { text: [o.email, o.phone].filter(Boolean).join(" · ") || "—" }),
      el("td", { text: o.score === null ? "—" : String(o.score) }),
    ),
  );
  return el(
    "table",
    {},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { text: "Name" }),
        el("th", { text: "Address" }),
        el("th", { text: "Contact" }),
        el("th", { text: "Score" }),
      ),
    ),
    el("tbody", {}, ...rows),
  );
}
