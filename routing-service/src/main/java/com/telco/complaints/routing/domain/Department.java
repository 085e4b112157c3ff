package com.telco.complaints.routing.domain;

/**
 * A department (责任部门) that receives work orders.
 *
 * @param supervisor the department's supervisor desk, which takes the second attempt; null if none
 */
public record Department(String id, String name, String supervisor) {}
