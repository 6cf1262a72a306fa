/** The JSON API of routing, rules and cases, with the error mappers that turn refusals into 400/403/404/409 JSON. */
package org.wenzheng.routing.api;
