package org.eventcommerce.web.portal.promotion;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eventcommerce.domain.common.BusinessException;
import org.eventcommerce.domain.common.ValidationException;
import org.eventcommerce.domain.common.ValidationException.FieldError;
import org.eventcommerce.domain.mail.MailOutbox;
import org.eventcommerce.domain.promotion.PromotionCodes;
import org.eventcommerce.domain.promotion.AppliesTo;
import org.eventcommerce.domain.promotion.CodeIssuing;
import org.eventcommerce.domain.promotion.CodeType;
import org.eventcommerce.domain.promotion.CreateCodes;
import org.eventcommerce.domain.promotion.Discount;
import org.eventcommerce.domain.promotion.PromotionCodeService;
import org.eventcommerce.domain.promotion.Recipient;
import org.eventcommerce.domain.promotion.RecipientFile;
import org.eventcommerce.domain.promotion.RecipientInput;
import org.eventcommerce.domain.promotion.UsageType;
import org.eventcommerce.domain.site.CommerceConfiguration;
import org.eventcommerce.domain.site.Service;
import org.eventcommerce.domain.site.SettingsService;
import org.eventcommerce.payments.OperatingMode;
import org.eventcommerce.payments.money.Money;
import org.eventcommerce.web.portal.Bundle;
import org.eventcommerce.web.portal.Formats;
import org.eventcommerce.web.portal.PageMessages;
import org.eventcommerce.web.security.CurrentUser;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Create promotion codes ({@code /admin/promotion-codes/create.xhtml}, MISSION.md M8), in steps in one view:
 * recipients (typed rows, or an uploaded .txt/.csv file with a preview of the accepted recipients and of every
 * refused line), options, review, and after Create the codes made and the progress of their e-mails.
 *
 * <p>Create calls {@link CodeIssuing#issue}, which checks every rule and creates nothing when one is broken: each
 * broken rule is then shown next to its field. The view goes back to the first step with an error; errors of a
 * later step are shown when the administrator reaches it.
 */
@Named
@ViewScoped
public class CreatePromotionCodes implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id: component client ids are {@code create:<id>}. */
    static final String FORM = "create";

    /** The currencies a fixed discount may be in, in the order offered. */
    static final List<String> CURRENCIES = PromotionCodeService.DISCOUNT_CURRENCIES.stream().sorted().toList();

    /** Rows the typed recipients table starts with. */
    static final int INITIAL_ROWS = 3;

    private static final Pattern RECIPIENT_FIELD = Pattern.compile("recipients\\[(\\d+)]\\.(email|name)");

    /** The steps, in order. */
    public enum Step { RECIPIENTS, OPTIONS, REVIEW, DONE }

    /** Where the recipients come from. */
    public enum Source { TYPED, FILE }

    @Inject
    CodeIssuing issuing;

    @Inject
    MailOutbox outbox;

    @Inject
    SettingsService settings;

    @Inject
    CurrentUser currentUser;

    private Step step = Step.RECIPIENTS;
    private boolean promotionCodesEnabled;
    private boolean testMode;
    private String testRedirect;

    // Recipients.
    private Source source = Source.TYPED;
    private final List<TypedRow> rows = new ArrayList<>();
    /** For the typed recipients sent: the table row of each ({@code recipients[i]} is row {@code sentRows[i]}). */
    private List<Integer> sentRows = List.of();
    private String fileName;
    private boolean fileRead;
    private List<FileLine> fileAccepted = List.of();
    private List<FileLine> fileRefused = List.of();

    // Options.
    private Service service;
    private CodeType codeType = CodeType.GENERATED;
    private Integer quantity = 1;
    private Integer codeLength = PromotionCodes.DEFAULT_LENGTH;
    private String customCode;
    private UsageType usage = UsageType.ONCE;
    private Integer usageLimit;
    private Discount.Type discountType = Discount.Type.PERCENT;
    private BigDecimal discountAmount;
    private String discountCurrency = CURRENCIES.contains("USD") ? "USD" : CURRENCIES.get(0);
    private BigDecimal discountPercent;
    private LocalDate expiresOn;
    private AppliesTo appliesTo = AppliesTo.ALL;
    private boolean sendEmail = true;

    /** Field errors of a step the administrator has not reached again yet. */
    private final List<Deferred> deferred = new ArrayList<>();

    // Result.
    private String batchId;
    private List<CreatedRow> created = List.of();
    private long sent;
    private long failed;
    private long pending;
    private long held;

    @PostConstruct
    void load() {
        CommerceConfiguration c = settings.get(currentUser.siteId());
        promotionCodesEnabled = c.isPromotionCodesEnabled();
        testMode = c.getMode() == OperatingMode.TEST;
        testRedirect = c.getTestMailRedirect();
        if (c.enabledServices().size() == 1) {
            service = c.enabledServices().iterator().next();
        }
        if (c.getCurrency() != null && CURRENCIES.contains(c.getCurrency().getCurrencyCode())) {
            discountCurrency = c.getCurrency().getCurrencyCode();
        }
        for (int i = 0; i < INITIAL_ROWS; i++) {
            rows.add(new TypedRow());
        }
    }

    // ---- Step 1: recipients ------------------------------------------------------------------------------

    /** Adds an empty recipient row. */
    public void addRow() {
        if (rows.size() < RecipientFile.MAX_RECIPIENTS) {
            rows.add(new TypedRow());
        }
    }

    /** Removes the recipient row at {@code index} (one empty row stays). */
    public void removeRow(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        if (rows.isEmpty()) {
            rows.add(new TypedRow());
        }
    }

    /**
     * Reads an uploaded recipients file for the preview (creates nothing): the accepted recipients and every
     * refused line with its reason; a file refused whole shows why on the upload field.
     */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        source = Source.FILE;
        fileName = file.getFileName();
        fileRead = false;
        fileAccepted = List.of();
        fileRefused = List.of();
        try {
            RecipientFile.Result result = RecipientFile.parse(file.getContent());
            Locale locale = Bundle.locale();
            fileAccepted = result.accepted().stream().map(r -> new FileLine(r.line(), r.email(), r.name(), null))
                    .toList();
            fileRefused = result.errors().stream().map(e -> new FileLine(e.line(), null, null, e.message(locale)))
                    .toList();
            fileRead = true;
        } catch (ValidationException e) {
            PageMessages.fieldErrors(e, field -> FORM + ":file");
        }
    }

    /** Forgets the uploaded file. */
    public void clearFile() {
        fileName = null;
        fileRead = false;
        fileAccepted = List.of();
        fileRefused = List.of();
    }

    /** To the options: typed rows are checked first (addresses, duplicates), an upload must have been read. */
    public void toOptions() {
        if (source == Source.FILE) {
            if (!fileRead) {
                PageMessages.field(FORM + ":file", FacesMessage.SEVERITY_ERROR, Bundle.text("validation.file.required"));
                return;
            }
            if (fileAccepted.isEmpty()) {
                PageMessages.field(FORM + ":file", FacesMessage.SEVERITY_ERROR, Bundle.text("validation.file.noneAccepted"));
                return;
            }
        } else {
            try {
                RecipientFile.ofTyped(typedInputs());
            } catch (ValidationException e) {
                PageMessages.fieldErrors(e, this::recipientClientId);
                return;
            }
        }
        show(Step.OPTIONS);
    }

    // ---- Step 2: options ---------------------------------------------------------------------------------

    /** Back to the recipients. */
    public void backToRecipients() {
        show(Step.RECIPIENTS);
    }

    /** To the review: every value the chosen options need must be there. */
    public void toReview() {
        List<FieldError> missing = new ArrayList<>();
        required(missing, "service", service);
        required(missing, "codeType", codeType);
        if (codeType == CodeType.CUSTOM) {
            required(missing, "customCode", customCode == null || customCode.isBlank() ? null : customCode);
        } else if (codeType == CodeType.GENERATED) {
            required(missing, "quantity", quantity);
            required(missing, "codeLength", codeLength);
        }
        required(missing, "usage.type", usage);
        if (usage == UsageType.LIMITED) {
            required(missing, "usage.limit", usageLimit);
        }
        required(missing, "discount.type", discountType);
        if (discountType == Discount.Type.FIXED) {
            required(missing, "discount.amount.amount", discountAmount);
            required(missing, "discount.amount.currency", discountCurrency);
        } else if (discountType == Discount.Type.PERCENT) {
            required(missing, "discount.percent", discountPercent);
        }
        required(missing, "expiresOn", expiresOn);
        required(missing, "appliesTo", appliesTo);
        if (!missing.isEmpty()) {
            PageMessages.fieldErrors(new ValidationException(missing), f -> FORM + ":" + optionId(f));
            return;
        }
        show(Step.REVIEW);
    }

    // ---- Step 3: review and create ----------------------------------------------------------------------

    /** Back to the options. */
    public void backToOptions() {
        show(Step.OPTIONS);
    }

    /**
     * Creates the codes and queues their e-mails. Broken rules: nothing is created, each is shown next to its
     * field (the view goes back to the first step holding one); a refusal of the whole request (promotion codes
     * disabled) is a page message.
     */
    public void create() {
        deferred.clear();
        CreateCodes request = request();
        PromotionCodeService.Batch batch;
        try {
            batch = issuing.issue(currentUser.account().getSite(), request);
        } catch (ValidationException e) {
            showErrors(e);
            return;
        } catch (BusinessException e) {
            PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text(e));
            return;
        }
        batchId = batch.batchId();
        created = batch.codes().stream().map(CreatedRow::new).toList();
        refreshProgress();
        step = Step.DONE;
        PageMessages.global(FacesMessage.SEVERITY_INFO, Bundle.text("message.codes.created", created.size()));
    }

    // ---- Step 4: done ------------------------------------------------------------------------------------

    /** Reads the mail progress of the batch again (the poll calls this every 2 seconds until none is pending). */
    public void refreshProgress() {
        if (batchId == null) {
            return;
        }
        MailOutbox.Progress p = outbox.progress(currentUser.siteId(), batchId);
        sent = p.sent();
        failed = p.failed();
        pending = p.pending();
        held = p.held();
        if (pending == 0 && step == Step.DONE) {
            PrimeFaces.current().executeScript("if (PF('mailProgressPoll')) PF('mailProgressPoll').stop();");
        }
    }

    // ---- Helpers -----------------------------------------------------------------------------------------

    private CreateCodes request() {
        List<RecipientInput> recipients;
        if (source == Source.FILE) {
            recipients = fileAccepted.stream().map(l -> new RecipientInput(l.getEmail(), l.getName())).toList();
            sentRows = List.of();
        } else {
            recipients = typedInputs();
        }
        boolean custom = codeType == CodeType.CUSTOM;
        boolean fixed = discountType == Discount.Type.FIXED;
        Money amount = null;
        if (fixed && discountAmount != null && discountCurrency != null) {
            try {
                amount = new Money(discountAmount, Currency.getInstance(discountCurrency));
            } catch (IllegalArgumentException e) {
                amount = null; // more decimals than the currency takes: the converter refuses those first
            }
        }
        return new CreateCodes(service, recipients, codeType, custom ? null : quantity, custom ? customCode : null,
                custom ? null : codeLength, usage, usage == UsageType.LIMITED ? usageLimit : null, discountType,
                amount, fixed ? null : discountPercent, expiresOn, appliesTo, sendEmail);
    }

    /** The typed rows that hold anything (empty rows are left out), remembering the table row of each. */
    private List<RecipientInput> typedInputs() {
        List<RecipientInput> inputs = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TypedRow r = rows.get(i);
            if (!r.isEmpty()) {
                inputs.add(new RecipientInput(r.email, r.name));
                at.add(i);
            }
        }
        sentRows = List.copyOf(at);
        return inputs;
    }

    /** The component of a {@code recipients...} error, or null to show it as a page message. */
    private String recipientClientId(String field) {
        if (source == Source.FILE) {
            return FORM + ":file";
        }
        Matcher m = RECIPIENT_FIELD.matcher(field);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            if (index < sentRows.size()) {
                return FORM + ":recipientRows:" + sentRows.get(index) + ":" + m.group(2);
            }
        }
        return null;
    }

    /** The component id (in the form) of an option field of CreateCodes, or null for a page message. */
    static String optionId(String field) {
        return switch (field) {
            case "service" -> "service";
            case "codeType" -> "codeType";
            case "quantity" -> "quantity";
            case "customCode" -> "customCode";
            case "codeLength" -> "codeLength";
            case "usage", "usage.type" -> "usage";
            case "usage.limit" -> "usageLimit";
            case "discount", "discount.type" -> "discountType";
            case "discount.amount", "discount.amount.amount" -> "discountAmount";
            case "discount.amount.currency" -> "discountCurrency";
            case "discount.percent" -> "discountPercent";
            case "expiresOn" -> "expiresOn";
            case "appliesTo" -> "appliesTo";
            case "sendEmail" -> "sendEmail";
            default -> null;
        };
    }

    /** Shows the errors of a refused Create: the first step holding one now, the others when reached. */
    private void showErrors(ValidationException e) {
        Locale locale = Bundle.locale();
        Step first = null;
        for (FieldError error : e.errors()) {
            String text = error.message(locale);
            boolean recipients = error.field().startsWith("recipients");
            String clientId;
            if (recipients) {
                clientId = recipientClientId(error.field());
            } else {
                String id = optionId(error.field());
                clientId = id == null ? null : FORM + ":" + id;
            }
            if (clientId == null) {
                PageMessages.global(FacesMessage.SEVERITY_ERROR, text);
                continue;
            }
            Step at = recipients ? Step.RECIPIENTS : Step.OPTIONS;
            deferred.add(new Deferred(at, clientId, text));
            if (first == null || at.ordinal() < first.ordinal()) {
                first = at;
            }
        }
        PageMessages.global(FacesMessage.SEVERITY_ERROR, Bundle.text("message.codes.notCreated", e.errors().size()));
        if (first != null) {
            show(first);
        }
    }

    /** Moves to {@code next} and shows the field errors kept for it. */
    private void show(Step next) {
        step = next;
        deferred.removeIf(d -> {
            if (d.step() != next) {
                return false;
            }
            PageMessages.field(d.clientId(), FacesMessage.SEVERITY_ERROR, d.text());
            if (d.clientId().equals(FORM + ":expiresOn")) {
                DateInputs.keepShown(d.clientId(), expiresOn);
            }
            return true;
        });
    }

    private static void required(List<FieldError> missing, String field, Object value) {
        if (value == null) {
            missing.add(new FieldError(field, "validation.required"));
        }
    }

    // ---- For the page ------------------------------------------------------------------------------------

    /** The active step's index (0–3) for the step indicator. */
    public int getStepIndex() {
        return step.ordinal();
    }

    /** The recipients that will get codes: typed rows holding an address, or the accepted lines of the file. */
    public int getRecipientCount() {
        if (source == Source.FILE) {
            return fileAccepted.size();
        }
        return (int) rows.stream().filter(r -> !r.isEmpty()).count();
    }

    /** How many codes Create will make. */
    public int getCodeCount() {
        if (codeType == CodeType.CUSTOM) {
            return 1;
        }
        int q = quantity == null ? 1 : quantity;
        return getRecipientCount() == 0 ? q : q * getRecipientCount();
    }

    /** How many e-mails Create will queue. */
    public int getMailCount() {
        if (!sendEmail) {
            return 0;
        }
        return codeType == CodeType.CUSTOM ? getRecipientCount() : getCodeCount() * (getRecipientCount() == 0 ? 0 : 1);
    }

    /** The discount as chosen, for the review. */
    public String getDiscountText() {
        Locale locale = Bundle.locale();
        if (discountType == Discount.Type.FIXED) {
            return discountAmount == null || discountCurrency == null ? ""
                    : Formats.money(discountAmount, Currency.getInstance(discountCurrency), locale);
        }
        return CodeRow.percent(discountPercent, locale);
    }

    /** The usage as chosen, for the review. */
    public String getUsageText() {
        if (usage == null) {
            return "";
        }
        return usage == UsageType.LIMITED ? Bundle.text("label.usageLimited", usageLimit == null ? "" : usageLimit)
                : Bundle.text("usage." + usage);
    }

    /** Where the e-mails go in the site's operating mode (for the review). */
    public String getMailDestination() {
        if (!testMode) {
            return Bundle.text("hint.mail.production");
        }
        return testRedirect == null || testRedirect.isBlank() ? Bundle.text("hint.mail.testHeld")
                : Bundle.text("hint.mail.testRedirect", testRedirect);
    }

    public String getExpiresOnText() {
        return DateInputs.format(expiresOn, Bundle.locale());
    }





    /** The message for a percent or amount that is not a number in the reader's format. */
    public String getNumberConverterMessage() {
        return Bundle.text("validation.number.format", Formats.plainAmount(new BigDecimal("12.5"), 1,
                Bundle.locale()));
    }

    /** True while some mail of the batch waits to be sent. */
    public boolean isMailPending() {
        return pending > 0;
    }

    /** Mails no longer waiting, in percent of the batch (for the progress bar). */
    public int getProgressPercent() {
        long total = sent + failed + pending + held;
        return total == 0 ? 100 : (int) ((total - pending) * 100 / total);
    }

    public long getMailTotal() {
        return sent + failed + pending + held;
    }

    public List<Service> getServices() {
        return List.of(Service.values());
    }

    public List<CodeType> getCodeTypes() {
        return List.of(CodeType.values());
    }

    public List<UsageType> getUsages() {
        return List.of(UsageType.values());
    }

    public List<Discount.Type> getDiscountTypes() {
        return List.of(Discount.Type.values());
    }

    public List<String> getCurrencies() {
        return CURRENCIES;
    }

    public List<AppliesTo> getAppliesToValues() {
        return List.of(AppliesTo.values());
    }

    public List<Source> getSources() {
        return List.of(Source.values());
    }

    public int getMaxRecipients() {
        return RecipientFile.MAX_RECIPIENTS;
    }

    /** A field error kept until its step is shown. */
    record Deferred(Step step, String clientId, String text) implements Serializable {
    }

    /** One typed recipient row. */
    public static class TypedRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private String email;

        boolean isEmpty() {
            return (name == null || name.isBlank()) && (email == null || email.isBlank());
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    /** One line of an uploaded file in the preview: accepted (address and name) or refused (reason). */
    public static class FileLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int line;
        private final String email;
        private final String name;
        private final String reason;

        FileLine(int line, String email, String name, String reason) {
            this.line = line;
            this.email = email;
            this.name = name;
            this.reason = reason;
        }

        public int getLine() {
            return line;
        }

        public String getEmail() {
            return email;
        }

        public String getName() {
            return name;
        }

        public String getReason() {
            return reason;
        }
    }

    /** One created code and whom it was sent to. */
    public static class CreatedRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String recipients;

        CreatedRow(PromotionCodeService.Created c) {
            code = c.code().getCode();
            StringBuilder b = new StringBuilder();
            for (Recipient r : c.recipients()) {
                if (!b.isEmpty()) {
                    b.append(", ");
                }
                b.append(r.name()).append(" <").append(r.email()).append('>');
            }
            recipients = b.toString();
        }

        public String getCode() {
            return code;
        }

        public String getRecipients() {
            return recipients;
        }
    }

    public Step getStep() {
        return step;
    }

    public boolean isPromotionCodesEnabled() {
        return promotionCodesEnabled;
    }

    public boolean isTestMode() {
        return testMode;
    }

    public Source getSource() {
        return source;
    }

    public void setSource(Source source) {
        this.source = source;
    }

    public List<TypedRow> getRows() {
        return rows;
    }

    public String getFileName() {
        return fileName;
    }

    public boolean isFileRead() {
        return fileRead;
    }

    public List<FileLine> getFileAccepted() {
        return fileAccepted;
    }

    public List<FileLine> getFileRefused() {
        return fileRefused;
    }

    public Service getService() {
        return service;
    }

    public void setService(Service service) {
        this.service = service;
    }

    public CodeType getCodeType() {
        return codeType;
    }

    public void setCodeType(CodeType codeType) {
        this.codeType = codeType;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Integer getCodeLength() {
        return codeLength;
    }

    public void setCodeLength(Integer codeLength) {
        this.codeLength = codeLength;
    }

    public String getCustomCode() {
        return customCode;
    }

    public void setCustomCode(String customCode) {
        this.customCode = customCode;
    }

    public UsageType getUsage() {
        return usage;
    }

    public void setUsage(UsageType usage) {
        this.usage = usage;
    }

    public Integer getUsageLimit() {
        return usageLimit;
    }

    public void setUsageLimit(Integer usageLimit) {
        this.usageLimit = usageLimit;
    }

    public Discount.Type getDiscountType() {
        return discountType;
    }

    public void setDiscountType(Discount.Type discountType) {
        this.discountType = discountType;
    }

    public BigDecimal getDiscountAmount() {
        return discountAmount;
    }

    public void setDiscountAmount(BigDecimal discountAmount) {
        this.discountAmount = discountAmount;
    }

    public String getDiscountCurrency() {
        return discountCurrency;
    }

    public void setDiscountCurrency(String discountCurrency) {
        this.discountCurrency = discountCurrency;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public void setDiscountPercent(BigDecimal discountPercent) {
        this.discountPercent = discountPercent;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public AppliesTo getAppliesTo() {
        return appliesTo;
    }

    public void setAppliesTo(AppliesTo appliesTo) {
        this.appliesTo = appliesTo;
    }

    public boolean isSendEmail() {
        return sendEmail;
    }

    public void setSendEmail(boolean sendEmail) {
        this.sendEmail = sendEmail;
    }

    public String getBatchId() {
        return batchId;
    }

    public List<CreatedRow> getCreated() {
        return created;
    }

    public long getSent() {
        return sent;
    }

    public long getFailed() {
        return failed;
    }

    public long getPending() {
        return pending;
    }

    public long getHeld() {
        return held;
    }
}
