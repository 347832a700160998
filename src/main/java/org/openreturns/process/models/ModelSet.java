package org.openreturns.process.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The models as read at one moment: the decisions and processes of the BPMN folder and the forms of the forms
 * folder, each list in name order, with where they were read from. Deployed together, always as a whole.
 *
 * @param bpmnSource  the folder the BPMN and DMN files were read from, or {@code classpath:bpmn/}
 * @param formsSource the folder the forms were read from, or {@code classpath:forms/}
 */
public record ModelSet(List<ModelFile> decisions, List<ModelFile> forms, List<ModelFile> processes,
                       String bpmnSource, String formsSource) {

    public ModelSet {
        decisions = List.copyOf(decisions);
        forms = List.copyOf(forms);
        processes = List.copyOf(processes);
    }

    /** Every file, decisions and forms before the processes that refer to them. */
    public List<ModelFile> all() {
        return Stream.of(decisions, forms, processes).flatMap(List::stream).toList();
    }

    /** The folder a file of this set was read from. */
    public String sourceOf(ModelFile file) {
        return file.path().startsWith("forms/") ? formsSource : bpmnSource;
    }

    /** Changes whenever a file is added, removed, renamed or edited: what the watcher compares. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ModelFile file : all()) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
