/** The JSON API of handling and approval (/api/v1/handling); refusals are mapped by routing's error mappers. */
package org.wenzheng.handling.api;
