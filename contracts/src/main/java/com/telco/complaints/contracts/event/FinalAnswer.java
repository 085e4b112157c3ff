package com.telco.complaints.contracts.event;

/**
 * What the customer is told when the complaint is answered (operator procedures, 问题解决/反馈): why it
 * happened, how it was handled, and what the solution is.
 */
public record FinalAnswer(String cause, String process, String solution) {}
