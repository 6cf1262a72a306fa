/** The daily batch in the JSON API (/api/v1/batches): list, cut by hand, slip as JSON and as PDF. */
package org.wenzheng.batch.api;
