package org.openreturns.returns;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/returns")
class ReturnController {

    private final ReturnService returnService;

    ReturnController(ReturnService returnService) {
        this.returnService = returnService;
    }

    @PostMapping
    ResponseEntity<ReturnService.RequestedReturn> request(@Valid @RequestBody ReturnRequest request,
                                                          Authentication caller) {
        ReturnService.RequestedReturn created = returnService.request(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/returns/" + created.returnId())).body(created);
    }

    @GetMapping("/{returnId}")
    ReturnDetails details(@PathVariable UUID returnId) {
        return returnService.details(returnId);
    }
}
