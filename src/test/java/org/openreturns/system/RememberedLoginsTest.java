package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class RememberedLoginsTest {

    /** The identity store: quality1's password is "demo"; every check it is asked for is recorded. */
    private final List<String> checksAsked = new ArrayList<>();
    private final AuthenticationProvider identityStore = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication login) {
            checksAsked.add(login.getName());
            if (!"quality1".equals(login.getName()) || !"demo".equals(login.getCredentials())) {
                throw new BadCredentialsException("Unknown user or wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated("quality1", null,
                    List.of(new SimpleGrantedAuthority("quality")));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };
    private final AtomicLong nanos = new AtomicLong();
    private final RememberedLogins logins = new RememberedLogins(identityStore, Duration.ofSeconds(30), nanos::get);

    @Test
    void aSuccessfulLoginIsRememberedWithItsGroups() {
        Authentication first = logins.authenticate(login("quality1", "demo"));
        Authentication second = logins.authenticate(login("quality1", "demo"));

        assertThat(checksAsked).containsExactly("quality1");
        assertThat(second.getName()).isEqualTo("quality1");
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("quality");
        assertThat(second).isSameAs(first);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverLetIn() {
        logins.authenticate(login("quality1", "demo"));

        assertThatThrownBy(() -> logins.authenticate(login("quality1", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> logins.authenticate(login("quality1", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checksAsked).containsExactly("quality1", "quality1", "quality1");
    }

    @Test
    void aFailedLoginIsNotRemembered() {
        assertThatThrownBy(() -> logins.authenticate(login("nobody", "demo"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> logins.authenticate(login("nobody", "demo"))).isInstanceOf(BadCredentialsException.class);

        assertThat(checksAsked).containsExactly("nobody", "nobody");
    }

    @Test
    void theIdentityStoreIsAskedAgainOnceTheRememberedTimeIsOver() {
        logins.authenticate(login("quality1", "demo"));
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        logins.authenticate(login("quality1", "demo"));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        logins.authenticate(login("quality1", "demo"));

        assertThat(checksAsked).containsExactly("quality1", "quality1");
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }
}
