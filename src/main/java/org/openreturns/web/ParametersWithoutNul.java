package org.openreturns.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openreturns.system.FieldProblem;
import org.openreturns.system.InvalidParameterException;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter holding the character U+0000 (NUL) with a problem naming the parameter, before any
 * controller uses it: PostgreSQL cannot store or compare that character in text, so a search for it would fail as a
 * server error. JSON bodies are checked the same way while they are read ({@link JsonRequestBodies}).
 */
@Configuration
class ParametersWithoutNul implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/app/**");
    }

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                             @NonNull Object handler) {
        List<FieldProblem> problems = request.getParameterMap().entrySet().stream()
                .filter(parameter -> List.of(parameter.getValue()).stream().anyMatch(value -> value.indexOf('\0') >= 0))
                .map(Map.Entry::getKey).sorted()
                .map(name -> new FieldProblem(name, JsonRequestBodies.NUL_PROBLEM)).toList();
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        return true;
    }
}
