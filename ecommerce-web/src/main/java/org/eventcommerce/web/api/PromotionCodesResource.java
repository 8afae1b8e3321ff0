package org.eventcommerce.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.promotion.PromotionCodes;
import org.eventcommerce.domain.promotion.AppliesTo;
import org.eventcommerce.domain.promotion.CodeStatus;
import org.eventcommerce.domain.promotion.CodeType;
import org.eventcommerce.domain.promotion.CreateCodes;
import org.eventcommerce.domain.promotion.Discount;
import org.eventcommerce.domain.promotion.PromotionCode;
import org.eventcommerce.domain.promotion.PromotionCodeRecipient;
import org.eventcommerce.domain.promotion.PromotionCodeReport;
import org.eventcommerce.domain.promotion.PromotionCodeService;
import org.eventcommerce.domain.promotion.Recipient;
import org.eventcommerce.domain.promotion.RecipientFile;
import org.eventcommerce.domain.promotion.RecipientInput;
import org.eventcommerce.domain.promotion.UsageType;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.payments.money.Money;

/** Promotion codes (API.md "Promotion codes"): create, preview a recipients file, report, extend, delete. */
@Path("promotion-codes")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionCodesResource {

    private static final Set<String> FIELDS = Set.of("service", "recipients", "codeType", "quantity", "customCode",
            "codeLength", "usage", "discount", "expiresOn", "appliesTo", "sendEmail");

    @Inject
    ApiCaller caller;

    @Inject
    PromotionCodeService codes;

    @Inject
    PromotionCodeReport report;

    @Inject
    org.eventcommerce.domain.promotion.CodeIssuing issuing;

    /** Creates the codes; 201 with every code and its recipients. Nothing is created when a rule is broken. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonBody b = JsonBody.parse(body, FIELDS);
        Service service = b.enumValue("service", Service.class, true);
        CodeType type = b.enumValue("codeType", CodeType.class, true);
        Integer quantity = b.integer("quantity");
        String custom = b.string("customCode", false);
        // Absent: the page's default (a fresh-user trial left it out and was told "4 to 32 characters").
        // (Integer.valueOf: an int in the other branch would unbox a null from an invalid value: a 500, FuzzIT's sweep.)
        Integer length = b.keys().contains("codeLength") ? b.integer("codeLength")
                : Integer.valueOf(PromotionCodes.DEFAULT_LENGTH);
        JsonBody usage = b.object("usage", Set.of("type", "limit"), true);
        UsageType usageType = usage == null ? null : usage.enumValue("type", UsageType.class, true);
        Integer limit = usage == null ? null : usage.integer("limit");
        JsonBody discount = b.object("discount", Set.of("type", "amount", "percent"), true);
        Discount.Type dType = discount == null ? null : discount.enumValue("type", Discount.Type.class, true);
        Money amount = discount == null || dType != Discount.Type.FIXED ? null : discount.money("amount", true);
        BigDecimal percent = null;
        if (discount != null && dType == Discount.Type.PERCENT) {
            String p = discount.string("percent", true);
            if (p != null) {
                try {
                    percent = new BigDecimal(p.strip());
                } catch (NumberFormatException e) {
                    discount.error("percent", "validation.promotion.percent");
                }
            }
        }
        LocalDate expiresOn = date(b, "expiresOn");
        AppliesTo appliesTo = b.enumValue("appliesTo", AppliesTo.class, true);
        boolean send = b.bool("sendEmail", true);
        List<RecipientInput> recipients = recipients(b);
        CreateCodes request = new CreateCodes(service, recipients, type, quantity, custom, length, usageType, limit,
                dType, amount, percent, expiresOn, appliesTo, send);
        b.finish();
        PromotionCodeService.Batch batch = issuing.issue(caller.site(), request);
        JsonArrayBuilder arr = Json.array();
        for (PromotionCodeService.Created c : batch.codes()) {
            JsonArrayBuilder rs = Json.array();
            c.recipients().forEach(r -> rs.add(Json.object().add("email", r.email()).add("name", r.name())));
            arr.add(Json.object().add("code", c.code().getCode()).add("recipients", rs));
        }
        return Response.status(201).entity(Json.object().add("batchId", batch.batchId()).add("codes", arr).build()
                .toString()).build();
    }

    /** Preview of an uploaded recipients file ({@code text/csv} or {@code text/plain} body): creates nothing. */
    @POST
    @Path("recipients")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    public String preview(byte[] content) {
        return previewOf(content == null ? new byte[0] : content);
    }

    /**
     * The same preview for a form upload ({@code multipart/form-data}, the file in the part named {@code file}, as
     * API.md allows). Only the first {@code RecipientFile.MAX_FILE_BYTES + 1} bytes are read, so a larger file is
     * refused by the file rules without being held in memory.
     *
     * @throws ValidationException on field {@code file} when there is no such part
     */
    @POST
    @Path("recipients")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public String previewUpload(List<jakarta.ws.rs.core.EntityPart> parts) throws java.io.IOException {
        jakarta.ws.rs.core.EntityPart file = parts == null ? null : parts.stream()
                .filter(p -> "file".equals(p.getName())).findFirst().orElse(null);
        if (file == null) {
            throw ValidationException.of("file", "validation.required");
        }
        try (java.io.InputStream in = file.getContent()) {
            return previewOf(in.readNBytes(RecipientFile.MAX_FILE_BYTES + 1));
        }
    }

    private String previewOf(byte[] content) {
        RecipientFile.Result r = RecipientFile.parse(content);
        JsonArrayBuilder ok = Json.array();
        for (Recipient p : r.accepted()) {
            ok.add(Json.object().add("line", p.line()).add("email", p.email()).add("name", p.name()));
        }
        JsonArrayBuilder errors = Json.array();
        for (RecipientFile.LineError e : r.errors()) {
            errors.add(Json.object().add("line", e.line()).add("message", e.message(Locale.ENGLISH)));
        }
        return Json.object().add("recipients", ok).add("errors", errors).build().toString();
    }

    /** The report: codes matching the filters, a page at a time, with the total. */
    @GET
    public String find(@QueryParam("createdFrom") String from, @QueryParam("createdTo") String to,
                       @QueryParam("code") String code, @QueryParam("recipient") String recipient,
                       @QueryParam("status") String status, @QueryParam("page") String pageText,
                       @QueryParam("size") String sizeText, @QueryParam("sort") String sort) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        int page = Paging.intParam("page", pageText, 0, errors);
        int size = Paging.intParam("size", sizeText, 50, errors);
        LocalDate f = parseDate("createdFrom", from, errors);
        LocalDate t = parseDate("createdTo", to, errors);
        CodeStatus st = null;
        if (status != null && !status.isBlank()) {
            try {
                st = CodeStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationException.FieldError("status", "validation.enum",
                        "ACTIVE, EXPIRED, USED_UP, DELETED"));
            }
        }
        // An addition to API.md: sort=FIELD,asc|desc with FIELD one of PromotionCodeReport.SortField.
        PromotionCodeReport.Sort order = Paging.sortParam(sort, PromotionCodeReport.SortField.class, errors)
                .map(o -> new PromotionCodeReport.Sort(o.field(), o.ascending()))
                .orElse(PromotionCodeReport.Sort.NEWEST_FIRST);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PromotionCodeReport.Page p = report.find(caller.site(), new PromotionCodeReport.Filter(f, t, code, recipient,
                st), page, size, order);
        JsonArrayBuilder items = Json.array();
        for (PromotionCode c : p.items()) {
            items.add(item(c));
        }
        return Json.object().add("items", items).add("total", p.total()).build().toString();
    }

    /** Extends the listed codes to {@code expiresOn}; refused whole for a past date or a deleted code. */
    @POST
    @Path("extension")
    @Consumes(MediaType.APPLICATION_JSON)
    public String extend(String body) {
        JsonBody b = JsonBody.parse(body, Set.of("codes", "expiresOn"));
        List<String> list = codeList(b);
        LocalDate date = date(b, "expiresOn");
        b.finish();
        return Json.object().add("extended", report.extend(caller.site(), list, date, org.eventcommerce.domain.audit.AuditLog.PLATFORM_API)).build().toString();
    }

    /** Deletes the listed codes. */
    @POST
    @Path("deletion")
    @Consumes(MediaType.APPLICATION_JSON)
    public String delete(String body) {
        JsonBody b = JsonBody.parse(body, Set.of("codes"));
        List<String> list = codeList(b);
        b.finish();
        return Json.object().add("deleted", report.delete(caller.site(), list, org.eventcommerce.domain.audit.AuditLog.PLATFORM_API)).build().toString();
    }

    private JsonObject item(PromotionCode c) {
        JsonArrayBuilder rs = Json.array();
        for (PromotionCodeRecipient r : c.getRecipients()) {
            rs.add(Json.object().add("email", r.getEmail()).add("name", r.getName()));
        }
        Discount d = c.getDiscount();
        JsonObject discount = d.type() == Discount.Type.FIXED
                ? Json.object().add("type", "FIXED").add("amount", Json.money(d.amount())).build()
                : Json.object().add("type", "PERCENT").add("percent", d.percent().toPlainString()).build();
        var usage = Json.object().add("type", c.getUsageType().name())
                .add("limit", c.getUsageLimit() == null ? JsonValue.NULL
                        : Json.number(c.getUsageLimit()))
                .add("used", c.getUsedCount()).add("reserved", c.getReservedCount());
        return Json.object().add("code", c.getCode()).add("service", c.getService().name()).add("recipients", rs)
                .add("discount", discount).add("usage", usage).add("expiresOn", c.getExpiresOn().toString())
                .add("appliesTo", c.getAppliesTo().name())
                .add("createdAt", Json.instant(c.getCreatedAt(), caller.timeZone()))
                .add("status", c.status(java.time.Instant.now(), caller.timeZone()).name()).build();
    }

    private static List<RecipientInput> recipients(JsonBody b) {
        List<RecipientInput> out = new ArrayList<>();
        if (!b.has("recipients")) {
            return out;
        }
        JsonValue v = b.raw("recipients");
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            b.error("recipients", "validation.type.array");
            return out;
        }
        int i = 0;
        for (JsonValue item : (JsonArray) v) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                b.error("recipients[" + i + "]", "validation.type.object");
            } else {
                JsonObject o = item.asJsonObject();
                for (String k : o.keySet()) {
                    if (!k.equals("email") && !k.equals("name")) {
                        b.error("recipients[" + i + "]." + k, "validation.field.unknown");
                    }
                }
                out.add(new RecipientInput(b.text("recipients[" + i + "].email", o.get("email")),
                        b.text("recipients[" + i + "].name", o.get("name"))));
            }
            i++;
        }
        return out;
    }

    private static List<String> codeList(JsonBody b) {
        List<String> out = new ArrayList<>();
        if (!b.has("codes")) {
            b.error("codes", "validation.required");
            return out;
        }
        JsonValue v = b.raw("codes");
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            b.error("codes", "validation.type.array");
            return out;
        }
        int i = 0;
        for (JsonValue item : (JsonArray) v) {
            String code = item.getValueType() == JsonValue.ValueType.NULL ? null : b.text("codes[" + i + "]", item);
            if (code != null) {
                out.add(code);
            } else if (item.getValueType() == JsonValue.ValueType.NULL) {
                b.error("codes[" + i + "]", "validation.type.string");
            }
            i++;
        }
        return out;
    }

    private static LocalDate date(JsonBody b, String name) {
        String s = b.string(name, true);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            b.error(name, "validation.date");
            return null;
        }
    }

    private static LocalDate parseDate(String field, String s, List<ValidationException.FieldError> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            errors.add(new ValidationException.FieldError(field, "validation.date"));
            return null;
        }
    }
}
