package io.salesflow.process.contract;

/** The contract-signing process's key, trigger, messages and variables, in one place. */
final class ContractSigningProcess {

    static final String KEY = "contract-signing";
    static final String TRIGGER = "contract.sent";
    static final String SIGNED = "ContractSigned";
    static final String DECLINED = "ContractDeclined";

    static final String CONTRACT_ID = "contractId";
    static final String DEAL_ID = "dealId";
    static final String DEAL_NAME = "dealName";
    static final String TITLE = "contractTitle";
    static final String OWNER_ID = "ownerId";
    static final String EXPIRES_AT = "expiresAt";
    static final String REMINDER_DAYS = "reminderEveryWorkingDays";
    static final String DECLINED_BY = "declinedBy";
    static final String DECLINE_REASON = "declineReason";
    static final String RETURNED_TO = "returnedToStage";

    private ContractSigningProcess() {}
}
