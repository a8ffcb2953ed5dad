package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

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
        @JsonProperty("GetAccount") @Nullable ActivityGetAccount getAccount,
        @JsonProperty("AddAccountMetadata") @Nullable ActivityAddAccountMetadata addAccountMetadata,
        @JsonProperty("CreateTransaction") @Nullable ActivityCreateTransaction createTransaction,
        @JsonProperty("RevertTransaction") @Nullable ActivityRevertTransaction revertTransaction,
        @JsonProperty("StripeTransfer") @Nullable StripeTransferRequest stripeTransfer,
        @JsonProperty("CreateTransferInitiation") @Nullable CreateTransferInitiationRequest createTransferInitiation,
        @JsonProperty("GetPayment") @Nullable ActivityGetPayment getPayment,
        @JsonProperty("ConfirmHold") @Nullable ActivityConfirmHold confirmHold,
        @JsonProperty("CreditWallet") @Nullable ActivityCreditWallet creditWallet,
        @JsonProperty("DebitWallet") @Nullable ActivityDebitWallet debitWallet,
        @JsonProperty("GetWallet") @Nullable ActivityGetWallet getWallet,
        @JsonProperty("VoidHold") @Nullable ActivityVoidHold voidHold,
        @JsonProperty("ListWallets") @Nullable ActivityListWallets listWallets) {
}
