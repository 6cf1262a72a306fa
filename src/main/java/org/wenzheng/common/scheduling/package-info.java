/**
 * Scheduled work that survives restarts, catches up on missed runs and runs once across instances: jobs implement
 * {@link org.wenzheng.common.scheduling.Schedulable}; {@link org.wenzheng.common.scheduling.JobScheduler} runs them
 * under database leases.
 */
package org.wenzheng.common.scheduling;
