/**
 * The daily batch (批次) that gathers registered messages, and its forwarding slip (抄告单).
 * <p>
 * The Jakarta Batch job "daily-batch" (META-INF/batch-jobs/daily-batch.xml) runs at wz.batch.cutTime (default 16:00,
 * Asia/Shanghai) on every working day through the persistent scheduler ({@link org.wenzheng.batch.DailyBatchSchedule}),
 * or by hand ({@link org.wenzheng.batch.BatchService#startNow()}). Its correctness never depends on the batch
 * runtime's job repository, which Payara keeps in an in-memory H2 by default: at most one batch is OPEN, a new run
 * completes it instead of cutting another, and each chunk is one guarded UPDATE that skips rows already in a batch
 * (see {@link org.wenzheng.batch.BatchStore}). Each chunk announces its messages ({@link
 * org.wenzheng.batch.MessagesGathered}) in its own transaction, so the routing feature stores their suggested units
 * with them; the slip prints those. Other settings: wz.batch.chunkSize (1000), wz.batch.waitSeconds (300).
 */
package org.wenzheng.batch;
