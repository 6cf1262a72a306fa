/**
 * What two or more features need: the data source and migrations, the clock, health checks, the JSON API root and its error mapping.
 */
package org.wenzheng.common;
