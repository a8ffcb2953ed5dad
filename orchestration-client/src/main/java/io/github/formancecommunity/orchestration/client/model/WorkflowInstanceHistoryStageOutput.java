package io.github.formancecommunity.orchestration.client.model;

import org.jspecify.annotations.Nullable;

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
        @JsonProperty("GetAccount") @Nullable AccountResponse getAccount,
        @JsonProperty("CreateTransaction") @Nullable CreateTransactionResponse createTransaction,
        @JsonProperty("RevertTransaction") @Nullable CreateTransactionResponse revertTransaction,
        @JsonProperty("GetPayment") @Nullable PaymentResponse getPayment,
        @JsonProperty("DebitWallet") @Nullable DebitWalletResponse debitWallet,
        @JsonProperty("GetWallet") @Nullable GetWalletResponse getWallet,
        @JsonProperty("ListWallets") @Nullable ListWalletsResponse listWallets) {
}
