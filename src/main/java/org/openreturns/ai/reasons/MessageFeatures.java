package org.openreturns.ai.reasons;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * What the classifier sees of a message: stemmed words and word pairs (so "tight", "tighter" and "Tightness" are
 * one thing), and the character n-grams of each word (so misspellings, slang and compound words such as
 * "Kartonecke" still share most of their features with the words they come from). Emoji count as words.
 */
final class MessageFeatures {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}]+|\\p{N}+|[\\p{So}\\p{Sk}]");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final int SHORTEST_NGRAM = 3;
    private static final int LONGEST_NGRAM = 5;

    private MessageFeatures() {
    }

    /** The features of a message in a language (en, de, fr, es); the same message always gives the same features. */
    static String[] of(String message, String language) {
        SnowballStemmer stemmer = new SnowballStemmer(algorithm(language));
        List<String> words = words(message);
        List<String> features = new ArrayList<>();
        String previousStem = "<s>";
        for (String word : words) {
            String stem = stemmer.stem(word).toString();
            features.add("w=" + stem);
            features.add("ww=" + previousStem + "_" + stem);
            previousStem = stem;
            String bare = withoutAccents(word);
            String padded = "_" + bare + "_";
            for (int n = SHORTEST_NGRAM; n <= LONGEST_NGRAM; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    features.add("c=" + padded.substring(start, start + n));
                }
            }
        }
        if (features.isEmpty()) {
            features.add("empty");
        }
        return features.toArray(String[]::new);
    }

    /** The message's words, lower case, in Unicode's compatibility form (so full-width or ligature letters match). */
    static List<String> words(String message) {
        String normal = Normalizer.normalize(message, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(normal);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** "très" and "tres", "Größe" and "Grosse" are written both ways by customers; the n-grams ignore accents. */
    private static String withoutAccents(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").replace("ß", "ss");
    }

    private static SnowballStemmer.ALGORITHM algorithm(String language) {
        return switch (language) {
            case "de" -> SnowballStemmer.ALGORITHM.GERMAN;
            case "fr" -> SnowballStemmer.ALGORITHM.FRENCH;
            case "es" -> SnowballStemmer.ALGORITHM.SPANISH;
            default -> SnowballStemmer.ALGORITHM.ENGLISH;
        };
    }
}
