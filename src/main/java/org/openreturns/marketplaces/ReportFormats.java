package org.openreturns.marketplaces;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The report format of each marketplace channel whose reports are read. */
@Component
class ReportFormats {

    private final Map<String, ReportFormat> byChannel = List.of(new FlatFileFormat(), new UnitRowsFormat()).stream()
            .collect(Collectors.toUnmodifiableMap(ReportFormat::channel, Function.identity()));

    Optional<ReportFormat> of(String channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    List<String> channels() {
        return byChannel.keySet().stream().sorted().toList();
    }
}
