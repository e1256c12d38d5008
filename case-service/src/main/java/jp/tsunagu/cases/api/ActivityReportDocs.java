package jp.tsunagu.cases.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jp.tsunagu.cases.domain.ReportSection;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Arrays;

/**
 * Documents the sections of the activity report's JSON from {@link ReportSection} itself: each
 * section an object with its definition and exactly its items (every one present, in order), each
 * a count or null when masked. The closed sets of the document cannot drift from those counted.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ActivityReportDocs implements OASFilter {

    static final String SCHEMA = "ActivityReport";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema report = openAPI.getComponents().getSchemas().get(SCHEMA);
        if (report == null) {
            return;
        }
        Schema sections = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(false)
                .description("Every section, in this order, by its name")
                .required(Arrays.stream(ReportSection.values()).map(ReportSection::jsonName).toList());
        for (ReportSection section : ReportSection.values()) {
            Schema cells = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(false)
                    .description(section.definition() + " Section code in CSV: " + section.name() + ".")
                    .required(section.items());
            for (String item : section.items()) {
                cells.addProperty(item, OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .addType(Schema.SchemaType.NULL).format("int64").minimum(java.math.BigDecimal.ZERO)
                        .description("The count; null when masked: 1 to maskedBelow - 1, and besides them the cells that would let"
                                + " one be worked out from a total or another section of the report (secondary suppression)"));
            }
            sections.addProperty(section.jsonName(), cells);
        }
        report.addProperty("sections", sections).addRequired("from").addRequired("to").addRequired("maskedBelow")
                .addRequired("sections");
        Schema maskedBelow = report.getProperties().get("maskedBelow");
        if (maskedBelow != null && maskedBelow.getType() != null && !maskedBelow.getType().contains(Schema.SchemaType.NULL)) {
            maskedBelow.addType(Schema.SchemaType.NULL);
        }
    }
}
