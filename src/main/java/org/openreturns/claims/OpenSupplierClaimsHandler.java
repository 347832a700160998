package org.openreturns.claims;

import org.openreturns.process.StepContext;
import org.openreturns.process.StepHandler;
import org.openreturns.process.StepResult;
import org.openreturns.returns.ReturnProcess;
import org.springframework.stereotype.Component;

/** Opens the supplier claims of a resolved return whose units go back to their vendor. */
@Component
class OpenSupplierClaimsHandler implements StepHandler {

    private final SupplierClaims claims;

    OpenSupplierClaimsHandler(SupplierClaims claims) {
        this.claims = claims;
    }

    @Override
    public String taskType() {
        return ReturnProcess.TASK_OPEN_SUPPLIER_CLAIMS;
    }

    @Override
    public StepResult handle(StepContext context) {
        claims.openForReturn(context.uuid(ReturnProcess.RETURN_ID));
        return StepResult.completed();
    }
}
