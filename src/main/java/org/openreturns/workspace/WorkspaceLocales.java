package org.openreturns.workspace;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The workspace speaks English, German, French and Spanish: the browser's Accept-Language chooses, and
 * {@code ?lang=de} switches (remembered in a cookie for a year).
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceLocales implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("returns-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            String acceptLanguage = headerOrEnglish(request.getHeader("Accept-Language"));
            Locale asked = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return asked == null ? Locale.ENGLISH : asked;
        });
        return resolver;
    }

    private static String headerOrEnglish(String acceptLanguage) {
        return acceptLanguage == null || acceptLanguage.isBlank() ? "en" : acceptLanguage;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/app/**");
    }
}
