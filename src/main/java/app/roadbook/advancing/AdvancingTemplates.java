package app.roadbook.advancing;

import app.roadbook.advancing.AdvancingTemplate.FieldType;
import app.roadbook.base.ActivityLog;
import app.roadbook.base.Refusal;
import app.roadbook.base.TextInput;
import app.roadbook.tenancy.OrgAccess;
import app.roadbook.tenancy.OrgPermission;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates advances start from: the built-in one, and the organization's own, which owners and admins keep
 * (MANAGE_TEMPLATES; the policies of V11 say the same). Every member reads them.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AdvancingTemplates {

    private final OrgTemplateRepository templates;
    private final OrgAccess access;
    private final ActivityLog activity;
    private final JsonMapper json;
    private final Clock clock;

    AdvancingTemplates(
            OrgTemplateRepository templates, OrgAccess access, ActivityLog activity, JsonMapper json, Clock clock) {
        this.templates = templates;
        this.access = access;
        this.activity = activity;
        this.json = json;
        this.clock = clock;
    }

    /** The built-in template first, then the org's own by name. */
    @Transactional(readOnly = true)
    public List<AdvancingTemplate> list(UUID orgId) {
        access.requireMember(orgId);
        List<AdvancingTemplate> all = new ArrayList<>(List.of(AdvancingTemplate.DEFAULT));
        templates.findByOrg(orgId).forEach(t -> all.add(toTemplate(t)));
        return all;
    }

    /** One template of the org to start an advance from; no id means the built-in one. */
    @Transactional(readOnly = true)
    AdvancingTemplate get(UUID orgId, UUID templateId) {
        access.requireMember(orgId);
        if (templateId == null) {
            return AdvancingTemplate.DEFAULT;
        }
        return templates
                .findByOrgIdAndId(orgId, templateId)
                .map(this::toTemplate)
                .orElseThrow(AdvancingTemplates::noSuchTemplate);
    }

    /** Saves a new template ({@code templateId} null) or changes one; owners and admins only. */
    @Transactional
    public UUID save(UUID orgId, UUID templateId, String name, List<AdvancingTemplate.Field> fields) {
        access.require(orgId, OrgPermission.MANAGE_TEMPLATES);
        if (name == null || name.isBlank()) {
            throw new Refusal("Give the template a name of up to 120 characters.");
        }
        String cleanName = name.strip();
        TextInput.requireSingleLine("Template name", cleanName, 120);
        if (fields.isEmpty()
                || fields.size() > 200
                || fields.stream()
                        .anyMatch(f -> f.section() == null
                                || f.name() == null
                                || f.type() == null
                                || f.section().isBlank()
                                || f.name().isBlank())) {
            throw new Refusal("A template needs 1 to 200 fields, each with a section, a name and a type.");
        }
        for (AdvancingTemplate.Field f : fields) {
            TextInput.requireSingleLine("Section", f.section().strip(), 120);
            TextInput.requireSingleLine("Field name", f.name().strip(), 120);
        }
        String body = json.writeValueAsString(fields.stream()
                .map(f -> Map.of(
                        "section",
                        f.section().strip(),
                        "field",
                        f.name().strip(),
                        "type",
                        f.type().name()))
                .toList());
        OrgTemplate template;
        if (templateId == null) {
            template = templates.save(new OrgTemplate(orgId, cleanName, body));
        } else {
            template = templates.findByOrgIdAndId(orgId, templateId).orElseThrow(AdvancingTemplates::noSuchTemplate);
            template.change(cleanName, body, OffsetDateTime.now(clock));
        }
        // Now rather than at commit, so a name the org already uses fails here, before the activity is recorded.
        templates.flush();
        activity.record(
                orgId,
                "general",
                "advancing_template.saved",
                "advancing_template",
                template.getId(),
                Map.of("name", cleanName));
        return template.getId();
    }

    private AdvancingTemplate toTemplate(OrgTemplate template) {
        List<Map<String, String>> raw =
                json.readValue(template.getFields(), new TypeReference<List<Map<String, String>>>() {});
        return new AdvancingTemplate(
                template.getId(),
                template.getName(),
                raw.stream()
                        .map(m -> new AdvancingTemplate.Field(
                                m.get("section"), m.get("field"), FieldType.valueOf(m.getOrDefault("type", "text"))))
                        .toList());
    }

    private static OrgAccess.NotFoundException noSuchTemplate() {
        return new OrgAccess.NotFoundException("No such template.");
    }
}
