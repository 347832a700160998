package org.openreturns.ai.reasons;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.LanguageSample;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Tells in which of the known languages a message is written: OpenNLP's language detector (character 1- to
 * 3-grams, naive Bayes: the classic way to tell languages apart, and trained in
 * milliseconds) trained on the labelled messages, whose language is known from their file.
 */
final class MessageLanguages {

    private final LanguageDetectorModel model;

    private MessageLanguages(LanguageDetectorModel model) {
        this.model = model;
    }

    static MessageLanguages train(List<LabelledMessage> messages) {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "NAIVEBAYES");
        parameters.put(TrainingParameters.CUTOFF_PARAM, 1);
        List<LanguageSample> samples = messages.stream()
                .map(message -> new LanguageSample(new Language(message.language()), message.message())).toList();
        try {
            return new MessageLanguages(LanguageDetectorME.train(ObjectStreamUtils.createObjectStream(samples),
                    parameters, new LanguageDetectorFactory()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot train the language detector", e);
        }
    }

    /** Reads a detector {@link #write} wrote. */
    static MessageLanguages read(InputStream in) throws IOException {
        return new MessageLanguages(new LanguageDetectorModel(in));
    }

    void write(OutputStream out) throws IOException {
        model.serialize(out);
    }

    /** The most likely language of the message (en, de, fr or es). */
    String detect(String message) {
        // The detector holds no state between calls but is cheap to create; one per call keeps it thread-safe.
        return new LanguageDetectorME(model).predictLanguage(message).getLang();
    }
}
