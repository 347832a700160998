package org.openreturns.process.camunda8;

import org.openreturns.process.Runtimes;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The scheduler on which the set-up against the cluster (deployment, identity) runs and is retried. */
@Configuration(proxyBeanMethods = false)
@Profile(Runtimes.CAMUNDA8)
class Camunda8Scheduling {

    static final String SET_UP_SCHEDULER = "camunda8SetUpScheduler";

    /** Spring Boot's builder, so the pool follows {@code spring.task.scheduling.*} like any other scheduler. */
    @Bean(SET_UP_SCHEDULER)
    ThreadPoolTaskScheduler camunda8SetUpScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.threadNamePrefix("camunda8-setup-").build();
    }
}
