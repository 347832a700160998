package org.openreturns.process.operaton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.openreturns.process.Runtimes;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Takes back, when the application starts, the jobs its own previous run had locked, so the steps that were running
 * when it was killed run again within seconds instead of after the lock time (five minutes) — docs/adr/0014.
 *
 * <p>The engine's job executor locks each job it takes with its lock owner and a lock expiry; by default the owner
 * is a random id per start, so after a crash nobody can tell the dead run's locks from a live node's, and they wait
 * for their expiry. Here the owner is this node's name instead ({@code returns.process.node-name}, by default the
 * host name), which a restart keeps. When the engine is built, before its job executor starts, no job of this node
 * can be running: every lock of its owner is a dead run's, and is released. Locks of other owners — other nodes on
 * the same database — are left alone, so a node never takes jobs another live node holds.
 *
 * <p>The release also raises each job's revision: should a process with the same name still run a job after all
 * (two nodes given one name), its commit of that job fails on the engine's optimistic locking instead of doubling it.
 */
@Profile("!" + Runtimes.CAMUNDA8)
@Component
class NodeJobLocks extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(NodeJobLocks.class);
    /** The width of the engine's lock owner column. */
    private static final int MAX_OWNER_LENGTH = 255;

    private final String lockOwner;
    private final boolean jobExecutionEnabled;

    NodeJobLocks(@Value("${returns.process.node-name:}") String nodeName,
                 @Value("${operaton.bpm.job-execution.enabled:true}") boolean jobExecutionEnabled) {
        this.lockOwner = nodeName.isBlank() ? hostName() : nodeName.strip();
        if (lockOwner.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("returns.process.node-name (RETURNS_NODE_NAME) is longer than "
                    + MAX_OWNER_LENGTH + " characters: " + lockOwner);
        }
        this.jobExecutionEnabled = jobExecutionEnabled;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null) {
            jobExecutor.setLockOwner(lockOwner);
        }
    }

    /**
     * A node that runs no jobs (job execution switched off, e.g. one that only serves the API) holds no locks and
     * must not release any: they may be those of a node on the same host.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        if (!jobExecutionEnabled) {
            return;
        }
        int released = releaseLocksOf(
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration(), lockOwner);
        if (released > 0) {
            log.info("Took back {} jobs that this node ({}) had locked when it stopped last; they run now", released,
                    lockOwner);
        } else {
            log.info("Job lock owner of this node: {}", lockOwner);
        }
    }

    /** Releases every job locked by the owner given; answers how many. */
    static int releaseLocksOf(ProcessEngineConfigurationImpl configuration, String owner) {
        String jobTable = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            try (PreparedStatement release = commandContext.getDbSqlSession().getSqlSession().getConnection()
                    .prepareStatement("update " + jobTable + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null,"
                            + " REV_ = REV_ + 1 where LOCK_OWNER_ = ?")) {
                release.setString(1, owner);
                return release.executeUpdate();
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not release the job locks of " + owner, e);
            }
        });
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("This machine's host name cannot be resolved (" + e.getMessage()
                    + "); set returns.process.node-name (RETURNS_NODE_NAME) to a name of this node", e);
        }
    }
}
