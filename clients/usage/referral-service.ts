// What a frontend writes with referral-service's generated types (generated/referral-service.ts).
import type { components, operations } from "../generated/referral-service";

type Schemas = components["schemas"];

export const toTheHealthCenter: Schemas["ReferralBody"] = {
  caseId: "4f0c2a3e-1b7d-4c55-9a43-2f8e6d9b1c20",
  agencyId: "tokyo-health-center",
  purpose: "CONSULTATION",
  reasons: ["SUSPECTED_MENTAL_ILLNESS"],
  urgency: "ROUTINE",
  sharedSummary: "訪問支援中。医療相談の調整をお願いしたい。",
  legalBasis: "CONSENT",
  consentId: "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
};

// @ts-expect-error urgency is a closed set
export const whenever: Schemas["ReferralBody"] = { ...toTheHealthCenter, urgency: "SOMEDAY" };

type Referrals = operations["listReferrals"]["responses"][200]["content"]["application/json"];

export function stillOpen(page: Referrals): Schemas["ReferralView"][] {
  const closed: Schemas["ReferralStatus"][] = ["REJECTED", "FAILED", "COMPLETED", "CANCELLED", "ENTERED_IN_ERROR"];
  return (page.items ?? []).filter((referral) => referral.status === undefined || !closed.includes(referral.status));
}

type Refused = operations["moveReferral"]["responses"][409]["content"]["application/problem+json"];

export function allowedMovesOf(problem: Refused): string[] {
  return problem.allowedMoves ?? [];
}
