// What a frontend writes with case-service's generated types (generated/case-service.ts).
import type { components, paths } from "../generated/case-service";

type Schemas = components["schemas"];

/** 家族の最初の相談: the family's first consultation opens the case. */
export const firstConsultation: Schemas["OpenCase"] = {
  intake: { receivedAt: "2026-11-02T10:30:00+09:00", channel: "PHONE", consultant: { relation: "MOTHER" } },
  subject: { familyName: "佐藤", givenName: "一郎", familyNameKana: "サトウ", givenNameKana: "イチロウ", withdrawalSince: "2019-04" },
};

// @ts-expect-error a phase is a closed set
export const nowhere: Schemas["Phase"] = "SOMEWHERE";

type Cases = paths["/api/v1/cases"]["get"]["responses"][200]["content"]["application/json"];

export function overdue(page: Cases): Schemas["CaseSummary"][] {
  return (page.items ?? []).filter((summary) => summary.visitOverdue === true);
}

/** 母親からの電話相談: the mother's phone call, months before anyone meets the person. */
export const call: Schemas["ConsultationBody"] = {
  occurredAt: "2026-11-20T19:30:00+09:00", channel: "PHONE", with: "FAMILY", relation: "MOTHER",
  durationMinutes: 25, topics: ["HOW_TO_RESPOND"], notes: "夜中に物音がすると相談",
};

// @ts-expect-error home visits are visit-service's, not a consultation channel
export const homeVisit: Schemas["ConsultationChannel"] = "HOME_VISIT";

type Report = paths["/api/v1/reports/activity"]["get"]["responses"][200]["content"]["application/json"];

/** The consultations of a report by phone; null when the cell is masked for the center's system. */
export function byPhone(report: Report): number | null | undefined {
  return report.sections?.consultationsByChannel?.PHONE;
}
