package org.wenzheng.batch;

import java.util.List;

/** The forwarding slip (网络舆情抄告单) of one batch: its messages in slip order. */
public record Slip(BatchSummary batch, List<SlipLine> lines) {
}
