package org.openreturns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.openreturns.refunds.RefundTestSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the real engine and a real (embedded) PostgreSQL, served on a random port. All tests
 * with this annotation share one application context, so they share one database: tests create their own data
 * with unique ids instead of relying on an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessTestSupport.class, RefundTestSupport.class})
public @interface ReturnsIntegrationTest {
}
