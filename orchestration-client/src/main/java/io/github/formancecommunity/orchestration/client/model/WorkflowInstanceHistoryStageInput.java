package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The input of one activity in a stage history, the spec schema {@code WorkflowInstanceHistoryStageInput}: a
 * single-key object whose key is the activity name, so exactly one field is set.
 *
 * @param getAccount               {@code GetAccount}
 * @param addAccountMetadata       {@code AddAccountMetadata}
 * @param createTransaction        {@code CreateTransaction}
 * @param revertTransaction        {@code RevertTransaction}
 * @param stripeTransfer           {@code StripeTransfer}
 * @param createTransferInitiation {@code CreateTransferInitiation}
 * @param getPayment               {@code GetPayment}
 * @param confirmHold              {@code ConfirmHold}
 * @param creditWallet             {@code CreditWallet}
 * @param debitWallet              {@code DebitWallet}
 * @param getWallet                {@code GetWallet}
 * @param voidHold                 {@code VoidHold}
 * @param listWallets              {@code ListWallets}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowInstanceHistoryStageInput(
        @JsonProperty("GetAccount") ActivityGetAccount getAccount,
        @JsonProperty("AddAccountMetadata") ActivityAddAccountMetadata addAccountMetadata,
        @JsonProperty("CreateTransaction") ActivityCreateTransaction createTransaction,
        @JsonProperty("RevertTransaction") ActivityRevertTransaction revertTransaction,
        @JsonProperty("StripeTransfer") StripeTransferRequest stripeTransfer,
        @JsonProperty("CreateTransferInitiation") CreateTransferInitiationRequest createTransferInitiation,
        @JsonProperty("GetPayment") ActivityGetPayment getPayment,
        @JsonProperty("ConfirmHold") ActivityConfirmHold confirmHold,
        @JsonProperty("CreditWallet") ActivityCreditWallet creditWallet,
        @JsonProperty("DebitWallet") ActivityDebitWallet debitWallet,
        @JsonProperty("GetWallet") ActivityGetWallet getWallet,
        @JsonProperty("VoidHold") ActivityVoidHold voidHold,
        @JsonProperty("ListWallets") ActivityListWallets listWallets) {
}
