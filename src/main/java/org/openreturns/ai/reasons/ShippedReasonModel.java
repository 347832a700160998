package org.openreturns.ai.reasons;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The shipped reason model, trained once when the application is built (Maven's {@code process-classes} phase runs
 * {@link #main}) and loaded at start-up in a fraction of a second instead of training it again for seconds.
 *
 * <p>The file starts with a fingerprint of what the model was trained from: the shipped training messages and the
 * compiled code that turns messages into features and trains. A start-up whose classes or data differ from those the
 * file was built with (a development build that skipped the step, an edited data file) does not use it and trains
 * in-process as before, so a stale model is never used.
 */
public final class ShippedReasonModel {

    static final String RESOURCE = "ai/reasons/shipped-model.bin";

    /** The compiled classes whose behaviour the trained model depends on. */
    private static final List<Class<?>> TRAINING_CODE = List.of(ReasonModel.class, MessageFeatures.class,
            ReasonWords.class, MessageLanguages.class);

    private ShippedReasonModel() {
    }

    /** The model built with the application, when it was built from the data and code this application has. */
    public static Optional<ReasonModel> load(String version) {
        try (InputStream in = ShippedReasonModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            DataInputStream data = new DataInputStream(in);
            if (!data.readUTF().equals(fingerprint())) {
                return Optional.empty();
            }
            return Optional.of(ReasonModel.fromBytes(version, data.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** SHA-256 over the training files and the training code's class files, in a fixed order. */
    static String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String language : ReasonDataSet.LANGUAGES) {
                digest.update(resource("ai/reasons/training/" + language + ".tsv"));
            }
            for (Class<?> code : TRAINING_CODE) {
                digest.update(resource(code.getName().replace('.', '/') + ".class"));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ShippedReasonModel.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    /**
     * Trains the shipped model and writes it next to the compiled classes, unless the file there was already built
     * from the same data and code. Run by the build; takes no arguments.
     */
    public static void main(String[] args) throws IOException, URISyntaxException {
        Path classes = Path.of(ShippedReasonModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path target = classes.resolve(RESOURCE);
        String fingerprint = fingerprint();
        if (Files.exists(target)) {
            try (DataInputStream existing = new DataInputStream(Files.newInputStream(target))) {
                if (existing.readUTF().equals(fingerprint)) {
                    System.out.println("Shipped reason model is up to date: " + target);
                    return;
                }
            }
        }
        long start = System.nanoTime();
        ReasonModel model = ReasonModel.train(ReasonClassifier.SHIPPED_VERSION, ReasonDataSet.training());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(fingerprint);
            out.write(model.toBytes());
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes.toByteArray());
        System.out.printf("Shipped reason model trained in %d ms: %s (%d KB)%n", (System.nanoTime() - start) / 1_000_000,
                target, bytes.size() / 1024);
    }
}
