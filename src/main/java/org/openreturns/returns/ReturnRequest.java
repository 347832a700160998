package org.openreturns.returns;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A customer's request to return lines of an order ({@code POST /api/returns}).
 *
 * @param channel     needed only when two channels use the same order id
 * @param requestedBy     who raised it (portal, agent, feed); defaults to the authenticated caller
 * @param channelReturnId the channel's own id of a return it authorised itself (a marketplace's return id): the
 *                        return is made once per order and id, a request naming it again answers the return made
 */
public record ReturnRequest(@NotBlank @Size(max = 64) String orderId,
                            @Size(max = 32) String channel,
                            @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines,
                            @Size(max = 4000) String customerMessage,
                            @Size(max = 64) String requestedBy,
                            @Size(max = 64) String channelReturnId) {

    public record Line(@NotNull @Positive Integer lineNo,
                       @NotNull @Positive Integer quantity,
                       ReasonCode reasonCode,
                       DeclaredCondition declaredCondition) {
    }
}
