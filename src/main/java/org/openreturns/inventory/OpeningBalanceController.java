package org.openreturns.inventory;

import java.io.IOException;
import java.time.OffsetDateTime;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/opening-balances")
class OpeningBalanceController {

    private final OpeningBalanceImport imports;

    OpeningBalanceController(OpeningBalanceImport imports) {
        this.imports = imports;
    }

    /**
     * The body is the CSV file itself ({@code text/csv}), read as a stream rather than taken into memory. 201 when the
     * file is imported now, 200 when the same file was imported under this id before.
     */
    @PostMapping(consumes = "text/csv")
    ResponseEntity<ImportView> importCsv(@RequestParam String importId, @RequestParam String warehouse,
                                         HttpServletRequest request, Authentication caller) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        if (importId.isBlank() || importId.length() > 64) {
            problems.add(new FieldProblem("importId", "must be 1 to 64 characters"));
        }
        if (warehouse.isBlank() || warehouse.length() > 32) {
            problems.add(new FieldProblem("warehouse", "must be 1 to 32 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        OpeningBalanceImport.Imported imported = imports.importCsv(importId, warehouse, request.getInputStream(),
                caller.getName());
        return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ImportView(imported.importId(), imported.warehouse(), imported.rows(), imported.units(),
                        imported.importedBy(), imported.importedAt()));
    }

    record ImportView(String importId, String warehouse, int rows, long units, String importedBy,
                      OffsetDateTime importedAt) {
    }
}
