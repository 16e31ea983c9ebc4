package io.salesflow.deal;

import io.salesflow.platform.problem.Problem;
import io.salesflow.records.CustomizableRecord;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

/**
 * A sale being worked on: how much, in which currency, on which terms, where it stands in its pipeline and how it
 * ended. The stage decides the status and, unless told otherwise, the probability; the weighted amount follows
 * from both in the database. A stage that requires an approval holds the deal until its figures are approved
 * ({@link DealApprovalRules}).
 */
@Entity
@Table(name = "deals")
class Deal extends CustomizableRecord {

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final int MAX_WHOLE_DIGITS = 16;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern REGION = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");

    @Column(nullable = false)
    private String name;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "pipeline_id", nullable = false)
    private UUID pipelineId;

    @Column(name = "stage_id", nullable = false)
    private UUID stageId;

    @Column(nullable = false, precision = 18, scale = 2)
    private BigDecimal amount;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private String status = DealStatus.OPEN.code();

    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;

    @Column(name = "stage_entered_at", nullable = false)
    private Instant stageEnteredAt;

    @Column(nullable = false)
    private int probability;

    @Column(name = "won_reason_id")
    private UUID wonReasonId;

    @Column(name = "lost_reason_id")
    private UUID lostReasonId;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "close_note")
    private String closeNote;

    @Column(name = "discount_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal discountPercent = new BigDecimal("0.00");

    @Column(name = "margin_percent", precision = 5, scale = 2)
    private BigDecimal marginPercent;

    private String region;

    @Column(name = "approval_id")
    private UUID approvalId;

    @Column(name = "approval_status")
    private String approvalStatus;

    @OptimisticLock(excluded = true)
    @OneToMany(mappedBy = "deal", cascade = CascadeType.PERSIST)
    @OrderBy("requestedAt")
    private List<DealApproval> approvals = new ArrayList<>();

    @Transient
    private final List<Object> events = new ArrayList<>();

    /** Requests made since the last {@link #takeRequests()}, for the service to persist before saving the deal. */
    @Transient
    private final List<DealApproval> requests = new ArrayList<>();

    protected Deal() {}

    Deal(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    /**
     * What a request asks of the deal's place and outcome, ids resolved: a stage and a status (null: not asked),
     * the probability, the reasons, and whether the workspace insists on a reason when a deal is won or lost.
     */
    record Progress(
            Pipeline pipeline,
            PipelineStage stage,
            DealStatus status,
            Given<Integer> probability,
            Given<DealReason> wonReason,
            Given<DealReason> lostReason,
            boolean wonReasonRequired,
            boolean lostReasonRequired) {}

    /** Applies what a request asks of the deal's place and outcome; a refused request changes nothing. */
    void progress(Progress p, Instant now) {
        DealStatus was = status();
        PipelineStage target = target(p);
        DealStatus next = next(p.status(), target, was);
        boolean statusChanges = next != was;
        boolean lostOrAbandoned = next == DealStatus.LOST || next == DealStatus.ABANDONED;
        UUID won = reason(
                "wonReasonId",
                p.wonReason(),
                ReasonKind.WON,
                next == DealStatus.WON,
                next == DealStatus.WON ? wonReasonId : null);
        UUID lost = reason(
                "lostReasonId",
                p.lostReason(),
                ReasonKind.LOST,
                lostOrAbandoned,
                lostOrAbandoned ? lostReasonId : null);
        if (next == DealStatus.WON
                && won == null
                && p.wonReasonRequired()
                && (statusChanges || p.wonReason().sent())) {
            throw Problem.invalid("wonReasonId", "is required to win a deal: pick one of the won reasons");
        }
        if (next == DealStatus.LOST
                && lost == null
                && p.lostReasonRequired()
                && (statusChanges || p.lostReason().sent())) {
            throw Problem.invalid("lostReasonId", "is required to lose a deal: pick one of the lost reasons");
        }

        PipelineStage from = p.pipeline().getId().equals(pipelineId)
                ? p.pipeline().stage(stageId).orElse(null)
                : null;
        approvalRules().hold(from, target, was, next);
        UUID previous = stageId;
        boolean moves = !target.getId().equals(stageId);
        if (moves) {
            enter(p.pipeline(), target, now);
        }
        if (p.probability().sent()) {
            probability = p.probability().value() == null
                    ? target.getProbability()
                    : p.probability().value();
        }
        wonReasonId = won;
        lostReasonId = lost;
        if (statusChanges) {
            status = next.code();
            closedAt = next == DealStatus.OPEN ? null : now;
            if (next == DealStatus.WON) {
                events.add(new DealWon(getTenantId(), getId(), amount, currency));
            }
            if (next == DealStatus.LOST) {
                events.add(new DealLost(getTenantId(), getId(), lostReasonId));
            }
        }
        boolean arrives = moves || (was != DealStatus.OPEN && next == DealStatus.OPEN);
        approvalRules().follow(p.pipeline(), target, arrives, moves ? previous : null, next, now);
    }

    /** The stage asked for; else the current one if it fits the status asked for; else the first that does. */
    private PipelineStage target(Progress p) {
        Pipeline pipeline = p.pipeline();
        if (pipeline.isArchived() && !pipeline.getId().equals(pipelineId)) {
            throw Problem.invalid("pipelineId", "pipeline '" + pipeline.getName() + "' is archived");
        }
        if (p.status() == DealStatus.ABANDONED && status() != DealStatus.OPEN && status() != DealStatus.ABANDONED) {
            throw Problem.invalid("status", "only an open deal can be abandoned; reopen it first");
        }
        if (p.stage() != null) {
            if (!p.stage().getPipelineId().equals(pipeline.getId())) {
                throw Problem.invalid(
                        "stageId",
                        "is a stage of another pipeline than '" + pipeline.getName() + "'; send its pipelineId");
            }
            if (p.status() != null && !p.stage().admits(p.status())) {
                throw Problem.invalid(
                        "status",
                        "a deal in stage '" + p.stage().getName() + "' cannot be "
                                + p.status().code());
            }
            return p.stage();
        }
        DealStatus wanted = p.status() != null ? p.status() : status();
        PipelineStage current =
                pipeline.getId().equals(pipelineId) ? pipeline.stage(stageId).orElse(null) : null;
        return current != null && current.admits(wanted) ? current : pipeline.firstStageFor(wanted);
    }

    /** Closed stages decide the outcome; in an open stage a deal is open unless it is (or stays) abandoned. */
    private DealStatus next(DealStatus asked, PipelineStage target, DealStatus was) {
        if (target.isWon()) {
            return DealStatus.WON;
        }
        if (target.isLost()) {
            return DealStatus.LOST;
        }
        if (asked != null) {
            return asked;
        }
        return was == DealStatus.ABANDONED && target.getId().equals(stageId) ? DealStatus.ABANDONED : DealStatus.OPEN;
    }

    void enter(Pipeline pipeline, PipelineStage stage, Instant now) {
        UUID from = stageId;
        pipelineId = pipeline.getId();
        stageId = stage.getId();
        stageEnteredAt = now;
        probability = stage.getProbability();
        if (from != null) {
            events.add(new DealStageChanged(getTenantId(), getId(), from, stageId));
        }
    }

    /**
     * The reason a request gives for the outcome, if the deal has that outcome; else the one it keeps
     * ({@code current}: null when the outcome changes away from the reason's kind).
     */
    private static UUID reason(String field, Given<DealReason> given, ReasonKind kind, boolean fits, UUID current) {
        if (!given.sent() || given.value() == null) {
            return given.sent() ? null : current;
        }
        if (!fits) {
            throw Problem.invalid(
                    field,
                    kind == ReasonKind.WON
                            ? "only a won deal has a won reason"
                            : "only a lost or abandoned deal has a lost reason");
        }
        return given.value().explain(field, kind, current);
    }

    DealApprovalRules approvalRules() {
        return new DealApprovalRules(this);
    }

    /** Asks for an approval of the current figures at {@code stage}, which governs the deal from now on. */
    DealApproval requestApproval(UUID pipeline, UUID stage, UUID previousStage, Instant now) {
        DealApproval approval = new DealApproval(this, pipeline, stage, previousStage, figures(), now);
        approvals.add(approval);
        requests.add(approval);
        govern(approval.getId(), ApprovalStatus.PENDING);
        events.add(new DealApprovalRequested(
                getTenantId(),
                getId(),
                approval.getId(),
                pipeline,
                stage,
                previousStage,
                amount,
                currency,
                discountPercent,
                marginPercent,
                region,
                getOwnerId()));
        return approval;
    }

    /** The approval that governs the deal from its approval stage on; null when none does. */
    DealApproval governingApproval() {
        return approvalId == null ? null : approval(approvalId);
    }

    /** One of the deal's approvals: 404 when it has no such approval. */
    DealApproval approval(UUID id) {
        return approvals.stream()
                .filter(a -> a.getId().equals(id))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("Approval", id));
    }

    /** Makes {@code approval} (null: none) the one governing the deal, in {@code status}. */
    void govern(UUID approval, ApprovalStatus status) {
        approvalId = approval;
        approvalStatus = approval == null ? null : status.name();
    }

    void announce(Object event) {
        events.add(event);
    }

    DealFigures figures() {
        return new DealFigures(amount, currency, discountPercent, marginPercent, region);
    }

    /**
     * The approval requests made since the last call. A new deal's are saved with it; a stored deal's must be saved
     * before it, because saving a stored deal merges it and a merge resolves the requests it holds by id.
     */
    List<DealApproval> takeRequests() {
        List<DealApproval> taken = List.copyOf(requests);
        requests.clear();
        return taken;
    }

    boolean hasEvents() {
        return !events.isEmpty();
    }

    /** The events of the changes since the last call, in order. */
    List<Object> takeEvents() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    void setAmount(BigDecimal amount) {
        if (amount.signum() < 0) {
            throw Problem.invalid("amount", "must not be negative");
        }
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.scale() > 2) {
            throw Problem.invalid("amount", "must have at most 2 decimal places");
        }
        if (exact.precision() - exact.scale() > MAX_WHOLE_DIGITS) {
            throw Problem.invalid("amount", "must be less than 10000000000000000");
        }
        this.amount = exact.setScale(2, RoundingMode.UNNECESSARY);
    }

    void setCurrency(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        if (!CURRENCIES.contains(upper)) {
            throw Problem.invalid("currency", "must be an ISO 4217 currency code such as EUR or USD");
        }
        this.currency = upper;
    }

    /** The discount given off the list price, in percent; null means none. */
    void setDiscountPercent(BigDecimal percent) {
        discountPercent = percent == null ? new BigDecimal("0.00") : percent("discountPercent", percent, 0);
    }

    /** The deal's margin in percent of its amount (negative when sold at a loss); null when not known. */
    void setMarginPercent(BigDecimal percent) {
        marginPercent = percent == null ? null : percent("marginPercent", percent, -100);
    }

    /** A sales region as a short code (EMEA, NA, APAC, US-WEST), kept in upper case; null when none. */
    void setRegion(String code) {
        String upper = code == null ? null : code.toUpperCase(Locale.ROOT);
        if (upper != null && !REGION.matcher(upper).matches()) {
            throw Problem.invalid(
                    "region", "must be a code of up to 64 letters, digits, '-' and '_' such as EMEA, NA or US-WEST");
        }
        region = upper;
    }

    private static BigDecimal percent(String field, BigDecimal value, int min) {
        if (value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(HUNDRED) > 0
                || value.stripTrailingZeros().scale() > 2) {
            throw Problem.invalid(field, "must be a number from " + min + " to 100 with at most 2 decimal places");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    void setName(String name) {
        this.name = name;
    }

    void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    void setExpectedCloseDate(LocalDate expectedCloseDate) {
        this.expectedCloseDate = expectedCloseDate;
    }

    void setCloseNote(String closeNote) {
        this.closeNote = closeNote;
    }

    DealStatus status() {
        return DealStatus.of(status);
    }

    UUID getPipelineId() {
        return pipelineId;
    }

    UUID getStageId() {
        return stageId;
    }

    ApprovalStatus approvalStatus() {
        return approvalStatus == null ? null : ApprovalStatus.valueOf(approvalStatus);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("accountId", accountId);
        s.put("pipelineId", pipelineId);
        s.put("stageId", stageId);
        s.put("amount", amount);
        s.put("currency", currency);
        s.put("status", status);
        s.put("expectedCloseDate", expectedCloseDate);
        s.put("stageEnteredAt", stageEnteredAt);
        s.put("probability", probability);
        s.put("wonReasonId", wonReasonId);
        s.put("lostReasonId", lostReasonId);
        s.put("closedAt", closedAt);
        s.put("closeNote", closeNote);
        s.put("discountPercent", discountPercent);
        s.put("marginPercent", marginPercent);
        s.put("region", region);
        s.put("approvalId", approvalId);
        s.put("approvalStatus", approvalStatus);
        return withCommonFields(s);
    }

    /** The deal's contacts changed: its version moves, so a stale ETag cannot overwrite them. */
    void contactsChanged() {
        changed();
    }
}
