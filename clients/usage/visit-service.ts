// What a frontend writes with visit-service's generated types (generated/visit-service.ts): when the
// document changes under its clients, this stops type-checking.
import type { components, operations, paths } from "../generated/visit-service";

type Schemas = components["schemas"];

/** 会えなかった訪問: nobody was met, a letter was left at the door. */
export const letterLeft: Schemas["VisitBody"] = {
  caseId: "4f0c2a3e-1b7d-4c55-9a43-2f8e6d9b1c20",
  kind: "HOME",
  occurredAt: "2026-11-20T14:00:00+09:00",
  visitors: [{ userId: "0b7e9c1a-5d2f-4e8a-9c3b-6a1d2e3f4a5b", role: "STAFF" }],
  outcome: "NOT_MET",
  leftBehind: [{ kind: "LETTER", contents: ["SUPPORTER_NEWS", "WHAT_I_CAN_DO"] }],
};

// @ts-expect-error a visit's kind is a closed set
export const phoneCall: Schemas["VisitBody"] = { ...letterLeft, kind: "PHONE_CALL" };

// @ts-expect-error caseId is required
export const noCase: Schemas["VisitBody"] = { kind: "HOME", occurredAt: "2026-11-20T14:00:00+09:00", visitors: [] };

type Recorded = operations["recordVisit"]["responses"][201]["content"]["application/json"];

export function visitorsOf(visit: Recorded): string[] {
  return (visit.visitors ?? []).map((visitor) => visitor.userId);
}

type Correction = paths["/api/v1/visits/{id}"]["patch"]["requestBody"]["content"]["application/merge-patch+json"];

export const longer: Correction = { durationMinutes: 45 };

type Stale = operations["correctVisit"]["responses"][412]["content"]["application/problem+json"];

export function currentVersionOf(problem: Stale): number | undefined {
  return problem.currentVersion;
}
