package org.openreturns.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers a successful API login for a short time. API clients send their credentials with every request, and
 * checking them means asking the identity store each time: the engine's database (a password hash and a group query)
 * or, on Camunda 8, the cluster over the network.
 *
 * <p>Only successes are remembered, keyed by the user name and a salted hash of the password, so a wrong password is
 * always checked by the identity store and no password is kept. The price: a changed password, a removed user or a
 * changed group membership takes effect in the API after at most the remembered time ({@code
 * returns.identity.remember-logins}).
 */
final class RememberedLogins implements AuthenticationProvider {

    private static final int MOST_LOGINS_REMEMBERED = 10_000;

    private final AuthenticationProvider identityStore;
    private final Cache<String, Authentication> logins;
    /** Random per process: the keys in memory are no use for guessing passwords offline. */
    private final byte[] salt = new SecureRandom().generateSeed(16);

    RememberedLogins(AuthenticationProvider identityStore, Duration rememberFor, Ticker ticker) {
        this.identityStore = identityStore;
        this.logins = Caffeine.newBuilder().expireAfterWrite(rememberFor).maximumSize(MOST_LOGINS_REMEMBERED)
                .ticker(ticker).build();
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String key = login.getName() + ":" + hash(String.valueOf(login.getCredentials()));
        Authentication remembered = logins.getIfPresent(key);
        if (remembered != null) {
            return remembered;
        }
        // A failed check throws: nothing is remembered.
        Authentication authenticated = identityStore.authenticate(login);
        if (authenticated != null && authenticated.isAuthenticated()) {
            logins.put(key, authenticated);
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String hash(String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return Base64.getEncoder().encodeToString(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
