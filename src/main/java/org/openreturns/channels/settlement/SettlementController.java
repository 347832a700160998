package org.openreturns.channels.settlement;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/channels/{code}/settlements")
class SettlementController {

    private final SettlementImport imports;

    SettlementController(SettlementImport imports) {
        this.imports = imports;
    }

    /**
     * The body is the settlement report itself ({@code text/csv}). 200 with how many lines were taken and which were
     * kept as dead letters, and why; importing the same report again takes nothing twice. 400 when the file is not a
     * settlement report (columns, broken CSV, a line without its id), and then no line is taken.
     */
    @PostMapping(consumes = "text/csv")
    SettlementImport.Imported importCsv(@PathVariable String code, @RequestParam String settlementId,
                                        HttpServletRequest request, Authentication caller) throws IOException {
        if (settlementId.isBlank() || settlementId.length() > 100 || settlementId.contains("/")) {
            throw new InvalidParameterException(List.of(new FieldProblem("settlementId",
                    "must be 1 to 100 characters without a slash")));
        }
        return imports.importCsv(code, settlementId.strip(), request.getInputStream(), caller.getName());
    }
}
