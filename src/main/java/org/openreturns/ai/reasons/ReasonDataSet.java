package org.openreturns.ai.reasons;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openreturns.returns.ReasonCode;

/**
 * The labelled messages shipped with the application: {@code ai/reasons/training/<language>.tsv} to train on and
 * {@code ai/reasons/held-out/<language>.tsv}, written in different words and never trained on, to score a model.
 * Each file is UTF-8, tab-separated, with the header {@code reason_code<TAB>message}.
 */
public final class ReasonDataSet {

    /** The languages the classifier knows, as ISO 639-1 codes. */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

    private ReasonDataSet() {
    }

    public static List<LabelledMessage> training() {
        return load("training");
    }

    public static List<LabelledMessage> heldOut() {
        return load("held-out");
    }

    private static List<LabelledMessage> load(String part) {
        List<LabelledMessage> messages = new ArrayList<>();
        for (String language : LANGUAGES) {
            String resource = "ai/reasons/" + part + "/" + language + ".tsv";
            InputStream in = ReasonDataSet.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                continue; // a language whose file is not shipped is simply not known
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String header = reader.readLine();
                if (header == null || !header.strip().equals("reason_code\tmessage")) {
                    throw new IllegalStateException(resource + " must start with the header reason_code<TAB>message");
                }
                String line;
                int lineNo = 1;
                while ((line = reader.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw new IllegalStateException(resource + " line " + lineNo + " has no tab");
                    }
                    messages.add(new LabelledMessage(ReasonCode.valueOf(line.substring(0, tab).strip()),
                            line.substring(tab + 1).strip(), language));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return messages;
    }
}
