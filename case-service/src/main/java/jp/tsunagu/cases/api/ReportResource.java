package jp.tsunagu.cases.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import jp.tsunagu.cases.domain.ActivityReport;
import jp.tsunagu.cases.domain.ActivityReportCsv;
import jp.tsunagu.cases.domain.ReportPeriod;
import jp.tsunagu.cases.service.ActivityReportService;
import jp.tsunagu.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The center's activity report (活動実績報告), for center systems and supervisors, as JSON or CSV. */
@Path("/api/v1/reports")
@Tag(name = "reports")
@RolesAllowed({Roles.CENTER_SYSTEM, Roles.SUPERVISOR})
public class ReportResource {

    static final String CSV = "text/csv";
    private static final MediaType CSV_UTF8 = MediaType.valueOf(CSV + ";charset=UTF-8");
    private static final List<Variant> VARIANTS =
            Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(CSV)).build();

    /** The report as JSON; {@link ActivityReportDocs} documents its sections from the domain's. */
    @Schema(name = ActivityReportDocs.SCHEMA, description = "A center's activity report for a period: counts only")
    public record ActivityReportView(
            @Schema(description = "The first day of the period (Tokyo)") LocalDate from,
            @Schema(description = "The last day of the period (Tokyo), included") LocalDate to,
            @Schema(description = "When small cells are masked (a center-system caller), the smallest count shown:"
                    + " counts from 1 to one less are null; null when nothing is masked (a supervisor)")
            Integer maskedBelow,
            Map<String, Map<String, Long>> sections) {

        static ActivityReportView of(ActivityReport report) {
            Map<String, Map<String, Long>> sections = new LinkedHashMap<>();
            report.sections().forEach((section, cells) -> sections.put(section.jsonName(), cells));
            return new ActivityReportView(report.period().from(), report.period().to(), report.maskedBelow(), sections);
        }
    }

    private final ActivityReportService reports;

    ReportResource(ActivityReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("activity")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The center's activity report for a period (from and to inclusive, Tokyo days, at most 5 years)",
            description = "Counts only, of the caller's center only, never a case id, a name or a person's date: consultations"
                    + " by channel, by who consulted and (family) by relation; intakes by channel; cases new, ongoing and"
                    + " closed; home visits by outcome; outings, accompaniments and family sessions; referrals by agency"
                    + " kind; subjects by age band and by length of withdrawal; ends of home visits by reason; inquiries."
                    + " Every section lists every item of its closed set, zeros included, in the same order, so that a"
                    + " spreadsheet's layout never changes; each section's schema says what it counts.\n\n"
                    + "Small cells: for a `center-system` caller, counts from 1 to one less than `maskedBelow`"
                    + " (`tsunagu.reports.small-cell-threshold`, 10 by default, as Japan's NDB open data) are masked, so"
                    + " that an export cannot point at a person: null in JSON, `<10` in CSV; zero is never masked."
                    + " A supervisor of the center reads the counts unmasked.\n\n"
                    + "`Accept: text/csv` answers CSV (RFC 4180, CRLF) in UTF-8 with a byte order mark, so that"
                    + " spreadsheet software reads the Japanese correctly: one row per cell, columns `区分 / section`,"
                    + " `項目 / item`, `件数 / count` (the Japanese labels and the count), `区分コード / section code`,"
                    + " `項目コード / item code` (the codes of the JSON document, the section's in upper snake case).")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityReportView.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "UTF-8 with a byte order mark; one row per cell"),
                    example = "区分 / section,項目 / item,件数 / count,区分コード / section code,項目コード / item code\r\n"
                            + "相談件数（方法別）,電話,42,CONSULTATIONS_BY_CHANNEL,PHONE\r\n"
                            + "相談件数（方法別）,来所,<10,CONSULTATIONS_BY_CHANNEL,CENTER_VISIT\r\n")})
    public Response getActivityReport(
            @Parameter(description = "The first day (Tokyo), YYYY-MM-DD", required = true) @QueryParam("from") LocalDate from,
            @Parameter(description = "The last day (Tokyo), included; within 5 years of from", required = true)
            @QueryParam("to") LocalDate to,
            @Context Request request) {
        ActivityReport report = reports.forPeriod(new ReportPeriod(from, to));
        if (request.selectVariant(VARIANTS).getMediaType().isCompatible(CSV_UTF8)) {
            return Response.ok(ActivityReportCsv.utf8WithBom(report), CSV_UTF8)
                    .header("Content-Disposition", "attachment; filename=\"activity-report-" + from + "-" + to + ".csv\"")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        return Response.ok(ActivityReportView.of(report), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
