/** Pages of routing: the batches waiting, the leader's batch page, the rules and the returns report; the case page. */
package org.wenzheng.routing.web;
