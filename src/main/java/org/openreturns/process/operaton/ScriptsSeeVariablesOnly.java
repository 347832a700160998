package org.openreturns.process.operaton;

import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.spring.SpringBeansResolverFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The FEEL conditions of the models see the process variables only, as on Camunda 8, not every Spring bean.
 *
 * <p>Operaton's Spring integration offers all beans to scripts; the FEEL script engine reads its whole binding map
 * for every condition, which looked up every bean of the application each time a gateway was passed (about 7 % of
 * the job executor's time in the lifecycle benchmark's profile). Delegate and listener expressions
 * ({@code ${stepHandlerDelegate...}}) are resolved by the expression manager and are not affected.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class ScriptsSeeVariablesOnly extends AbstractProcessEnginePlugin {

    /** The Spring integration adds the beans to scripts while the engine initialises; they are taken out after. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getResolverFactories().removeIf(SpringBeansResolverFactory.class::isInstance);
    }
}
