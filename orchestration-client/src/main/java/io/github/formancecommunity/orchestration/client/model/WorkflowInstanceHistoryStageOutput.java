package io.github.formancecommunity.orchestration.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The output of one activity in a stage history, the spec schema {@code WorkflowInstanceHistoryStageOutput}: a
 * single-key object whose key is the activity name, so at most one field is set. Activities without a result
 * have no key here.
 *
 * @param getAccount        {@code GetAccount}
 * @param createTransaction {@code CreateTransaction}
 * @param revertTransaction {@code RevertTransaction}
 * @param getPayment        {@code GetPayment}
 * @param debitWallet       {@code DebitWallet}
 * @param getWallet         {@code GetWallet}
 * @param listWallets       {@code ListWallets}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowInstanceHistoryStageOutput(
        @JsonProperty("GetAccount") AccountResponse getAccount,
        @JsonProperty("CreateTransaction") CreateTransactionResponse createTransaction,
        @JsonProperty("RevertTransaction") CreateTransactionResponse revertTransaction,
        @JsonProperty("GetPayment") PaymentResponse getPayment,
        @JsonProperty("DebitWallet") DebitWalletResponse debitWallet,
        @JsonProperty("GetWallet") GetWalletResponse getWallet,
        @JsonProperty("ListWallets") ListWalletsResponse listWallets) {
}
