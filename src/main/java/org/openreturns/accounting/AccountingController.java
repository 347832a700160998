package org.openreturns.accounting;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounting")
class AccountingController {

    private final Journal journal;

    AccountingController(Journal journal) {
        this.journal = journal;
    }

    @GetMapping("/entries")
    List<JournalEntryView> entries(@RequestParam UUID returnId) {
        return journal.entriesOfReturn(returnId);
    }
}
