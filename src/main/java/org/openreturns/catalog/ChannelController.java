package org.openreturns.catalog;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/channels")
class ChannelController {

    private final CatalogService catalog;

    ChannelController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<SalesChannel> channels() {
        return catalog.channels();
    }

    /** Adds a channel whose orders are then accepted (201), or renames the one with its code (200). */
    @PostMapping
    ResponseEntity<SalesChannel> save(@Valid @RequestBody SalesChannel channel, Authentication caller) {
        CatalogService.Saved<SalesChannel> saved = catalog.saveChannel(channel, caller.getName());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.value());
    }
}
